import { idWord, shellWord, xmlTextWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { cibadminDelete, remedy, removeElement } from '../src/cib/edits.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { parseIntervalMs } from '../src/cib/values.js';

/**
 * Pacemaker identifies a resource's operation by its name and interval alone (the operation key
 * `<rsc>_<name>_<interval>`, also in the status section): two ops with the same pair collide,
 * and the scheduler logs "Operation X is duplicate of Y" and uses only one of them. The role is
 * not part of the key, so a promotable resource needs different intervals for its Promoted and
 * Unpromoted monitors.
 */
export default defineRule({
  meta: {
    id: 'operation-duplicate',
    level: 'error',
    description: 'No two operations of a resource share the same name and interval',
    constraint: {
      title: 'Each (name, interval) pair appears once per resource',
      source: 'Pacemaker Explained, "Resource Operations" / "Monitoring Multiple Times" and "Monitoring Promotable Clones" (each monitor needs a different interval); RHEL 7 HA Reference §6.9; Pacemaker is_op_dup()',
    },
    tags: ['operations'],
    messages: {
      duplicate: {
        text: 'Operation "{{op}}" of {{resource}} repeats {{name}} with interval {{interval}} (the same as "{{first}}"); Pacemaker tells operations apart only by name and interval, so it uses one and ignores the other',
      },
      duplicateSettings: {
        text: 'Operation "{{op}}" of {{resource}} configures {{name}} again (interval 0, like "{{first}}"); Pacemaker takes the {{name}} settings (timeout, on-fail...) from one of them only, so the other is silently ignored',
      },
      duplicateRole: {
        text: 'Operation "{{op}}" of {{resource}} repeats {{name}} with interval {{interval}} (the same as "{{first}}"); the role does not tell them apart, so Pacemaker monitors only one role: give each role its own interval',
      },
    },
  },
  check({ cib, report }) {
    const owners = [...cib.configured('primitive'), ...cib.configured('template')];
    for (const owner of owners) {
      const operations = owner.child('operations');
      if (!operations) continue;
      const resolved = operations.has('id-ref') ? cib.byId(operations.attr('id-ref')!) ?? operations : operations;
      const seen = new Map<string, XmlElement>();
      for (const op of resolved.childrenNamed('op')) {
        const name = op.attr('name');
        const intervalMs = parseIntervalMs(op.attr('interval') ?? '0');
        if (name === undefined || intervalMs === undefined) continue;
        const key = `${name}\u0000${intervalMs}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, op);
          continue;
        }
        const rolesDiffer = (op.attr('role') ?? '') !== (first.attr('role') ?? '');
        const remove = owner.name === 'template' // pcs does not manage templates
          ? `cibadmin --delete --xml-text ${op.id === undefined ? `'<op id="<op id>"/>'` : xmlTextWord('op', { id: op.id })}`
          : `${cib.resourceAgent(owner).class === 'stonith' ? 'pcs stonith' : 'pcs resource'} op delete ${idWord(op.id, '<op id>')}`;
        let freeSeconds = Math.floor(intervalMs / 1000) + 1;
        while (seen.has(`${name}\u0000${freeSeconds * 1000}`)) freeSeconds++;
        report({
          messageId: intervalMs === 0 ? 'duplicateSettings' : rolesDiffer ? 'duplicateRole' : 'duplicate',
          node: op.attribute('interval') ?? op.attribute('name') ?? op,
          data: {
            op: op.id ?? name,
            first: first.id ?? name,
            resource: owner.describe(),
            name,
            interval: op.attr('interval') ?? '0',
          },
          suggestion: rolesDiffer && owner.name !== 'template'
            ? `Give this role its own interval: ${remove} && pcs resource op add ${idWord(owner.id, '<resource>')} ${shellWord(name)} interval=${freeSeconds}s ${shellWord(`role=${op.attr('role') ?? 'Started'}`)}`
            : `Remove the repeated operation (merge its settings into "${first.id ?? name}" first): ${remove}`,
          related: [{ target: first, message: `"${first.id ?? name}" defined here` }],
          // Which of the two settings should win is the administrator's to say.
          suggestions: [
            remedy(
              `Remove this operation (after merging its settings into "${first.id ?? name}")`,
              [removeElement(op)],
              op.id === undefined ? undefined : owner.name === 'template' ? cibadminDelete(op) : [...(cib.resourceAgent(owner).class === 'stonith' ? ['pcs', 'stonith'] : ['pcs', 'resource']), 'op', 'delete', op.id],
            ),
          ],
        });
      }
    }
  },
});
