import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';

/**
 * With `control-port` and no `ip-range-start`, every replica's Pacemaker Remote listens on the
 * same port of the host, so only one replica fits on a host: Pacemaker forces replicas-per-host
 * to 1 and pcs does not check it.
 */
export default defineRule({
  meta: {
    id: 'bundle-control-port-replicas-per-host',
    level: 'error',
    description: 'A bundle reached over control-port without ip-range-start runs one replica per host',
    constraint: {
      title: 'control-port without ip-range-start requires replicas-per-host=1',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.7 (control-port: "この場合は replicas-per-host は 1 である必要があります")',
    },
    tags: ['bundle', 'network', 'remote'],
    messages: {
      tooMany: {
        text: 'Bundle "{{bundle}}" reaches its resource on control-port {{port}} without ip-range-start, so only one replica can listen per host, but replicas-per-host is {{value}}; Pacemaker forces it to 1',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.primitive || !bundle.network) continue;
      if (!bundle.network.has('control-port') || bundle.network.has('ip-range-start')) continue;
      const attribute = bundle.container?.attribute('replicas-per-host');
      const perHost = bundle.replicasPerHost;
      if (!attribute || perHost === undefined || perHost <= 1) continue;
      report({
        messageId: 'tooMany',
        node: attribute,
        data: { bundle: bundle.id, port: bundle.network.attr('control-port') ?? '', value: attribute.value },
        suggestion: `pcs resource bundle update ${shellWord(bundle.id)} container replicas-per-host=1 (or give each replica an address: network ip-range-start=...)`,
        // Pacemaker runs one replica per host already: writing 1 changes nothing but the text.
        fixes: [remedy('Set replicas-per-host to 1, the value Pacemaker uses', [setAttribute(attribute.owner, 'replicas-per-host', '1')], bundleUpdate(bundle.id, 'container', 'replicas-per-host=1'))],
        suggestions: [
          remedy(
            'Give each replica an address instead, so several fit on a host',
            [setAttribute(bundle.network, 'ip-range-start', '<first-free-address>')],
            bundleUpdate(bundle.id, 'network', 'ip-range-start=<first-free-address>'),
          ),
        ],
      });
    }
  },
});
