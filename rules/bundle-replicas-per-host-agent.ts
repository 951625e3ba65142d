import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule, type RelatedLocation } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';

/** Agent classes without Pacemaker's "unique clone" capability (lib/common/agents.c). */
const ANONYMOUS_ONLY_CLASSES = new Set(['lsb', 'systemd', 'service', 'upstart', 'nagios']);

/**
 * With replicas-per-host above 1, Pacemaker makes the bundle's implicit clone globally unique, so
 * that the replicas sharing a host can be told apart. Only OCF (and fencing) agents can run as
 * unique clones: for the other classes Pacemaker makes the clone anonymous (pe__force_anon()),
 * with a warning seen only at crm_verify -VV, which also caps it at one replica per node and no
 * more replicas than the cluster has nodes.
 */
export default defineRule({
  meta: {
    id: 'bundle-replicas-per-host-agent',
    level: 'warning',
    description: 'replicas-per-host above 1 needs a resource class that can run as a unique clone',
    constraint: {
      title: 'Several replicas per host require an agent class that supports unique clones (not lsb, systemd, service, upstart, nagios)',
      source: 'RHEL 7 HA Reference §9.5.1.1, table 9.6 (replicas-per-host) and §9.5.2 (the resource acts as an implicit clone); Pacemaker lib/pengine/bundle.c (globally-unique when replicas-per-host > 1), lib/pengine/native.c (pe__force_anon)',
    },
    tags: ['bundle', 'agent', 'replicas'],
    messages: {
      anonymousOnly: {
        text: 'Bundle "{{bundle}}" asks for replicas-per-host={{value}}, but its resource "{{resource}}" is of class {{class}}{{via}}, which cannot run as a unique clone; Pacemaker makes the clone anonymous instead, which runs at most one replica per node, so replicas beyond the number of nodes are never created',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const primitive = bundle.primitive;
      const attribute = bundle.container?.attribute('replicas-per-host');
      const perHost = bundle.replicasPerHost;
      if (!primitive || !attribute || perHost === undefined || perHost <= 1) continue;
      // Without ip-range-start the value never reaches the clone: control-port alone forces it to
      // 1 (bundle-control-port-replicas-per-host), and with neither the bundle is discarded.
      if (!bundle.network?.has('ip-range-start')) continue;
      const agent = cib.resourceAgent(primitive);
      if (agent.class === undefined || !ANONYMOUS_ONLY_CLASSES.has(agent.class.toLowerCase())) continue;
      const classAttribute = primitive.attribute('class') ?? agent.template?.attribute('class');
      const related: RelatedLocation[] = classAttribute ? [{ target: classAttribute, message: `class ${agent.class} set here` }] : [];
      report({
        messageId: 'anonymousOnly',
        node: attribute,
        data: {
          bundle: bundle.id,
          value: attribute.value,
          resource: primitive.id ?? '?',
          class: agent.class,
          via: primitive.has('class') || !agent.template ? '' : ` (from template "${agent.template.id ?? ''}")`,
        },
        suggestion: `pcs resource bundle update ${shellWord(bundle.id)} container replicas-per-host=1 (or run the service through an OCF agent: pcs resource delete ${idWord(primitive.id)}; pcs resource create ${idWord(primitive.id)} ocf:<provider>:<agent> bundle ${shellWord(bundle.id)})`,
        related,
        suggestions: [
          remedy('Run one replica per host', [setAttribute(attribute.owner, 'replicas-per-host', '1')], bundleUpdate(bundle.id, 'container', 'replicas-per-host=1')),
          remedy(
            'Run the service through an OCF agent, which can run as a unique clone',
            [],
            primitive.id === undefined ? undefined : ['pcs', 'resource', 'delete', primitive.id],
            primitive.id === undefined ? undefined : ['pcs', 'resource', 'create', primitive.id, 'ocf:<provider>:<agent>', 'bundle', bundle.id],
          ),
        ],
      });
    }
  },
});
