import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';
import type { CibEdit } from '../src/core/rule.js';

/**
 * A bundle that holds a resource runs Pacemaker Remote inside each container, and the cluster
 * must reach it: either at a per-replica address (`ip-range-start`) or at a port on the host
 * network (`control-port`). Without either, Pacemaker logs "Cannot control X inside Y without
 * either ip-range-start or control-port" and ignores the whole bundle.
 */
export default defineRule({
  meta: {
    id: 'bundle-resource-needs-ip-range-or-control-port',
    level: 'error',
    description: 'A bundle with a resource sets ip-range-start or control-port on its network',
    constraint: {
      title: 'A bundle containing a resource must set ip-range-start or control-port',
      source: 'RHEL 7 HA Reference §9.5.2 ("ip-range-start または control-port をバンドルで設定する必要があります"); Pacemaker lib/pengine/bundle.c',
    },
    tags: ['bundle', 'network', 'remote'],
    messages: {
      noNetwork: {
        text: 'Bundle "{{bundle}}" contains resource "{{resource}}" but has no <network>, so Pacemaker cannot reach Pacemaker Remote in its containers and ignores the bundle',
      },
      neither: {
        text: 'Bundle "{{bundle}}" contains resource "{{resource}}" but its network sets neither ip-range-start nor control-port; Pacemaker ignores the bundle',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.primitive) continue;
      const data = { bundle: bundle.id, resource: bundle.primitive.id ?? '?' };
      // On the host network every replica already shares the host's address: only a port helps.
      const suggestion = bundle.usesHostNetwork
        ? `pcs resource bundle update ${shellWord(bundle.id)} network control-port=3121 (a port no other host-networked bundle uses)`
        : `pcs resource bundle update ${shellWord(bundle.id)} network ip-range-start=<first-free-address> (the first of ${bundle.replicas ?? 1} consecutive free addresses), or network control-port=3121 to run one replica per host`;
      // A free address range or a free port: only the administrator knows which, so no fix.
      const networkWith = (name: string, value: string): CibEdit =>
        bundle.network ? setAttribute(bundle.network, name, value) : { kind: 'addElement', parent: bundle.element, element: { name: 'network', attributes: { [name]: value } } };
      const port = remedy('Reach it on a control port no other host-networked bundle uses (one replica per host)', [networkWith('control-port', '<free-port>')], bundleUpdate(bundle.id, 'network', 'control-port=<free-port>'));
      const addresses = remedy('Give the replicas addresses (the first of enough free consecutive ones)', [networkWith('ip-range-start', '<first-free-address>')], bundleUpdate(bundle.id, 'network', 'ip-range-start=<first-free-address>'));
      const suggestions = bundle.usesHostNetwork ? [port] : [addresses, port];
      if (!bundle.network) {
        report({ messageId: 'noNetwork', node: bundle.element, data, suggestion, suggestions });
      } else if (!bundle.network.has('ip-range-start') && !bundle.network.has('control-port')) {
        report({ messageId: 'neither', node: bundle.network, data, suggestion, suggestions });
      }
    }
  },
});
