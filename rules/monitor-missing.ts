import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { parseBoolean, parseIntervalMs } from '../src/cib/values.js';
import type { Cib } from '../src/cib/model.js';

/**
 * Pacemaker only notices that a resource failed when an operation tells it so: without a
 * recurring monitor, a crashed service stays "Started" in the cluster's view and is never
 * recovered. The same holds for fencing devices, whose failure shows only when fencing is needed.
 * crm_verify is silent: the configuration is valid, just blind.
 */
export default defineRule({
  meta: {
    id: 'monitor-missing',
    level: 'warning',
    description: 'Every primitive has a recurring monitor operation',
    constraint: {
      title: 'Every primitive (fencing devices and bundled primitives included) has a monitor op with interval > 0',
      source: 'Pacemaker Explained, "Resource Operations" / "Monitoring Resources for Failure"; RHEL 7 HA Reference §6.6 (pcs adds a monitor by default)',
    },
    tags: ['operations', 'monitoring'],
    messages: {
      missing: {
        text: '{{kind}} "{{resource}}" has no recurring monitor operation, so Pacemaker never notices when it fails and never recovers it',
      },
      disabled: {
        text: '{{kind}} "{{resource}}" has only disabled recurring monitor operations (enabled=false), so Pacemaker never notices when it fails and never recovers it',
      },
    },
  },
  check({ cib, report }) {
    for (const primitive of cib.primitives) {
      // A stopped resource runs no monitor either: the rule fires when it is enabled.
      if (targetStopped(cib, primitive)) continue;
      const agent = cib.resourceAgent(primitive);
      const monitors = [...recurringMonitors(cib, primitive), ...(agent.template ? recurringMonitors(cib, agent.template) : [])];
      const enabled = monitors.filter((op) => parseBoolean(op.attr('enabled')) !== false);
      if (enabled.length > 0) continue;
      const fencing = agent.class === 'stonith';
      const id = idWord(primitive.id, '<resource>');
      const pcs = fencing ? 'pcs stonith' : 'pcs resource';
      const own = ownOperations(cib, primitive);
      // pcs refuses a monitor op next to another one (a probe) unless forced, and next to a
      // disabled one with the same interval even then: replace that one instead.
      const disabled = monitors.find((op) => op.id !== undefined && own.includes(op));
      const hasMonitor = own.some((op) => op.attr('name') === 'monitor');
      const suggestion = disabled
        ? `${pcs} op delete ${shellWord(disabled.id!)} && ${pcs} op add ${id} monitor ${shellWord(`interval=${disabled.attr('interval') ?? ''}`)}`
        : `${pcs} op add ${id} monitor interval=${fencing ? '60s' : '30s'}${hasMonitor ? ' --force' : ''}${fencing ? '' : ' (or the interval the agent recommends: pcs resource describe <agent>)'}`;
      report({
        messageId: monitors.length > 0 ? 'disabled' : 'missing',
        node: primitive,
        data: { kind: fencing ? 'Fencing device' : 'Resource', resource: id },
        suggestion,
      });
    }
  },
});

/** Whether the resource, or a group, clone or bundle around it, has target-role=Stopped. */
function targetStopped(cib: Cib, primitive: XmlElement): boolean {
  if (cib.meta(primitive, 'target-role')?.value.toLowerCase() === 'stopped') return true;
  for (let owner = primitive.parent; owner && owner.name !== 'resources'; owner = owner.parent) {
    if (cib.ownMeta(owner, 'target-role')?.value.toLowerCase() === 'stopped') return true;
  }
  return false;
}

/** The `op` elements of a primitive or template, following an `id-ref` on `operations`. */
function ownOperations(cib: Cib, owner: XmlElement): XmlElement[] {
  const operations = owner.child('operations');
  if (!operations) return [];
  const resolved = operations.has('id-ref') ? cib.byId(operations.attr('id-ref')!) ?? operations : operations;
  return resolved.childrenNamed('op');
}

function recurringMonitors(cib: Cib, owner: XmlElement): XmlElement[] {
  return ownOperations(cib, owner).filter((op) => op.attr('name') === 'monitor' && (parseIntervalMs(op.attr('interval') ?? '0') ?? 0) > 0);
}
