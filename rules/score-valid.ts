import { IN_CIB_FILE } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, setAttribute } from '../src/cib/edits.js';
import { parseInteger } from '../src/cib/values.js';

const SCHEMA_INFINITIES = new Set(['INFINITY', '+INFINITY', '-INFINITY']);
const HEALTH_COLOURS = new Set(['red', 'yellow', 'green']);

/**
 * Pacemaker's schema (score.rng) allows every `score` attribute (constraints, rules, resource
 * sets, nvsets, nodes) to be an integer or exactly INFINITY, +INFINITY or -INFINITY. Anything
 * else makes the whole CIB fail validation, so the cluster refuses it (and pcs and cibadmin
 * cannot load the file); Pacemaker 3's own score parser also rejects it and ignores the
 * constraint. Its parser is more lenient than the schema (any case of "infinity", the node-health
 * colours red/yellow/green), which is why those spellings get their own explanation here.
 */
export default defineRule({
  meta: {
    id: 'score-valid',
    level: 'error',
    description: 'Scores of constraints, rules and nvsets are integers, INFINITY, +INFINITY or -INFINITY',
    constraint: {
      title: 'score is an integer, INFINITY, +INFINITY or -INFINITY',
      source: "Pacemaker xml/score.rng; Pacemaker Explained, \"Scores\" (Infinity math); lib/common/scores.c char2score()",
    },
    tags: ['constraints', 'rules', 'scores'],
    messages: {
      invalid: {
        text: 'score="{{value}}" on {{element}} is not a score (an integer, INFINITY, +INFINITY or -INFINITY): the CIB fails schema validation, so Pacemaker refuses it',
      },
      infinityCase: {
        text: 'score="{{value}}" on {{element}} must be spelled {{expected}}: the schema accepts only upper-case INFINITY, so the CIB fails validation and Pacemaker refuses it',
      },
      healthColour: {
        text: 'score="{{value}}" on {{element}}: red, yellow and green are node-health attribute values, not scores; the CIB fails schema validation and Pacemaker refuses it',
      },
    },
  },
  check({ cib, report }) {
    for (const element of cib.configuration?.descendants() ?? []) {
      const attribute = element.attribute('score');
      if (!attribute) continue;
      const value = attribute.value;
      const trimmed = value.trim();
      if (SCHEMA_INFINITIES.has(trimmed) || parseInteger(trimmed) !== undefined) continue;
      const data = { value, element: element.describe() };
      const infinity = /^([+-]?)infinity$/i.exec(trimmed);
      if (infinity) {
        const expected = `${infinity[1]}INFINITY`;
        report({ messageId: 'infinityCase', node: attribute, data: { ...data, expected }, suggestion: `Write score="${expected}"${IN_CIB_FILE}`, fixes: [remedy(`Write ${expected}`, [setAttribute(element, 'score', expected)])] });
      } else if (HEALTH_COLOURS.has(trimmed.toLowerCase())) {
        report({
          messageId: 'healthColour',
          node: attribute,
          data,
          suggestion: `Write a number${IN_CIB_FILE}; to keep resources off unhealthy nodes, set the node-health-strategy cluster option instead (pcs property set node-health-strategy=migrate-on-red)`,
        });
      } else {
        report({ messageId: 'invalid', node: attribute, data, suggestion: `Write an integer, INFINITY or -INFINITY${IN_CIB_FILE}` });
      }
    }
  },
});
