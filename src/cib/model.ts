/**
 * The typed CIB model rules read. It indexes the document once (ids, resources, bundles, nvsets),
 * so rules stay linear in the size of the CIB however many bundles or constraints it holds.
 */
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
import { parseContainerOptions, networkMode, type ContainerFlag } from './container-options.js';
import { parseBoolean, parseInteger, parseSchemaVersion, parseScore, type SchemaVersion } from './values.js';

export const CONTAINER_KINDS = ['docker', 'podman', 'rkt'] as const;
export type ContainerKind = (typeof CONTAINER_KINDS)[number];

/** Elements that define a resource under `configuration/resources`. */
export const RESOURCE_ELEMENTS = ['primitive', 'group', 'clone', 'master', 'bundle'] as const;

/**
 * Elements whose `id` attribute refers to another element instead of defining one:
 * `resource_set/resource_ref`, `tag/obj_ref`, and ACL role references (`role_ref` in the acls-1.x
 * schemas, `acl_target/role` and `acl_group/role` from acls-2.0: all IDREF, not ID).
 */
export const REFERENCE_ID_ELEMENTS = new Set(['resource_ref', 'obj_ref', 'role_ref']);

/**
 * Whether an element's `id` is an XML ID in Pacemaker's schema. Not so for references, for
 * `nodes/node` (its id is the cluster layer's node id, and a Pacemaker Remote node deliberately
 * shares its id with the connection resource) and for `acl_target` (a user name).
 */
function definesId(element: XmlElement): boolean {
  if (REFERENCE_ID_ELEMENTS.has(element.name) || element.name === 'acl_target') return false;
  if (element.name === 'node' && element.parent?.name === 'nodes') return false;
  // `<acl_target><role id="..."/>` (and acl_user/acl_group) names a role defined elsewhere.
  return !(element.name === 'role' && element.parent?.name !== 'acls');
}

/** The document-order index range `[first, last]` an element's subtree occupies. */
function subtreeRange(element: XmlElement | undefined): [number, number] {
  return element ? [element.index, element.lastDescendantIndex] : [-1, -2];
}

function inRange(element: XmlElement, [first, last]: [number, number]): boolean {
  return element.index >= first && element.index <= last;
}

/** The port Pacemaker Remote listens on when nothing else is configured. */
export const DEFAULT_REMOTE_PORT = 3121;

/** The value an nvpair gives, with the nvpair itself so a finding can point at it. */
export interface NvValue {
  value: string;
  nvpair: XmlElement;
  /** The `value` attribute of the nvpair (the narrowest node to report). */
  attribute: XmlAttribute | undefined;
}

/**
 * The agent a primitive runs, as Pacemaker resolves it: the primitive's own `class`, `provider`
 * and `type`, else those of the `<template>` it names in `template` (Pacemaker copies the
 * template and lets the primitive's own attributes win). Fields stay as written; Pacemaker
 * compares classes case-insensitively.
 */
export interface ResourceAgent {
  class: string | undefined;
  provider: string | undefined;
  type: string | undefined;
  /** The template the agent came from, when the primitive refers to one that exists. */
  template: XmlElement | undefined;
}

export class Bundle {
  readonly id: string;
  /** All container children (`docker`, `podman`, `rkt`); exactly one is valid. */
  readonly containers: XmlElement[];
  readonly container: XmlElement | undefined;
  readonly containerKind: ContainerKind | undefined;
  readonly network: XmlElement | undefined;
  readonly portMappings: XmlElement[];
  readonly storage: XmlElement | undefined;
  readonly storageMappings: XmlElement[];
  /** Resource children of the bundle (valid bundles have at most one, a primitive). */
  readonly resources: XmlElement[];
  /** The bundled primitive, P in the catalog. */
  readonly primitive: XmlElement | undefined;
  private parsedOptions: ContainerFlag[] | undefined;

  constructor(readonly element: XmlElement, private readonly cib: Cib) {
    this.id = element.id ?? '';
    this.containers = element.childrenNamed(...CONTAINER_KINDS);
    this.container = this.containers[0];
    this.containerKind = this.container?.name as ContainerKind | undefined;
    this.network = element.child('network');
    this.portMappings = this.network?.childrenNamed('port-mapping') ?? [];
    this.storage = element.child('storage');
    this.storageMappings = this.storage?.childrenNamed('storage-mapping') ?? [];
    this.resources = element.childrenNamed(...RESOURCE_ELEMENTS);
    this.primitive = element.child('primitive');
  }

  /** Flags parsed from the container's `options` attribute (parsed on first use). */
  get containerOptions(): ContainerFlag[] {
    this.parsedOptions ??= parseContainerOptions(this.container?.attr('options'));
    return this.parsedOptions;
  }

  /** "With a resource" in the catalog: the bundle holds a primitive Pacemaker must reach. */
  get hasResource(): boolean {
    return this.primitive !== undefined;
  }

  /**
   * Pacemaker runs Pacemaker Remote connections for this bundle: it has a resource and its network
   * sets ip-range-start or control-port. Otherwise Pacemaker ignores the resource (see the rule
   * bundle-resource-needs-ip-range-or-control-port), and nothing listens on a control port.
   */
  get connectsRemote(): boolean {
    return this.hasResource && (this.network?.has('ip-range-start') === true || this.network?.has('control-port') === true);
  }

  containerAttr(name: string): string | undefined {
    return this.container?.attr(name);
  }

  networkAttr(name: string): string | undefined {
    return this.network?.attr(name);
  }

  /** `replicas`, defaulting as Pacemaker does (promoted-max, else 1); undefined when unparsable. */
  get replicas(): number | undefined {
    const raw = this.containerAttr('replicas');
    if (raw === undefined) return Math.max(1, this.promotedMax ?? 0);
    return parseInteger(raw);
  }

  /** `replicas-per-host`, default 1; undefined when unparsable. */
  get replicasPerHost(): number | undefined {
    const raw = this.containerAttr('replicas-per-host');
    return raw === undefined ? 1 : parseInteger(raw);
  }

  /** `promoted-max`, or the deprecated `masters`; undefined when neither parses. */
  get promotedMax(): number | undefined {
    return parseInteger(this.containerAttr('promoted-max') ?? this.containerAttr('masters'));
  }

  get controlPort(): number | undefined {
    return parseInteger(this.networkAttr('control-port'));
  }

  /** The port Pacemaker Remote listens on inside the container. */
  get effectiveControlPort(): number {
    return this.controlPort ?? DEFAULT_REMOTE_PORT;
  }

  /** Host networking: `network="host"` on the container or `--net=host` in its options. */
  get usesHostNetwork(): boolean {
    return this.containerAttr('network') === 'host' || networkMode(this.containerOptions) === 'host';
  }

  /** Promotable: `promoted-max` or `masters` above 0, or meta `promotable` true. */
  get isPromotable(): boolean {
    return (this.promotedMax ?? 0) > 0 || parseBoolean(this.cib.meta(this.element, 'promotable')?.value) === true;
  }
}

export class Cib {
  readonly configuration: XmlElement | undefined;
  readonly crmConfig: XmlElement | undefined;
  readonly nodesSection: XmlElement | undefined;
  readonly resourcesSection: XmlElement | undefined;
  readonly constraintsSection: XmlElement | undefined;
  readonly rscDefaults: XmlElement | undefined;
  readonly status: XmlElement | undefined;
  /** Every element of the configuration section carrying an `id`, by id (duplicates kept). */
  readonly elementsById = new Map<string, XmlElement[]>();
  /** Every element of the document by name, status included: built on first use (see elementsByName). */
  #allByName: Map<string, XmlElement[]> | undefined;
  private bundleList: Bundle[] | undefined;
  /** Document-order index range of the configuration section: its elements are contiguous. */
  private readonly configurationRange: [number, number];
  private readonly resourcesRange: [number, number];
  /** The configuration section's elements by name. */
  private readonly configuredByName = new Map<string, XmlElement[]>();
  private primitiveList: readonly XmlElement[] | undefined;
  private readonly setCache = new Map<XmlElement, Map<string, XmlElement[]>>();
  private bundleByElement: Map<XmlElement, Bundle> | undefined;
  private templatesById: Map<string, XmlElement> | undefined;

  readonly #elements: () => readonly XmlElement[];

  constructor(
    readonly root: XmlElement,
    /**
     * Every element in document order, or how to get them: a document scans its status section's
     * content only when asked for every element (see CibDocument.elements).
     */
    elements: readonly XmlElement[] | (() => readonly XmlElement[]),
  ) {
    this.#elements = typeof elements === 'function' ? elements : () => elements;
    this.configuration = root.child('configuration');
    this.crmConfig = this.configuration?.child('crm_config');
    this.nodesSection = this.configuration?.child('nodes');
    this.resourcesSection = this.configuration?.child('resources');
    this.constraintsSection = this.configuration?.child('constraints');
    this.rscDefaults = this.configuration?.child('rsc_defaults');
    this.status = root.child('status');
    this.configurationRange = subtreeRange(this.configuration);
    this.resourcesRange = subtreeRange(this.resourcesSection);
    // Only the configuration section is indexed up front: the rules look there, and in a live CIB
    // the status section holds most of the elements. Depth first in document order, with a stack
    // and indexed loops: this runs once, cold, over every element of a large CIB, and a for-of
    // allocates an iterator result per element until the code is optimised.
    if (!this.configuration) return;
    this.configuredByName.set('configuration', [this.configuration]);
    const stack: XmlElement[] = [];
    const pushChildren = (element: XmlElement): void => {
      const children = element.children;
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    };
    pushChildren(this.configuration);
    for (let element = stack.pop(); element; element = stack.pop()) {
      pushChildren(element);
      let list = this.configuredByName.get(element.name);
      if (!list) this.configuredByName.set(element.name, (list = []));
      list.push(element);
      const id = element.id;
      if (id === undefined || !definesId(element)) continue;
      let sameId = this.elementsById.get(id);
      if (!sameId) this.elementsById.set(id, (sameId = []));
      sameId.push(element);
    }
  }

  /** Every element in document order, status included. */
  get elements(): readonly XmlElement[] {
    return this.#elements();
  }

  /** Every element of the document by name, status included, in document order (built on first use). */
  get elementsByName(): Map<string, XmlElement[]> {
    if (!this.#allByName) {
      this.#allByName = new Map();
      for (let index = 0; index < this.elements.length; index++) {
        const element = this.elements[index]!;
        let list = this.#allByName.get(element.name);
        if (!list) this.#allByName.set(element.name, (list = []));
        list.push(element);
      }
    }
    return this.#allByName;
  }

  get validateWith(): string | undefined {
    return this.root.attr('validate-with');
  }

  get schemaVersion(): SchemaVersion | undefined {
    return parseSchemaVersion(this.validateWith);
  }

  /** Elements with this name anywhere in the document (status included), in document order. */
  all(name: string): readonly XmlElement[] {
    return this.elementsByName.get(name) ?? [];
  }

  /** Elements with this name inside the configuration section (the section itself included), in document order. */
  configured(name: string): readonly XmlElement[] {
    return this.configuredByName.get(name) ?? [];
  }

  inConfiguration(element: XmlElement): boolean {
    return inRange(element, this.configurationRange);
  }

  /** The first element of the configuration section with this id. */
  byId(id: string): XmlElement | undefined {
    return this.elementsById.get(id)?.[0];
  }

  get bundles(): Bundle[] {
    this.bundleList ??= this.configured('bundle').map((element) => new Bundle(element, this));
    return this.bundleList;
  }

  /** The bundle that directly holds this element, if any. */
  bundleOf(element: XmlElement): Bundle | undefined {
    const parent = element.parent;
    if (parent?.name !== 'bundle') return undefined;
    this.bundleByElement ??= new Map(this.bundles.map((bundle) => [bundle.element, bundle]));
    return this.bundleByElement.get(parent);
  }

  /** Every primitive in the resources section (inside groups, clones and bundles too). */
  get primitives(): readonly XmlElement[] {
    this.primitiveList ??= this.configured('primitive').filter((element) => inRange(element, this.resourcesRange));
    return this.primitiveList;
  }

  /** `<template>` elements of the resources section, by id (the first one wins). */
  templateById(id: string): XmlElement | undefined {
    if (!this.templatesById) {
      this.templatesById = new Map();
      for (const template of this.configured('template')) {
        if (template.parent !== this.resourcesSection || template.id === undefined) continue;
        if (!this.templatesById.has(template.id)) this.templatesById.set(template.id, template);
      }
    }
    return this.templatesById.get(id);
  }

  /** The effective agent of a primitive, following its `template` reference. */
  resourceAgent(primitive: XmlElement): ResourceAgent {
    const reference = primitive.attr('template');
    const template = reference === undefined ? undefined : this.templateById(reference);
    const pick = (name: string): string | undefined => primitive.attr(name) ?? template?.attr(name);
    return { class: pick('class'), provider: pick('provider'), type: pick('type'), template };
  }

  /** Fencing devices: primitives of class `stonith`, their own or their template's. */
  get fencingDevices(): readonly XmlElement[] {
    return this.primitives.filter((primitive) => this.resourceAgent(primitive).class === 'stonith');
  }

  get clusterNodes(): XmlElement[] {
    return this.nodesSection?.childrenNamed('node') ?? [];
  }

  /**
   * A cluster option from `crm_config` (every `cluster_property_set`, first value wins). Give
   * several names to accept Pacemaker 3's `fencing-*` and Pacemaker 2's `stonith-*` spellings.
   */
  clusterOption(...names: string[]): NvValue | undefined {
    if (!this.crmConfig) return undefined;
    for (const set of this.resolvedSets(this.crmConfig, 'cluster_property_set')) {
      const found = this.findNvpair(set, names);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The effective meta-attribute of a resource: its own `meta_attributes` sets (higher `score`
   * first, `id-ref` followed), then `rsc_defaults`. `#default` means "not set". Sets with `rule`
   * conditions are taken as if their rule applied.
   */
  meta(resource: XmlElement, name: string, options: { inheritDefaults?: boolean } = {}): NvValue | undefined {
    for (const set of this.resolvedSets(resource, 'meta_attributes')) {
      const found = this.findNvpair(set, [name]);
      if (found) return found.value === '#default' ? undefined : found;
    }
    if (options.inheritDefaults !== false && this.rscDefaults) {
      for (const set of this.resolvedSets(this.rscDefaults, 'meta_attributes')) {
        const found = this.findNvpair(set, [name]);
        if (found) return found.value === '#default' ? undefined : found;
      }
    }
    return undefined;
  }

  /** Only the resource's own meta-attributes, without `rsc_defaults`. */
  ownMeta(resource: XmlElement, name: string): NvValue | undefined {
    return this.meta(resource, name, { inheritDefaults: false });
  }

  /** The value of an instance attribute of a resource (own sets only). */
  instanceAttribute(resource: XmlElement, name: string): NvValue | undefined {
    for (const set of this.resolvedSets(resource, 'instance_attributes')) {
      const found = this.findNvpair(set, [name]);
      if (found) return found;
    }
    return undefined;
  }

  /** The nvsets named `setName` under `owner`, `id-ref`s replaced by their targets, by score. */
  resolvedSets(owner: XmlElement, setName: string): readonly XmlElement[] {
    let byName = this.setCache.get(owner);
    if (!byName) this.setCache.set(owner, (byName = new Map()));
    let resolved = byName.get(setName);
    if (!resolved) {
      const sets = owner.childrenNamed(setName).map((set) => {
        const ref = set.attr('id-ref');
        return ref === undefined ? set : this.byId(ref) ?? set;
      });
      // Pacemaker reads the cib-bootstrap-options set before every other, whatever the scores;
      // scores may be INFINITY. Ties keep document order (as Pacemaker 3's upgrade sorts them).
      const first = (set: XmlElement): number => (setName === 'cluster_property_set' && set.id === 'cib-bootstrap-options' ? 1 : 0);
      const score = (set: XmlElement): number => parseScore(set.attr('score')) ?? 0;
      const descending = (x: number, y: number): number => (x > y ? -1 : x < y ? 1 : 0);
      resolved =
        sets.length < 2
          ? sets
          : sets
              .map((set, order) => ({ set, order }))
              .sort((a, b) => first(b.set) - first(a.set) || descending(score(a.set), score(b.set)) || a.order - b.order)
              .map(({ set }) => set);
      byName.set(setName, resolved);
    }
    return resolved;
  }

  private findNvpair(set: XmlElement, names: string[]): NvValue | undefined {
    for (const child of set.children) {
      if (child.name !== 'nvpair') continue;
      const nvpair = child.has('id-ref') ? this.byId(child.attr('id-ref')!) ?? child : child;
      const nvName = nvpair.attr('name');
      const value = nvpair.attr('value');
      if (nvName !== undefined && names.includes(nvName) && value !== undefined) {
        return { value, nvpair, attribute: nvpair.attribute('value') };
      }
    }
    return undefined;
  }
}
