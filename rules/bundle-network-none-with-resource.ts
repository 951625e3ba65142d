import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute, setAttribute } from '../src/cib/edits.js';

/** `--net`/`--network` values in container options that select no networking. */
const NONE_OPTION = /(^|\s)--net(?:work)?(?:=|\s+)none(?=\s|$)/g;

/**
 * A bundle with a resource is managed through Pacemaker Remote inside each container, which the
 * cluster nodes must reach over the network. A container without networking (`none`) can never
 * be reached: the connection fails and the resource inside never runs. crm_verify is silent.
 */
export default defineRule({
  meta: {
    id: 'bundle-network-none-with-resource',
    level: 'error',
    description: 'A bundle with a resource does not run its container without networking',
    constraint: {
      title: 'A bundle containing a resource needs a reachable network; do not use --net=none',
      source: 'RHEL 7 HA Reference §9.5.2, "重要" box ("docker オプション --net=none はリソースと併用しないでください")',
    },
    tags: ['bundle', 'network', 'remote'],
    messages: {
      networkAttribute: {
        text: 'Bundle "{{bundle}}" contains resource "{{resource}}" but runs its container with network="none"; the cluster cannot reach Pacemaker Remote inside, so the resource never runs',
      },
      networkOption: {
        text: 'Bundle "{{bundle}}" contains resource "{{resource}}" but its container options pass {{flag}}=none; the cluster cannot reach Pacemaker Remote inside, so the resource never runs',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.primitive || !bundle.container) continue;
      const data = { bundle: bundle.id, resource: bundle.primitive.id ?? '?' };
      const network = bundle.container.attribute('network');
      if (network?.value === 'none') {
        // Without ip-range-start or control-port, the default network alone reaches nothing.
        const address = bundle.connectsRemote ? '' : ' network ip-range-start=<first-free-address>';
        report({
          messageId: 'networkAttribute',
          node: network,
          data,
          // Which network the containers should have is the administrator's choice: no fix.
          suggestions: [
            bundle.connectsRemote || !bundle.network
              ? remedy('Remove network="none", so the containers get the default network', [removeAttribute(network)], bundleUpdate(bundle.id, 'container', 'network='))
              : remedy(
                  'Remove network="none" and give the replicas addresses (the first of enough free consecutive ones)',
                  [removeAttribute(network), setAttribute(bundle.network, 'ip-range-start', '<first-free-address>')],
                  bundleUpdate(bundle.id, 'container', 'network=', 'network', 'ip-range-start=<first-free-address>'),
                ),
          ],
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} container network=${address}`,
        });
      }
      // Any `none`, not only the last: current docker takes the first --network as the mode and
      // refuses none next to another network ("cannot be connected to multiple networks with one
      // of the networks in private (none) mode"), as podman does; only old docker let the last win.
      const none = bundle.containerOptions.find(({ flag, value }) => (flag === '--net' || flag === '--network') && value === 'none');
      const options = bundle.container.attribute('options');
      if (none && options) {
        const rest = options.value.replace(NONE_OPTION, '$1').trim();
        report({
          messageId: 'networkOption',
          node: options,
          data: { ...data, flag: none.flag },
          suggestion:
            rest === options.value.trim()
              ? `Remove ${none.flag}=none from the options: pcs resource bundle update ${shellWord(bundle.id)} container options='<the other options>'`
              : `pcs resource bundle update ${shellWord(bundle.id)} container options=${shellWord(rest)}`,
        });
      }
    }
  },
});

