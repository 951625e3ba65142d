import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { replicaNodeNames } from '../src/cib/bundle-names.js';
import type { Bundle, Cib } from '../src/cib/model.js';

/**
 * The nodes a bundle's containers can run on: cluster nodes listed in `<nodes>` (not ping nodes,
 * not the entries that hold bundle nodes' attributes), Pacemaker Remote nodes
 * (`ocf:pacemaker:remote` primitives) and guest nodes (meta `remote-node`), each counted once.
 */
function hostNames(cib: Cib): Set<string> {
  const bundleNodes = replicaNodeNames(cib.bundles);
  const hosts = new Set<string>();
  for (const node of cib.clusterNodes) {
    const name = node.attr('uname') ?? node.id;
    const type = node.attr('type')?.toLowerCase();
    if (name === undefined || type === 'ping' || bundleNodes.has(name)) continue;
    hosts.add(name);
  }
  for (const primitive of cib.primitives) {
    if (cib.bundleOf(primitive)) continue;
    const agent = cib.resourceAgent(primitive);
    const isRemote = agent.class?.toLowerCase() === 'ocf' && agent.provider === 'pacemaker' && agent.type === 'remote';
    if (isRemote && primitive.id !== undefined) hosts.add(primitive.id);
    const guest = cib.ownMeta(primitive, 'remote-node')?.value;
    if (guest) hosts.add(guest);
  }
  return hosts;
}

/** With a resource reached on control-port and no ip-range-start, Pacemaker forces replicas-per-host to 1. */
function oneReplicaPerHost(bundle: Bundle): boolean {
  return bundle.hasResource && bundle.network?.has('control-port') === true && !bundle.network.has('ip-range-start');
}

/**
 * Pacemaker places at most replicas-per-host replicas of a bundle on one node, so replicas beyond
 * nodes x replicas-per-host can never start: they stay Stopped for good, and crm_verify says
 * nothing. The rule only runs when the CIB lists its nodes (CIBs written by hand often do not).
 */
export default defineRule({
  meta: {
    id: 'bundle-replicas-capacity',
    level: 'warning',
    description: 'A bundle does not ask for more replicas than its nodes can hold',
    constraint: {
      title: 'replicas <= number of nodes x replicas-per-host',
      source: 'RHEL 7 HA Reference §9.5.1.1, table 9.6 (replicas, replicas-per-host); Pacemaker lib/pengine/bundle.c pe__unpack_bundle() (clone-max = replicas, clone-node-max = replicas-per-host)',
    },
    tags: ['bundle', 'nodes'],
    messages: {
      tooMany: {
        text: 'Bundle "{{bundle}}" asks for {{replicas}} replicas, but the CIB lists {{nodes}} node(s) that can each hold {{perHost}} of them ({{capacity}} in all); {{blocked}} replica(s) can never start',
      },
    },
  },
  check({ cib, report }) {
    if (cib.clusterNodes.length === 0 || cib.bundles.length === 0) return;
    const nodes = hostNames(cib).size;
    if (nodes === 0) return;
    for (const bundle of cib.bundles) {
      const container = bundle.container;
      if (!container) continue;
      const replicas = Math.max(1, bundle.replicas ?? 1);
      const forced = oneReplicaPerHost(bundle);
      // An invalid replicas-per-host means 1 to the scheduler.
      const perHost = forced ? 1 : Math.max(1, bundle.replicasPerHost ?? 1);
      const capacity = nodes * perHost;
      if (replicas <= capacity) continue;
      // Without replicas, the count comes from promoted-max (or masters), so that is what to lower.
      const countAttribute = container.attribute('replicas') ?? container.attribute('promoted-max') ?? container.attribute('masters');
      const lower = `pcs resource bundle update ${shellWord(bundle.id)} container ${countAttribute?.name ?? 'replicas'}=${capacity}`;
      const suggestion = forced
        ? `${lower}  (control-port without ip-range-start allows one replica per node; add nodes, or give replicas addresses with network ip-range-start=...)`
        : `${lower}  (or replicas-per-host=${Math.ceil(replicas / nodes)}, or add nodes)`;
      report({
        messageId: 'tooMany',
        node: countAttribute ?? container,
        data: { bundle: bundle.id, replicas, nodes, perHost, capacity, blocked: replicas - capacity },
        suggestion,
      });
    }
  },
});
