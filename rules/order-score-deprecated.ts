import { defineRule } from '../src/core/rule.js';
import * as edits from '../src/cib/edits.js';
import { cibadminReplaceWithout } from '../src/cib/cibadmin.js';
import { parseScore } from '../src/cib/values.js';
import type { XmlAttribute, XmlElement } from '../src/document/xml/element.js';

/**
 * 0 and INFINITY have one reading, the kind Pacemaker gives them; any other score reads like a
 * weight, so keeping today's behaviour (Mandatory) and what it seems to say (Optional) are choices.
 */
function orderRemedies(element: XmlElement, score: XmlAttribute, kind: string, clear: boolean) {
  const as = (chosen: string) =>
    edits.remedy(`Replace score="${score.value}" by kind="${chosen}"`, [edits.renameAttribute(score, 'kind', chosen)], edits.cibadminReplaceWithout(element, ['score'], { kind: chosen }));
  if (clear) return { fixes: [as(kind)] };
  return { suggestions: [as('Mandatory'), as('Optional')] };
}

/**
 * `score` on an ordering is the pre-1.0 way to say how strict it is: Pacemaker still reads it
 * when `kind` is absent (0 means Optional, anything else Mandatory) and warns that support will
 * be removed (get_ordering_type() in lib/pacemaker/pcmk_sched_ordering.c). A score other than 0
 * or INFINITY reads like a weight, and a negative one like an anti-order, while both are simply
 * Mandatory.
 */
export default defineRule({
  meta: {
    id: 'order-score-deprecated',
    level: 'warning',
    description: 'Orderings say kind="Mandatory" or kind="Optional" instead of the deprecated score',
    constraint: {
      title: 'rsc_order (and its resource sets) use kind, not score',
      source: 'Pacemaker Explained, "Specifying the Order in which Resources Should Start/Stop" (kind; score deprecated since 2.0.1); lib/pacemaker/pcmk_sched_ordering.c get_ordering_type() ("Support for \'score\' in rsc_order is deprecated")',
    },
    tags: ['constraints', 'deprecated'],
    messages: {
      deprecated: {
        text: '{{element}} uses score="{{score}}", deprecated since Pacemaker 2.0.1 (crm_verify warns about it): Pacemaker reads it as kind="{{kind}}"',
        level: 'note',
      },
      misleading: {
        text: '{{element}} uses score="{{score}}", deprecated since Pacemaker 2.0.1: Pacemaker does not weigh it, it reads every score but 0 as kind="Mandatory"{{negative}}',
      },
    },
  },
  check({ cib, report }) {
    for (const order of cib.configured('rsc_order')) {
      for (const element of [order, ...order.childrenNamed('resource_set')]) {
        const score = element.attribute('score');
        if (!score || element.has('kind')) continue;
        // pcmk_parse_score() reads an unparsable score as 0 (score-valid reports it).
        const value = parseScore(score.value) ?? 0;
        const kind = value === 0 ? 'Optional' : 'Mandatory';
        const clear = value === 0 || value === Number.POSITIVE_INFINITY;
        const where = element === order ? `rsc_order "${order.id ?? ''}"` : `resource_set "${element.id ?? ''}" of rsc_order "${order.id ?? ''}"`;
        const replace = cibadminReplaceWithout(element, ['score'], { kind });
        const optional = clear ? '' : ` (this keeps today's behaviour; kind="Optional" if the score was meant as a preference)`;
        report({
          messageId: clear ? 'deprecated' : 'misleading',
          node: score,
          data: { element: where, score: score.value, kind, negative: value < 0 ? ' (a negative score neither reverses nor loosens the order)' : '' },
          suggestion: `${replace ?? `Replace score="${score.value}" by kind="${kind}" in the CIB file`}${optional}`,
          ...orderRemedies(element, score, kind, clear),
        });
      }
    }
  },
});
