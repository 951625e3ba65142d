/**
 * Building blocks for the fixes and suggestions rules attach to findings (src/core/rule.ts
 * FixDescriptor): edits of the scanned tree, and the pcs argument vectors that make the same
 * change on a live cluster. Vectors are never joined into a shell line here: the pcs script and
 * the reports quote each word with shellWord() when they show it.
 */
import type { Cib } from './model.js';
import type { CibEdit, FixDescriptor } from '../core/rule.js';
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';

export const setAttribute = (element: XmlElement, name: string, value: string): CibEdit => ({ kind: 'setAttribute', element, name, value });
export const removeAttribute = (attribute: XmlAttribute): CibEdit => ({ kind: 'removeAttribute', attribute });
export const removeElement = (element: XmlElement): CibEdit => ({ kind: 'removeElement', element });
export const renameAttribute = (attribute: XmlAttribute, name: string, value?: string): CibEdit => ({
  kind: 'renameAttribute',
  attribute,
  name,
  ...(value !== undefined && { value }),
});

/** A fix or suggestion: a title, its edits, and the commands when pcs can make the change. */
export function remedy(title: string, edits: CibEdit[], ...commands: Array<string[] | undefined>): FixDescriptor {
  const vectors = commands.filter((command): command is string[] => command !== undefined);
  return vectors.length > 0 ? { title, edits, commands: vectors } : { title, edits };
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
