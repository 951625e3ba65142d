/**
 * pcs commands that rules suggest as fixes, built the way pcs 0.11 actually accepts them. Two
 * pcs limits shape them: `pcs resource meta` rejects bundle ids ("unable to find a
 * resource/clone/group"), where `pcs resource bundle update <id> meta` works; and pcs edits only
 * the first meta_attributes set of a resource or of rsc_defaults.
 */
import type { XmlElement } from '../document/xml/element.js';
/**
 * How a fix for a CIB that fails schema validation begins: pcs (and cibadmin) cannot load such a
 * CIB, so the fix is an edit of the file itself.
 */
export declare const EDIT_CIB_FILE = "Edit the CIB file (pcs cannot load a CIB that fails schema validation)";
/** The same said at the end of a fix: `Write score="INFINITY"` + IN_CIB_FILE. */
export declare const IN_CIB_FILE = " in the CIB file (pcs and cibadmin cannot load it until then)";
/**
 * The command that gives a meta-attribute nvpair of `owner` (a resource or rsc_defaults, as found
 * by `Cib.meta()`) a new value, or removes it when the value is empty, so that the resource falls
 * back to what it inherits. An nvpair pcs cannot reach (in a second set, or in a set shared
 * through `id-ref`) is changed by its id with cibadmin.
 */
export declare function setMetaCommand(owner: XmlElement, nvpair: XmlElement, value: string): string;
/** The command that removes a meta-attribute nvpair; see setMetaCommand(). */
export declare function unsetMetaCommand(owner: XmlElement, nvpair: XmlElement): string;
/**
 * One word of a shell command: as it is when it is safe, else in single quotes (a `'` inside
 * becomes `'\\''`). The one quoting of every value a command takes from the CIB: an id or value
 * holding `$(...)`, a quote or a line break stays one argument and runs nothing.
 */
export declare function shellWord(word: string): string;
/** An element's id as a shell word, or a placeholder for the reader to fill in when it has none. */
export declare function idWord(id: string | undefined, placeholder?: string): string;
/** A string as an XPath 1.0 literal (for cibadmin --xpath), whichever quotes it holds. */
export declare function xpathLiteral(value: string): string;
/**
 * `<name a="1" .../>` for cibadmin's --xml-text, every value escaped as a fix writes it into the
 * CIB (tabs and line breaks as character references: XML would read them as spaces). The one
 * builder of this text, for suggestions (xmlTextWord) and for fixes' commands (src/cib/edits.ts).
 */
export declare function xmlText(name: string, attributes: Readonly<Record<string, string>>): string;
/** xmlText() as one shell word. */
export declare function xmlTextWord(name: string, attributes: Readonly<Record<string, string>>): string;
/**
 * The pcs commands that replace a storage mapping by one with `changes` applied. Values in
 * `changes` are shell words already (quoted with shellWord by the caller, or placeholders left
 * as they are). pcs refuses to delete and re-add one id in a single command, hence two.
 */
export declare function recreateMappingCommand(bundle: string, mapping: XmlElement, changes: Record<string, string>): string;
