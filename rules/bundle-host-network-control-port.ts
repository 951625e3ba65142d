import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { controlPortRemedy } from '../src/cib/edits.js';
import type { Bundle } from '../src/cib/model.js';
import { DEFAULT_REMOTE_PORT } from '../src/cib/model.js';
import type { XmlAttribute, XmlElement } from '../src/document/xml/element.js';

/**
 * A container on the host network shares the host's ports: its Pacemaker Remote listens on
 * control-port (3121 when unset) of every host it runs on. Two such bundles on the same port
 * collide as soon as replicas of both land on one node, and 3121 is also the port of a Pacemaker
 * Remote node's own daemon. Hence a distinct control-port per host-networked bundle.
 */
export default defineRule({
  meta: {
    id: 'bundle-host-network-control-port',
    level: 'error',
    description: 'Host-networked bundles with a resource each set their own control-port',
    constraint: {
      title: 'With --net=host, every bundle needs a unique control-port',
      source: 'RHEL 7 HA Reference §9.5.2, "重要" box ("--net=host が使用されている場合 … バンドルごとに一意の control-port パラメーターを指定する必要があります")',
    },
    tags: ['bundle', 'network', 'remote'],
    messages: {
      unset: {
        text: 'Bundle "{{bundle}}" uses host networking but sets no control-port, so its Pacemaker Remote listens on the host\'s default port {{port}}; give each host-networked bundle its own control-port',
        level: 'warning',
      },
      shared: {
        text: 'Bundle "{{bundle}}" uses host networking on control-port {{port}}{{unsetNote}}, already used by host-networked bundle "{{first}}"; their Pacemaker Remote daemons cannot both listen on one host',
      },
    },
  },
  check({ cib, report }) {
    // An unparsable control-port is bundle-attribute-values' finding, not a port to compare.
    const candidates = cib.bundles.filter(
      (bundle) => bundle.connectsRemote && bundle.usesHostNetwork && (bundle.controlPort !== undefined || !bundle.network?.has('control-port')),
    );
    const taken = new Set(candidates.map((bundle) => bundle.effectiveControlPort));
    let suggestion = DEFAULT_REMOTE_PORT;
    const freePort = (): number => {
      while (taken.has(suggestion)) suggestion++;
      taken.add(suggestion);
      return suggestion;
    };
    const firstUser = new Map<number, Bundle>();
    for (const bundle of candidates) {
      const attribute = bundle.network?.attribute('control-port');
      const port = bundle.effectiveControlPort;
      const first = firstUser.get(port);
      const where = attribute ?? bundle.network ?? bundle.element;
      if (first) {
        report({
          messageId: 'shared',
          node: where,
          data: { bundle: bundle.id, port, first: first.id, unsetNote: attribute ? '' : ' (unset, so the default)' },
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} network control-port=${freePort()}`,
          // `suggestion` holds the port just taken; another service on the hosts may still use it.
          suggestions: [controlPortRemedy(bundle, suggestion, 'which no other host-networked bundle uses (check the hosts)')],
          related: [{ target: portLocation(first), message: `bundle "${first.id}" uses port ${port} here` }],
        });
        continue;
      }
      firstUser.set(port, bundle);
      if (!attribute) {
        report({
          messageId: 'unset',
          node: where,
          data: { bundle: bundle.id, port: DEFAULT_REMOTE_PORT },
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} network control-port=${freePort()}`,
          suggestions: [controlPortRemedy(bundle, suggestion, 'which no other host-networked bundle uses (check the hosts)')],
        });
      }
    }
  },
});

/** Where a bundle's control port comes from: the attribute, else what makes it the default. */
function portLocation(bundle: Bundle): XmlElement | XmlAttribute {
  return bundle.network?.attribute('control-port') ?? bundle.network ?? bundle.container ?? bundle.element;
}
