import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule, type CibEdit, type ReportDescriptor } from '../src/core/rule.js';
import { freeId, remedy, withRemedies } from '../src/cib/edits.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { canonicalRole, parseBoolean, parseIntervalMs } from '../src/cib/values.js';
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
      roleUnmonitored: {
        text: 'Resource "{{resource}}" of promotable {{parent}} has no recurring monitor for the {{role}} role, so Pacemaker never notices when an instance in that role fails',
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
      if (enabled.length > 0) {
        const parent = promotableParent(cib, primitive);
        if (parent) reportUnmonitoredRoles(primitive, parent, enabled, report);
        continue;
      }
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
        // The interval is the agent's and the administrator's to choose.
        ...withRemedies(disabled || primitive.id === undefined ? undefined : addOperation(cib, primitive, 'monitor', '<interval>'), (edit) => ({
          suggestions: [remedy('Add a recurring monitor (the interval the agent recommends: pcs resource describe <agent>)', [edit], [...pcs.split(' '), 'op', 'add', primitive.id!, 'monitor', 'interval=<interval>'])],
        })),
      });
    }
  },
});

/**
 * The promotable clone or bundle a primitive runs in, if any: its instances have the roles
 * Promoted and Unpromoted, and a recurring monitor runs only for the role it names. A monitor
 * without a role watches the instances that are not promoted (recurring_op_for_active() in
 * lib/pacemaker/pcmk_sched_recurring.c).
 */
function promotableParent(cib: Cib, primitive: XmlElement): XmlElement | undefined {
  let top: XmlElement = primitive;
  for (let owner = primitive.parent; owner && owner.name !== 'resources'; owner = owner.parent) top = owner;
  if (top.name === 'master') return top;
  if (top.name === 'clone') return parseBoolean(cib.meta(top, 'promotable')?.value) === true ? top : undefined;
  if (top.name === 'bundle') return cib.bundleOf(primitive)?.isPromotable === true ? top : undefined;
  return undefined;
}

function reportUnmonitoredRoles(primitive: XmlElement, parent: XmlElement, monitors: XmlElement[], report: (descriptor: ReportDescriptor<'roleUnmonitored'>) => void): void {
  // A role Pacemaker does not know makes it ignore the monitor (and the schema refuse the CIB): role-valid says so.
  if (monitors.some((op) => op.has('role') && canonicalRole(op.attr('role')) === undefined)) return;
  const roles = monitors.map((op) => canonicalRole(op.attr('role')));
  const promoted = roles.some((role) => role === 'Promoted' || role === 'Master');
  // Conservatively, Started counts for the instances that are not promoted.
  const unpromoted = roles.some((role) => role === undefined || role === 'Unpromoted' || role === 'Slave' || role === 'Started');
  const used = new Set(monitors.map((op) => parseIntervalMs(op.attr('interval') ?? '0')));
  // Each role's monitor needs an interval of its own (operation-duplicate): the next free whole second.
  let free = Math.max(...[...used].map((ms) => Math.floor((ms ?? 0) / 1000))) + 1;
  while (used.has(free * 1000)) free++;
  for (const [role, covered] of [['Promoted', promoted], ['Unpromoted', unpromoted]] as const) {
    if (covered) continue;
    report({
      messageId: 'roleUnmonitored',
      node: primitive,
      data: { resource: primitive.id ?? '', parent: parent.describe(), role },
      suggestion: `pcs resource op add ${idWord(primitive.id, '<resource>')} monitor interval=${free}s role=${role}`,
    });
  }
}

/** Whether the resource, or a group, clone or bundle around it, has target-role=Stopped. */
function targetStopped(cib: Cib, primitive: XmlElement): boolean {
  if (cib.meta(primitive, 'target-role')?.value.toLowerCase() === 'stopped') return true;
  for (let owner = primitive.parent; owner && owner.name !== 'resources'; owner = owner.parent) {
    if (cib.ownMeta(owner, 'target-role')?.value.toLowerCase() === 'stopped') return true;
  }
  return false;
}

/** An op in the primitive's own operations (made when it has none), with an id no element has. */
function addOperation(cib: Cib, primitive: XmlElement, name: string, interval: string): CibEdit | undefined {
  const op = { name: 'op', attributes: { id: freeId(cib, `${primitive.id ?? 'op'}-${name}-interval`), name, interval } };
  const operations = primitive.child('operations');
  // Operations shared through id-ref belong to another resource as well.
  if (operations?.has('id-ref')) return undefined;
  if (operations) return { kind: 'addElement', parent: operations, element: op };
  return { kind: 'addElement', parent: primitive, element: { name: 'operations', attributes: {}, children: [op] } };
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
