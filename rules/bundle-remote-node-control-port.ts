import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { controlPortRemedy } from '../src/cib/edits.js';
import { DEFAULT_REMOTE_PORT } from '../src/cib/model.js';

/**
 * A Pacemaker Remote node runs its own pacemaker-remoted on port 3121. A bundle replica placed
 * on that node publishes its container's Pacemaker Remote on the node too, at control-port, so
 * the two collide unless the bundle uses another port: RHEL's documentation allows bundles with
 * a resource on Pacemaker Remote nodes only with a distinct control-port.
 */
export default defineRule({
  meta: {
    id: 'bundle-remote-node-control-port',
    level: 'warning',
    description: 'In clusters with Pacemaker Remote nodes, bundles with a resource use a control-port other than 3121',
    constraint: {
      title: 'Bundles with a resource run on Pacemaker Remote nodes only with a separate control-port',
      source: 'RHEL 7 HA Reference §9.5.3 ("リソースを含むバンドルは、バンドルが個別の control-port を使用する場合にのみ、Pacemaker リモートノードで実行できます")',
    },
    tags: ['bundle', 'network', 'remote'],
    messages: {
      defaultPort: {
        text: 'Bundle "{{bundle}}" reaches its resource on control-port {{port}}{{unsetNote}}, the port Pacemaker Remote node "{{remote}}" already listens on; replicas placed on a Pacemaker Remote node cannot be reached',
      },
    },
  },
  check({ cib, report }) {
    const remoteNode = cib.primitives.find((primitive) => {
      if (primitive.parent?.name === 'bundle') return false;
      const agent = cib.resourceAgent(primitive);
      return agent.class?.toLowerCase() === 'ocf' && agent.provider === 'pacemaker' && agent.type === 'remote';
    });
    if (!remoteNode) return;
    // Suggest ports no bundle uses yet, distinct per finding, so host-networked bundles moved
    // off 3121 do not collide with each other (bundle-host-network-control-port).
    const taken = new Set(cib.bundles.map((bundle) => bundle.effectiveControlPort));
    let suggestion = DEFAULT_REMOTE_PORT;
    const freePort = (): number => {
      while (taken.has(suggestion)) suggestion++;
      taken.add(suggestion);
      return suggestion;
    };
    for (const bundle of cib.bundles) {
      if (!bundle.connectsRemote) continue;
      const attribute = bundle.network?.attribute('control-port');
      const usesDefaultPort = attribute ? bundle.controlPort === DEFAULT_REMOTE_PORT : true;
      if (!usesDefaultPort) continue;
      report({
        messageId: 'defaultPort',
        node: attribute ?? bundle.network,
        data: {
          bundle: bundle.id,
          port: DEFAULT_REMOTE_PORT,
          unsetNote: attribute ? '' : ' (unset, so the default)',
          remote: remoteNode.id ?? '?',
        },
        suggestion: `pcs resource bundle update ${shellWord(bundle.id)} network control-port=${freePort()} (a port nothing else on the nodes uses; open it in their firewalls)`,
        // `suggestion` holds the port just taken: a choice, since only the nodes know what else listens.
        suggestions: [controlPortRemedy(bundle, suggestion, 'which no bundle uses (check that nothing else on the nodes does, and open it in their firewalls)')],
        related: [{ target: remoteNode, message: `Pacemaker Remote node "${remoteNode.id ?? '?'}" is defined here` }],
      });
    }
  },
});
