import type { Bundle } from './model.js';
export type GeneratedKind = 'replica' | 'container' | 'ip' | 'clone';
export interface GeneratedName {
    name: string;
    /**
     * `replica`: the Pacemaker Remote connection and bundle node `<bundle>-<i>`; `container`: the
     * container resource `<bundle>-docker-<i>` (podman, rkt); `ip`: the IPaddr2 resource
     * `<bundle>-ip-<address>`; `clone`: the implicit clone `<bundle>-clone` or `<bundle>-master`.
     */
    kind: GeneratedKind;
}
/**
 * More replicas than this are not enumerated: no cluster runs that many, and a typo such as
 * replicas="3000000" must not make the linter allocate millions of names.
 */
export declare const MAX_ENUMERATED_REPLICAS = 10000;
/** Pacemaker's replica count: `replicas`, else `promoted-max`, else 1; anything invalid counts as 1. */
export declare function replicaCount(bundle: Bundle): number;
/**
 * Whether Pacemaker creates the implicit clone and the `<bundle>-<i>` remote connections (and
 * so bundle nodes): only for a bundle with a resource that it can reach, through `ip-range-start`
 * or `control-port`. Without either, Pacemaker discards the whole bundle.
 */
export declare function createsReplicaNodes(bundle: Bundle): boolean;
/**
 * Every resource id Pacemaker generates for the bundle, each once. IP names stop after the first
 * replica without an address: Pacemaker then starts over at `ip-range-start`, repeating names.
 */
export declare function generatedNames(bundle: Bundle): Generator<GeneratedName>;
/** The bundle node names `<bundle>-<i>` of every bundle that creates bundle nodes, once. */
export declare function replicaNodeNames(bundles: readonly Bundle[]): Map<string, Bundle>;
