/**
 * The typed CIB model rules read. It indexes the document once (ids, resources, bundles, nvsets),
 * so rules stay linear in the size of the CIB however many bundles or constraints it holds.
 */
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
import { type ContainerFlag } from './container-options.js';
import { type SchemaVersion } from './values.js';
export declare const CONTAINER_KINDS: readonly ["docker", "podman", "rkt"];
export type ContainerKind = (typeof CONTAINER_KINDS)[number];
/** Elements that define a resource under `configuration/resources`. */
export declare const RESOURCE_ELEMENTS: readonly ["primitive", "group", "clone", "master", "bundle"];
/**
 * Elements whose `id` attribute refers to another element instead of defining one:
 * `resource_set/resource_ref`, `tag/obj_ref`, and ACL role references (`role_ref` in the acls-1.x
 * schemas, `acl_target/role` and `acl_group/role` from acls-2.0: all IDREF, not ID).
 */
export declare const REFERENCE_ID_ELEMENTS: Set<string>;
/** The port Pacemaker Remote listens on when nothing else is configured. */
export declare const DEFAULT_REMOTE_PORT = 3121;
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
export declare class Bundle {
    readonly element: XmlElement;
    private readonly cib;
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
    private parsedOptions;
    constructor(element: XmlElement, cib: Cib);
    /** Flags parsed from the container's `options` attribute (parsed on first use). */
    get containerOptions(): ContainerFlag[];
    /** "With a resource" in the catalog: the bundle holds a primitive Pacemaker must reach. */
    get hasResource(): boolean;
    /**
     * Pacemaker runs Pacemaker Remote connections for this bundle: it has a resource and its network
     * sets ip-range-start or control-port. Otherwise Pacemaker ignores the resource (see the rule
     * bundle-resource-needs-ip-range-or-control-port), and nothing listens on a control port.
     */
    get connectsRemote(): boolean;
    containerAttr(name: string): string | undefined;
    networkAttr(name: string): string | undefined;
    /** `replicas`, defaulting as Pacemaker does (promoted-max, else 1); undefined when unparsable. */
    get replicas(): number | undefined;
    /** `replicas-per-host`, default 1; undefined when unparsable. */
    get replicasPerHost(): number | undefined;
    /** `promoted-max`, or the deprecated `masters`; undefined when neither parses. */
    get promotedMax(): number | undefined;
    get controlPort(): number | undefined;
    /** The port Pacemaker Remote listens on inside the container. */
    get effectiveControlPort(): number;
    /** Host networking: `network="host"` on the container or `--net=host` in its options. */
    get usesHostNetwork(): boolean;
    /** Promotable: `promoted-max` or `masters` above 0, or meta `promotable` true. */
    get isPromotable(): boolean;
}
export declare class Cib {
    #private;
    readonly root: XmlElement;
    readonly configuration: XmlElement | undefined;
    readonly crmConfig: XmlElement | undefined;
    readonly nodesSection: XmlElement | undefined;
    readonly resourcesSection: XmlElement | undefined;
    readonly constraintsSection: XmlElement | undefined;
    readonly rscDefaults: XmlElement | undefined;
    readonly status: XmlElement | undefined;
    /** Every element of the configuration section carrying an `id`, by id (duplicates kept). */
    readonly elementsById: Map<string, XmlElement[]>;
    private bundleList;
    /** Document-order index range of the configuration section: its elements are contiguous. */
    private readonly configurationRange;
    private readonly resourcesRange;
    /** The configuration section's elements by name. */
    private readonly configuredByName;
    private primitiveList;
    private readonly setCache;
    private bundleByElement;
    private templatesById;
    constructor(root: XmlElement, 
    /**
     * Every element in document order, or how to get them: a document scans its status section's
     * content only when asked for every element (see CibDocument.elements).
     */
    elements: readonly XmlElement[] | (() => readonly XmlElement[]));
    /** Every element in document order, status included. */
    get elements(): readonly XmlElement[];
    /** Every element of the document by name, status included, in document order (built on first use). */
    get elementsByName(): Map<string, XmlElement[]>;
    get validateWith(): string | undefined;
    get schemaVersion(): SchemaVersion | undefined;
    /** Elements with this name anywhere in the document (status included), in document order. */
    all(name: string): readonly XmlElement[];
    /** Elements with this name inside the configuration section (the section itself included), in document order. */
    configured(name: string): readonly XmlElement[];
    inConfiguration(element: XmlElement): boolean;
    /** The first element of the configuration section with this id. */
    byId(id: string): XmlElement | undefined;
    get bundles(): Bundle[];
    /** The bundle that directly holds this element, if any. */
    bundleOf(element: XmlElement): Bundle | undefined;
    /** Every primitive in the resources section (inside groups, clones and bundles too). */
    get primitives(): readonly XmlElement[];
    /** `<template>` elements of the resources section, by id (the first one wins). */
    templateById(id: string): XmlElement | undefined;
    /** The effective agent of a primitive, following its `template` reference. */
    resourceAgent(primitive: XmlElement): ResourceAgent;
    /** Fencing devices: primitives of class `stonith`, their own or their template's. */
    get fencingDevices(): readonly XmlElement[];
    get clusterNodes(): XmlElement[];
    /**
     * A cluster option from `crm_config` (every `cluster_property_set`, first value wins). Give
     * several names to accept Pacemaker 3's `fencing-*` and Pacemaker 2's `stonith-*` spellings.
     */
    clusterOption(...names: string[]): NvValue | undefined;
    /**
     * The effective meta-attribute of a resource: its own `meta_attributes` sets (higher `score`
     * first, `id-ref` followed), then `rsc_defaults`. `#default` means "not set". Sets with `rule`
     * conditions are taken as if their rule applied.
     */
    meta(resource: XmlElement, name: string, options?: {
        inheritDefaults?: boolean;
    }): NvValue | undefined;
    /** Only the resource's own meta-attributes, without `rsc_defaults`. */
    ownMeta(resource: XmlElement, name: string): NvValue | undefined;
    /** The value of an instance attribute of a resource (own sets only). */
    instanceAttribute(resource: XmlElement, name: string): NvValue | undefined;
    /** The nvsets named `setName` under `owner`, `id-ref`s replaced by their targets, by score. */
    resolvedSets(owner: XmlElement, setName: string): readonly XmlElement[];
    private findNvpair;
}
