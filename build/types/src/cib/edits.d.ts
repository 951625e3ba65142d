/**
 * Building blocks for the fixes and suggestions rules attach to findings (src/core/rule.ts
 * FixDescriptor): edits of the scanned tree, and the pcs argument vectors that make the same
 * change on a live cluster. Vectors are never joined into a shell line here: the pcs script and
 * the reports quote each word with shellWord() when they show it.
 */
import type { Bundle, Cib } from './model.js';
import type { CibEdit, FixDescriptor } from '../core/rule.js';
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
export declare const setAttribute: (element: XmlElement, name: string, value: string) => CibEdit;
export declare const removeAttribute: (attribute: XmlAttribute) => CibEdit;
export declare const removeElement: (element: XmlElement) => CibEdit;
export declare const renameAttribute: (attribute: XmlAttribute, name: string, value?: string) => CibEdit;
/**
 * A fix or suggestion: a title, its edits, and the commands that make the same change on a live
 * cluster; none when one of them cannot be made (undefined), since part of a change is no change.
 */
export declare function remedy(title: string, edits: CibEdit[], ...commands: Array<string[] | undefined>): FixDescriptor;
/** `pcs resource bundle update <bundle> ...` */
export declare function bundleUpdate(bundle: string, ...words: string[]): string[];
/**
 * The command that gives a meta-attribute nvpair of `owner` a new value, or removes it when the
 * value is empty; undefined when pcs cannot reach the nvpair (only the first meta_attributes set
 * of a resource or of rsc_defaults is pcs's to edit). See setMetaCommand() in pcs-commands.ts.
 */
export declare function metaCommand(owner: XmlElement, nvpair: XmlElement, value: string): string[] | undefined;
/**
 * Removing an nvpair: the element itself (a set left empty is valid and harmless). An nvpair
 * reached through `id-ref` is shared, so it is not a change of one resource: undefined.
 */
export declare function removeNvpair(owner: XmlElement, nvpair: XmlElement): CibEdit[] | undefined;
/** An id not used in the CIB (nor in `taken`): `base`, else `base-1`, `base-2`... */
export declare function freeId(cib: Cib, base: string, taken?: Set<string>): string;
/**
 * Adding a meta-attribute to a resource: into its first meta_attributes set (the one pcs edits),
 * or in a new set when it has none. Undefined when that set is shared through `id-ref`.
 */
export declare function addMeta(cib: Cib, owner: XmlElement, name: string, value: string): CibEdit[] | undefined;
/**
 * The pcs commands that replace a storage mapping by one with `changes` applied (pcs refuses to
 * delete and re-add one id in a single command, hence two); undefined without a mapping id.
 */
export declare function recreateMapping(bundle: string, mapping: XmlElement, changes: Readonly<Record<string, string>>): string[][] | undefined;
/** cibadmin deleting the element with this tag and id; undefined without an id. */
export declare function cibadminDelete(element: XmlElement): string[] | undefined;
/** cibadmin setting attributes of the element with this tag and id; undefined without an id. */
export declare function cibadminModify(element: XmlElement, attributes: Readonly<Record<string, string>>): string[] | undefined;
/**
 * cibadmin rewriting an element without some attributes (it cannot drop one in place), with
 * `added` set; undefined when the element has children, which the rewrite would lose, or no id.
 */
export declare function cibadminReplaceWithout(element: XmlElement, names: readonly string[], added?: Readonly<Record<string, string>>): string[] | undefined;
/** `make(value)` when there is a value (an edit list that could be built), else nothing to spread. */
export declare function withRemedies<T, R extends object>(value: T | undefined, make: (value: T) => R): R | Record<string, never>;
/**
 * Whether removing the owner's `name` meta-attribute leaves it unset, rather than letting another
 * of its sets, or rsc_defaults, decide instead: exactly one nvpair of that name in its sets and
 * none in rsc_defaults.
 */
export declare function onlyMeta(cib: Cib, owner: XmlElement, name: string): boolean;
/** A suggestion of a control port for a bundle: on its `<network>`, made when it has none. */
export declare function controlPortRemedy(bundle: Bundle, port: number, why: string): FixDescriptor;
