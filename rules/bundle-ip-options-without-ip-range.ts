import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute, setAttribute } from '../src/cib/edits.js';

/** The network attributes that only shape the addresses made from ip-range-start. */
const ADDRESS_OPTIONS = ['host-netmask', 'host-interface', 'add-host'] as const;

/**
 * host-netmask and host-interface configure the IPaddr2 resources Pacemaker creates from
 * ip-range-start, and add-host the /etc/hosts entries for those addresses. Without
 * ip-range-start there are no such addresses, and Pacemaker ignores the three without a word:
 * usually a sign that ip-range-start was forgotten or removed.
 */
export default defineRule({
  meta: {
    id: 'bundle-ip-options-without-ip-range',
    level: 'warning',
    description: 'host-netmask, host-interface and add-host are set only together with ip-range-start',
    constraint: {
      title: 'host-netmask, host-interface and add-host apply only when ip-range-start is set',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.7 ("ip-range-start が指定されている場合"); Pacemaker lib/pengine/bundle.c allocate_ip(), create_ip_resource()',
    },
    tags: ['bundle', 'network'],
    messages: {
      ignored: {
        text: 'Bundle "{{bundle}}" sets {{name}}="{{value}}" but no ip-range-start; Pacemaker ignores {{name}} because it creates no replica addresses',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.network || bundle.network.has('ip-range-start')) continue;
      for (const name of ADDRESS_OPTIONS) {
        const attribute = bundle.network.attribute(name);
        if (!attribute) continue;
        report({
          messageId: 'ignored',
          node: attribute,
          data: { bundle: bundle.id, name, value: attribute.value },
          // Forgotten addresses or a leftover option: which one only the administrator knows.
          suggestions: [
            remedy('Give the replicas addresses (the first of enough free consecutive ones)', [setAttribute(bundle.network, 'ip-range-start', '<first-free-address>')], bundleUpdate(bundle.id, 'network', 'ip-range-start=<first-free-address>')),
            remedy(`Remove ${name}, which Pacemaker ignores without ip-range-start`, [removeAttribute(attribute)], bundleUpdate(bundle.id, 'network', `${name}=`)),
          ],
          suggestion: `Give the replicas addresses (pcs resource bundle update ${shellWord(bundle.id)} network ip-range-start=<first-free-address>), or drop the option: pcs resource bundle update ${shellWord(bundle.id)} network ${shellWord(`${name}=`)}`,
        });
      }
    }
  },
});
