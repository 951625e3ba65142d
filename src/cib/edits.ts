/**
 * Building blocks for the fixes and suggestions rules attach to findings (src/core/rule.ts
 * FixDescriptor): edits of the scanned tree, and the pcs argument vectors that make the same
 * change on a live cluster. Vectors are never joined into a shell line here: the pcs script and
 * the reports quote each word with shellWord() when they show it.
 */
import type { Bundle, Cib } from './model.js';
import type { CibEdit, FixDescriptor } from '../core/rule.js';
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
import { xmlText } from './pcs-commands.js';

export const setAttribute = (element: XmlElement, name: string, value: string): CibEdit => ({ kind: 'setAttribute', element, name, value });
export const removeAttribute = (attribute: XmlAttribute): CibEdit => ({ kind: 'removeAttribute', attribute });
export const removeElement = (element: XmlElement): CibEdit => ({ kind: 'removeElement', element });
export const renameAttribute = (attribute: XmlAttribute, name: string, value?: string): CibEdit => ({
  kind: 'renameAttribute',
  attribute,
  name,
  ...(value !== undefined && { value }),
});

/**
 * A fix or suggestion: a title, its edits, and the commands that make the same change on a live
 * cluster; none when one of them cannot be made (undefined), since part of a change is no change.
 */
export function remedy(title: string, edits: CibEdit[], ...commands: Array<string[] | undefined>): FixDescriptor {
  if (commands.length === 0 || commands.some((command) => command === undefined)) return { title, edits };
  return { title, edits, commands: commands as string[][] };
}

/** `pcs resource bundle update <bundle> ...` */
export function bundleUpdate(bundle: string, ...words: string[]): string[] {
  return ['pcs', 'resource', 'bundle', 'update', bundle, ...words];
}

/**
 * The command that gives a meta-attribute nvpair of `owner` a new value, or removes it when the
 * value is empty; undefined when pcs cannot reach the nvpair (only the first meta_attributes set
 * of a resource or of rsc_defaults is pcs's to edit). See setMetaCommand() in pcs-commands.ts.
 */
export function metaCommand(owner: XmlElement, nvpair: XmlElement, value: string): string[] | undefined {
  const name = nvpair.attr('name');
  const set = nvpair.parent;
  if (name === undefined || !set || set.parent !== owner || set !== owner.child('meta_attributes')) return undefined;
  const pair = `${name}=${value}`;
  if (owner.name === 'bundle' && owner.id !== undefined) return bundleUpdate(owner.id, 'meta', pair);
  if (owner.name === 'rsc_defaults') return ['pcs', 'resource', 'defaults', 'update', pair];
  if (['primitive', 'group', 'clone', 'master'].includes(owner.name) && owner.id !== undefined) return ['pcs', 'resource', 'meta', owner.id, pair];
  return undefined;
}

/**
 * Removing an nvpair: the element itself (a set left empty is valid and harmless). An nvpair
 * reached through `id-ref` is shared, so it is not a change of one resource: undefined.
 */
export function removeNvpair(owner: XmlElement, nvpair: XmlElement): CibEdit[] | undefined {
  if (nvpair.parent?.parent !== owner) return undefined;
  return [removeElement(nvpair)];
}

/** An id not used in the CIB (nor in `taken`): `base`, else `base-1`, `base-2`... */
export function freeId(cib: Cib, base: string, taken: Set<string> = new Set()): string {
  let id = base;
  for (let n = 1; cib.byId(id) !== undefined || taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Adding a meta-attribute to a resource: into its first meta_attributes set (the one pcs edits),
 * or in a new set when it has none. Undefined when that set is shared through `id-ref`.
 */
export function addMeta(cib: Cib, owner: XmlElement, name: string, value: string): CibEdit[] | undefined {
  const set = owner.child('meta_attributes');
  const ownerId = owner.id ?? owner.name;
  if (set) {
    if (set.has('id-ref')) return undefined;
    const id = freeId(cib, `${set.id ?? `${ownerId}-meta_attributes`}-${name}`);
    return [{ kind: 'addElement', parent: set, element: { name: 'nvpair', attributes: { id, name, value } } }];
  }
  const setId = freeId(cib, `${ownerId}-meta_attributes`);
  const nvpairId = freeId(cib, `${setId}-${name}`);
  return [{
    kind: 'addElement',
    parent: owner,
    element: { name: 'meta_attributes', attributes: { id: setId }, children: [{ name: 'nvpair', attributes: { id: nvpairId, name, value } }] },
  }];
}

/**
 * The pcs commands that replace a storage mapping by one with `changes` applied (pcs refuses to
 * delete and re-add one id in a single command, hence two); undefined without a mapping id.
 */
export function recreateMapping(bundle: string, mapping: XmlElement, changes: Readonly<Record<string, string>>): string[][] | undefined {
  if (mapping.id === undefined) return undefined;
  const options = ['source-dir', 'source-dir-root', 'target-dir', 'options'].flatMap((name) => {
    const value = changes[name] ?? mapping.attr(name);
    return value === undefined ? [] : [`${name}=${value}`];
  });
  return [bundleUpdate(bundle, 'storage-map', 'delete', mapping.id), bundleUpdate(bundle, 'storage-map', 'add', `id=${mapping.id}`, ...options)];
}

/** cibadmin deleting the element with this tag and id; undefined without an id. */
export function cibadminDelete(element: XmlElement): string[] | undefined {
  return element.id === undefined ? undefined : ['cibadmin', '--delete', '--xml-text', xmlText(element.name, { id: element.id })];
}

/** cibadmin setting attributes of the element with this tag and id; undefined without an id. */
export function cibadminModify(element: XmlElement, attributes: Readonly<Record<string, string>>): string[] | undefined {
  return element.id === undefined ? undefined : ['cibadmin', '--modify', '--xml-text', xmlText(element.name, { id: element.id, ...attributes })];
}

/**
 * cibadmin rewriting an element without some attributes (it cannot drop one in place), with
 * `added` set; undefined when the element has children, which the rewrite would lose, or no id.
 */
export function cibadminReplaceWithout(element: XmlElement, names: readonly string[], added: Readonly<Record<string, string>> = {}): string[] | undefined {
  if (element.children.length > 0 || element.id === undefined) return undefined;
  const kept = Object.fromEntries(element.attributes.filter((attribute) => !names.includes(attribute.name)).map((attribute) => [attribute.name, attribute.value]));
  return ['cibadmin', '--replace', '--xml-text', xmlText(element.name, { ...kept, ...added })];
}

/** `make(value)` when there is a value (an edit list that could be built), else nothing to spread. */
export function withRemedies<T, R extends object>(value: T | undefined, make: (value: T) => R): R | Record<string, never> {
  return value === undefined ? {} : make(value);
}

/**
 * Whether removing the owner's `name` meta-attribute leaves it unset, rather than letting another
 * of its sets, or rsc_defaults, decide instead: exactly one nvpair of that name in its sets and
 * none in rsc_defaults.
 */
export function onlyMeta(cib: Cib, owner: XmlElement, name: string): boolean {
  const count = (sets: readonly XmlElement[]) => sets.reduce((sum, set) => sum + set.childrenNamed('nvpair').filter((nvpair) => nvpair.attr('name') === name).length, 0);
  const defaults = cib.rscDefaults ? count(cib.resolvedSets(cib.rscDefaults, 'meta_attributes')) : 0;
  return count(cib.resolvedSets(owner, 'meta_attributes')) === 1 && defaults === 0;
}

/** A suggestion of a control port for a bundle: on its `<network>`, made when it has none. */
export function controlPortRemedy(bundle: Bundle, port: number, why: string): FixDescriptor {
  const edit: CibEdit = bundle.network
    ? setAttribute(bundle.network, 'control-port', String(port))
    : { kind: 'addElement', parent: bundle.element, element: { name: 'network', attributes: { 'control-port': String(port) } } };
  return remedy(`Give it control-port ${port}, ${why}`, [edit], bundleUpdate(bundle.id, 'network', `control-port=${port}`));
}
