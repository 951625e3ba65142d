/**
 * The names Pacemaker gives the resources and nodes it creates for every bundle replica, as
 * `pe__unpack_bundle()` and `create_*_resource()` in Pacemaker's `lib/pengine/bundle.c` build
 * them. They live only in the scheduler, never in the CIB, so a CIB that already uses one of them
 * collides with the bundle without any schema or crm_verify complaint.
 */
import { replicaAddresses } from './addresses.js';
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
export const MAX_ENUMERATED_REPLICAS = 10_000;

/** Pacemaker's replica count: `replicas`, else `promoted-max`, else 1; anything invalid counts as 1. */
export function replicaCount(bundle: Bundle): number {
  return Math.min(Math.max(1, bundle.replicas ?? 1), MAX_ENUMERATED_REPLICAS);
}

/**
 * Whether Pacemaker creates the implicit clone and the `<bundle>-<i>` remote connections (and
 * so bundle nodes): only for a bundle with a resource that it can reach, through `ip-range-start`
 * or `control-port`. Without either, Pacemaker discards the whole bundle.
 */
export function createsReplicaNodes(bundle: Bundle): boolean {
  return bundle.hasResource && reachable(bundle);
}

function reachable(bundle: Bundle): boolean {
  return bundle.network?.has('ip-range-start') === true || bundle.network?.has('control-port') === true;
}

/** `pcmk__xml_sanitize_id()`: characters an XML id cannot hold become dots. */
function sanitizeId(id: string): string {
  const body = id.replace(/[^A-Za-z0-9_.-]/g, '.');
  return /^[A-Za-z_]/.test(body) ? body : `_${body.slice(1)}`;
}

/**
 * Every resource id Pacemaker generates for the bundle, each once. IP names stop after the first
 * replica without an address: Pacemaker then starts over at `ip-range-start`, repeating names.
 */
export function* generatedNames(bundle: Bundle): Generator<GeneratedName> {
  if (!bundle.id || !bundle.containerKind) return;
  if (bundle.hasResource && !reachable(bundle)) return;
  const replicas = replicaCount(bundle);
  const prefix = bundle.id;
  for (let replica = 0; replica < replicas; replica++) {
    yield { name: sanitizeId(`${prefix}-${bundle.containerKind}-${replica}`), kind: 'container' };
  }
  const start = bundle.networkAttr('ip-range-start');
  if (start !== undefined) {
    for (const { address } of replicaAddresses(start, replicas)) {
      if (address === undefined) break;
      yield { name: sanitizeId(`${prefix}-ip-${address}`), kind: 'ip' };
    }
  }
  if (bundle.hasResource) {
    for (let replica = 0; replica < replicas; replica++) yield { name: `${prefix}-${replica}`, kind: 'replica' };
    yield { name: `${prefix}-${(bundle.promotedMax ?? 0) > 0 ? 'master' : 'clone'}`, kind: 'clone' };
  }
}

/** The bundle node names `<bundle>-<i>` of every bundle that creates bundle nodes, once. */
export function replicaNodeNames(bundles: readonly Bundle[]): Map<string, Bundle> {
  const names = new Map<string, Bundle>();
  for (const bundle of bundles) {
    if (!bundle.id || !createsReplicaNodes(bundle)) continue;
    const replicas = replicaCount(bundle);
    for (let replica = 0; replica < replicas; replica++) {
      const name = `${bundle.id}-${replica}`;
      if (!names.has(name)) names.set(name, bundle);
    }
  }
  return names;
}
