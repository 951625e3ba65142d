/**
 * What Pacemaker 3 removed from the CIB, and what its schema upgrade to pacemaker-4.0
 * (`xml/upgrade-3.10-*.xsl`, run by `cibadmin --upgrade` and by Pacemaker 3 when it loads an older
 * CIB) does with it. The pacemaker3-removed rule reports what `findRemovals` finds.
 */
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
import type { Bundle, Cib } from './model.js';

const REMOVED_CLASSES = new Set(['nagios', 'upstart']);

/** Cluster options the upgrade renames, with their new names. */
const RENAMED_CLUSTER_OPTIONS: Readonly<Record<string, string>> = {
  'crmd-finalization-timeout': 'join-finalization-timeout',
  'crmd-integration-timeout': 'join-integration-timeout',
  'crmd-transition-delay': 'transition-delay',
};
/** Owners whose meta_attributes lose restart-type (a master is a clone by then). */
const RESOURCE_META_OWNERS = new Set(['template', 'primitive', 'group', 'clone', 'master', 'bundle', 'rsc_defaults']);
const OP_META_OWNERS = new Set(['op', 'op_defaults']);
/**
 * Operation meta-attributes Pacemaker 3 no longer reads (release notes: "can-fail, can_fail, and
 * role_after_failure"). The upgrade deletes can_fail and role_after_failure; can-fail stays in
 * the CIB, ignored.
 */
const REMOVED_OP_META = new Set(['can_fail', 'can-fail', 'role_after_failure']);

/** Something Pacemaker 3 no longer supports, and where; `kind` names what the upgrade does with it. */
export type Removal =
  | { kind: 'droppedClass'; element: XmlElement; classes: string[] }
  | { kind: 'masterResource'; element: XmlElement }
  | { kind: 'lifetime'; lifetime: XmlElement; constraint: XmlElement }
  | { kind: 'restartType'; nvpair: XmlElement; owner: XmlElement }
  | { kind: 'operationMeta'; nvpair: XmlElement; owner: XmlElement; name: string; droppedByUpgrade: boolean }
  | { kind: 'renamedOption'; nvpair: XmlElement; name: string; newName: string }
  | { kind: 'removeAfterStop'; nvpair: XmlElement }
  | { kind: 'poweroff'; nvpair: XmlElement; name: string }
  | { kind: 'moon'; dateSpec: XmlElement; moon: XmlAttribute }
  | { kind: 'pingNode'; node: XmlElement; type: XmlAttribute }
  | { kind: 'fencingLevelIndex'; level: XmlElement; index: XmlAttribute };

/** Everything in the CIB that Pacemaker 3 removed, one pass per kind of element. */
export function findRemovals(cib: Cib): Removal[] {
  const found: Removal[] = resourcesDroppedWithTheirClass(cib).map(({ element, classes }) => ({ kind: 'droppedClass' as const, element, classes }));
  for (const element of cib.configured('master')) found.push({ kind: 'masterResource', element });
  // Reported by their own rules, once: rkt bundles (dropped) by bundle-rkt-unsupported, `masters`
  // on a bundle (renamed) by bundle-masters-deprecated.
  for (const lifetime of cib.configured('lifetime')) {
    if (lifetime.parent) found.push({ kind: 'lifetime', lifetime, constraint: lifetime.parent });
  }
  found.push(...removedNvpairs(cib));
  for (const dateSpec of cib.configured('date_spec')) {
    const moon = dateSpec.attribute('moon');
    if (moon) found.push({ kind: 'moon', dateSpec, moon });
  }
  for (const node of cib.clusterNodes) {
    const type = node.attribute('type');
    if (type?.value === 'ping') found.push({ kind: 'pingNode', node, type });
  }
  // The pacemaker-4.0 schema allows fencing level indexes 1 to 9 only; the upgrade drops the others.
  for (const level of cib.configured('fencing-level')) {
    const index = level.attribute('index');
    if (index && /^\d+$/.test(index.value.trim()) && Number(index.value) > 9) found.push({ kind: 'fencingLevelIndex', level, index });
  }
  return found;
}

/** Mirrors upgrade-3.10-2.xsl and -4.xsl for nvpairs, in document order. */
function removedNvpairs(cib: Cib): Removal[] {
  const found: Removal[] = [];
  for (const nvpair of cib.configured('nvpair')) {
    const name = nvpair.attr('name');
    const set = nvpair.parent;
    const owner = set?.parent;
    if (name === undefined || !set || !owner) continue;
    if (set.name === 'meta_attributes') {
      if (name === 'restart-type' && RESOURCE_META_OWNERS.has(owner.name)) found.push({ kind: 'restartType', nvpair, owner });
      if (REMOVED_OP_META.has(name) && OP_META_OWNERS.has(owner.name)) {
        found.push({ kind: 'operationMeta', nvpair, owner, name, droppedByUpgrade: name !== 'can-fail' });
      }
    } else if (set.name === 'cluster_property_set') {
      const newName = RENAMED_CLUSTER_OPTIONS[name];
      if (newName) found.push({ kind: 'renamedOption', nvpair, name, newName });
      else if (name === 'remove-after-stop') found.push({ kind: 'removeAfterStop', nvpair });
      else if ((name === 'stonith-action' || name === 'fencing-action') && nvpair.attr('value') === 'poweroff') {
        found.push({ kind: 'poweroff', nvpair, name });
      }
    }
  }
  return found;
}

/** A resource or template the upgrade deletes because of the class of its primitives. */
interface ClassDroppedResource {
  /** A template or primitive dropped for its class, or a group, clone or master emptied by that. */
  element: XmlElement;
  /** The removed classes involved, lower-case (`nagios`, `upstart`, or both). */
  classes: string[];
}

/**
 * Mirrors upgrade-3.10-4.xsl: nagios/upstart templates and primitives (also through a template)
 * are dropped; a group all of whose primitives are dropped, and a clone all of whose primitives
 * are dropped, go too. Only the outermost thing dropped is returned, as Pacemaker warns about it:
 * templates first, then groups and clones, then primitives.
 */
function resourcesDroppedWithTheirClass(cib: Cib): ClassDroppedResource[] {
  const removedClass = (element: XmlElement): string | undefined => {
    const value = element.attr('class')?.toLowerCase();
    return value !== undefined && REMOVED_CLASSES.has(value) ? value : undefined;
  };
  const found: ClassDroppedResource[] = [];
  const droppedTemplates = new Map<string, string>();
  for (const template of cib.configured('template')) {
    const cls = removedClass(template);
    if (cls === undefined || template.id === undefined) continue;
    droppedTemplates.set(template.id, cls);
    found.push({ element: template, classes: [cls] });
  }
  const dropped = new Map<XmlElement, string>();
  for (const primitive of cib.primitives) {
    const template = primitive.attr('template');
    const cls = removedClass(primitive) ?? (template === undefined ? undefined : droppedTemplates.get(template));
    if (cls !== undefined) dropped.set(primitive, cls);
  }
  if (dropped.size === 0) return found;

  const allDropped = (primitives: XmlElement[]): boolean => primitives.length > 0 && primitives.every((p) => dropped.has(p));
  const droppedCollectives = new Set<XmlElement>();
  for (const group of cib.configured('group')) if (allDropped(group.childrenNamed('primitive'))) droppedCollectives.add(group);
  for (const clone of [...cib.configured('clone'), ...cib.configured('master')]) {
    if (allDropped([...clone.descendants()].filter((element) => element.name === 'primitive'))) droppedCollectives.add(clone);
  }
  const insideDropped = (element: XmlElement): boolean => {
    for (let node = element.parent; node; node = node.parent) if (droppedCollectives.has(node)) return true;
    return false;
  };
  for (const collective of droppedCollectives) {
    if (insideDropped(collective)) continue;
    const classes = new Set<string>();
    for (const element of collective.descendants()) {
      const cls = dropped.get(element);
      if (cls !== undefined) classes.add(cls);
    }
    found.push({ element: collective, classes: [...classes] });
  }
  for (const [primitive, cls] of dropped) {
    if (!insideDropped(primitive)) found.push({ element: primitive, classes: [cls] });
  }
  return found;
}
