import { defineRule } from '../src/rule.js';
import { networkMode } from '../src/cib/container-options.js';

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
        text: 'Bundle "{{bundle}}" contains resource "{{resource}}" but its container options select {{flag}}=none; the cluster cannot reach Pacemaker Remote inside, so the resource never runs',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.primitive || !bundle.container) continue;
      const data = { bundle: bundle.id, resource: bundle.primitive.id ?? '?' };
      const network = bundle.container.attribute('network');
      if (network?.value === 'none') {
        report({
          messageId: 'networkAttribute',
          node: network,
          data,
          fix: `Use the default network with addresses per replica: pcs resource bundle update ${bundle.id} container network= then network ip-range-start=192.168.122.131`,
        });
      }
      if (networkMode(bundle.containerOptions) === 'none') {
        const selecting = bundle.containerOptions.filter(({ flag, value }) => (flag === '--net' || flag === '--network') && value !== undefined);
        const flag = selecting[selecting.length - 1]!.flag;
        report({
          messageId: 'networkOption',
          node: bundle.container.attribute('options'),
          data: { ...data, flag },
          fix: `Remove ${flag}=none from the options: pcs resource bundle update ${bundle.id} container options="..."`,
        });
      }
    }
  },
});
