import { defineRule } from '../src/core/rule.js';
import { remedy, removeElement } from '../src/cib/edits.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { shellWord } from '../src/cib/pcs-commands.js';

/**
 * The id prefixes crm_resource gives the location constraints it creates (tools/crm_resource_ban.c):
 * `--move` (pcs resource move, crm resource move/migrate) writes cli-prefer-<rsc>, `--ban` (pcs
 * resource ban, crm resource ban) cli-ban-<rsc>-on-<node>; releases before 1.1.10 wrote
 * cli-standby-<rsc> for a move away from the current node.
 */
const PREFIXES: readonly { prefix: string; kind: 'prefer' | 'ban' | 'standby' }[] = [
  { prefix: 'cli-prefer-', kind: 'prefer' },
  { prefix: 'cli-ban-', kind: 'ban' },
  { prefix: 'cli-standby-', kind: 'standby' },
];

/** The node a constraint names: its `node`, or the `#uname` its rule compares with. */
function constrainedNode(constraint: XmlElement): string | undefined {
  const node = constraint.attr('node');
  if (node !== undefined) return node;
  for (const expression of constraint.descendants()) {
    if (expression.name === 'expression' && expression.attr('attribute') === '#uname' && expression.attr('operation') === 'eq') return expression.attr('value');
  }
  return undefined;
}

/** The end of the lifetime crm_resource --lifetime gives a constraint, when it has one. */
function lifetimeEnd(constraint: XmlElement): string | undefined {
  for (const expression of constraint.descendants()) {
    if (expression.name === 'date_expression' && expression.attr('operation') === 'lt') return expression.attr('end');
  }
  return undefined;
}

/**
 * Moving or banning a resource works by adding a location constraint, and the constraint stays
 * after the move is done: the resource keeps its preference (or ban) for that node until someone
 * clears it, which silently limits where the cluster can recover it later.
 */
export default defineRule({
  meta: {
    id: 'constraint-cli-leftover',
    level: 'note',
    description: 'No location constraints left behind by pcs resource move/ban or crm resource migrate',
    constraint: {
      title: 'cli-prefer-* and cli-ban-* constraints are cleared once the move or ban has served its purpose',
      source: 'Pacemaker Explained, "Moving Resources" / crm_resource(8) --move, --ban, --clear (tools/crm_resource_ban.c names them cli-prefer-<rsc> and cli-ban-<rsc>-on-<node>); pcs(8) resource move, ban, clear',
    },
    tags: ['constraints', 'operations-hygiene'],
    messages: {
      prefer: {
        text: 'Location constraint "{{id}}" was left by a move (pcs resource move, crm_resource --move, crm resource migrate): it still makes {{resource}} prefer {{node}}{{expiry}}',
      },
      ban: {
        text: 'Location constraint "{{id}}" was left by a ban (pcs resource ban, crm_resource --ban): it still keeps {{resource}} off {{node}}{{expiry}}',
      },
      standby: {
        text: 'Location constraint "{{id}}" was left by a move away from a node (crm_resource --move before Pacemaker 1.1.10): it still keeps {{resource}} off {{node}}{{expiry}}',
      },
    },
  },
  check({ cib, report }) {
    for (const constraint of cib.configured('rsc_location')) {
      const id = constraint.id;
      const match = id === undefined ? undefined : PREFIXES.find(({ prefix }) => id.startsWith(prefix));
      if (!match || id === undefined) continue;
      const resource = constraint.attr('rsc') ?? constraint.attr('rsc-pattern');
      const node = constrainedNode(constraint);
      const end = lifetimeEnd(constraint);
      const clear = resource === undefined
        ? `pcs constraint delete ${shellWord(id)}`
        : `pcs resource clear ${shellWord(resource)}${match.kind !== 'prefer' && node !== undefined ? ` ${shellWord(node)}` : ''}`;
      report({
        messageId: match.kind,
        node: constraint.attribute('id') ?? constraint,
        data: {
          id,
          resource: resource === undefined ? 'its resources' : `"${resource}"`,
          node: node === undefined ? 'the node it names' : `"${node}"`,
          expiry: end === undefined ? ' until it is cleared' : ` until ${end}, and stays in the CIB after that until it is cleared`,
        },
        // Only whoever moved the resource knows whether the move has served its purpose.
        suggestions: [
          remedy(
            'Clear the move or ban, once the resource is where it should stay',
            [removeElement(constraint)],
            // Exactly this constraint, as the edit removes it (crm_resource --clear knows no cli-standby-*).
            ['pcs', 'constraint', 'delete', id],
          ),
        ],
        suggestion: `Once the resource is where it should stay: ${clear}${resource === undefined ? '' : ` (or crm_resource --clear --resource ${shellWord(resource)})`}`,
      });
    }
  },
});
