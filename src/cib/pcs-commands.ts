/**
 * pcs commands that rules suggest as fixes, built the way pcs 0.11 actually accepts them. Two
 * pcs limits shape them: `pcs resource meta` rejects bundle ids ("unable to find a
 * resource/clone/group"), where `pcs resource bundle update <id> meta` works; and pcs edits only
 * the first meta_attributes set of a resource or of rsc_defaults.
 */
import type { XmlElement } from '../document/xml/element.js';
import { escapeAttributeValue } from '../core/fixes.js';

/**
 * How a fix for a CIB that fails schema validation begins: pcs (and cibadmin) cannot load such a
 * CIB, so the fix is an edit of the file itself.
 */
export const EDIT_CIB_FILE = 'Edit the CIB file (pcs cannot load a CIB that fails schema validation)';
/** The same said at the end of a fix: `Write score="INFINITY"` + IN_CIB_FILE. */
export const IN_CIB_FILE = ' in the CIB file (pcs and cibadmin cannot load it until then)';

/**
 * The command that gives a meta-attribute nvpair of `owner` (a resource or rsc_defaults, as found
 * by `Cib.meta()`) a new value, or removes it when the value is empty, so that the resource falls
 * back to what it inherits. An nvpair pcs cannot reach (in a second set, or in a set shared
 * through `id-ref`) is changed by its id with cibadmin.
 */
export function setMetaCommand(owner: XmlElement, nvpair: XmlElement, value: string): string {
  const name = nvpair.attr('name');
  const pair = name === undefined ? `<name>=${shellWord(value)}` : shellWord(`${name}=${value}`);
  const set = nvpair.parent;
  if (set && set.parent === owner && set === owner.child('meta_attributes')) {
    if (owner.name === 'bundle' && owner.id !== undefined) return `pcs resource bundle update ${shellWord(owner.id)} meta ${pair}`;
    if (owner.name === 'rsc_defaults') return `pcs resource defaults update ${pair}`;
    if (['primitive', 'group', 'clone', 'master'].includes(owner.name) && owner.id !== undefined) {
      return `pcs resource meta ${shellWord(owner.id)} ${pair}`;
    }
  }
  const id = nvpair.id ?? '';
  const command = value === ''
    ? `cibadmin --delete --xml-text ${xmlTextWord('nvpair', { id })}`
    : `cibadmin --modify --xml-text ${xmlTextWord('nvpair', { id, value })}`;
  return set?.parent === owner ? command : `${command} (the set "${set?.id ?? ''}" is shared through id-ref: this changes every resource using it)`;
}

/** The command that removes a meta-attribute nvpair; see setMetaCommand(). */
export function unsetMetaCommand(owner: XmlElement, nvpair: XmlElement): string {
  return setMetaCommand(owner, nvpair, '');
}

/**
 * One word of a shell command: as it is when it is safe, else in single quotes (a `'` inside
 * becomes `'\\''`). The one quoting of every value a command takes from the CIB: an id or value
 * holding `$(...)`, a quote or a line break stays one argument and runs nothing.
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** An element's id as a shell word, or a placeholder for the reader to fill in when it has none. */
export function idWord(id: string | undefined, placeholder = '<id>'): string {
  return id === undefined ? placeholder : shellWord(id);
}

/** A string as an XPath 1.0 literal (for cibadmin --xpath), whichever quotes it holds. */
export function xpathLiteral(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `concat(${value.split('"').map((part) => `"${part}"`).join(`, '"', `)})`;
}

/**
 * `<name a="1" .../>` for cibadmin's --xml-text, every value escaped as a fix writes it into the
 * CIB (tabs and line breaks as character references: XML would read them as spaces). The one
 * builder of this text, for suggestions (xmlTextWord) and for fixes' commands (src/cib/edits.ts).
 */
export function xmlText(name: string, attributes: Readonly<Record<string, string>>): string {
  return `<${name}${Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeAttributeValue(value, '"')}"`).join('')}/>`;
}

/** xmlText() as one shell word. */
export function xmlTextWord(name: string, attributes: Readonly<Record<string, string>>): string {
  return shellWord(xmlText(name, attributes));
}

/**
 * The pcs commands that replace a storage mapping by one with `changes` applied. Values in
 * `changes` are shell words already (quoted with shellWord by the caller, or placeholders left
 * as they are). pcs refuses to delete and re-add one id in a single command, hence two.
 */
export function recreateMappingCommand(bundle: string, mapping: XmlElement, changes: Record<string, string>): string {
  const id = idWord(mapping.id);
  const options = ['source-dir', 'source-dir-root', 'target-dir', 'options'].flatMap((name) => {
    const value = changes[name] ?? (mapping.has(name) ? shellWord(mapping.attr(name)!) : undefined);
    return value === undefined ? [] : [`${name}=${value}`];
  });
  const update = `pcs resource bundle update ${shellWord(bundle)} storage-map`;
  return `${update} delete ${id} && ${update} add ${mapping.id === undefined ? 'id=<id>' : shellWord(`id=${mapping.id}`)} ${options.join(' ')}`;
}
