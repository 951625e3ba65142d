/**
 * Declarative policies from the configuration, turned into ordinary rules: for every node the
 * XPath 1.0 `select` finds (evaluated by libxml2), the XPath `assert` must be true, else a finding
 * with `message`, whose `{xpath}` placeholders are evaluated on the selected node.
 *
 * A policy runs under a time budget per file. libxml2 cannot be interrupted inside one evaluation
 * (src/document/xml/xpath.ts), so the budget is checked between them: after `select`, and after
 * each selected node's `assert` and placeholders. Past it the policy stops with a finding that
 * says so; one evaluation that alone outlasts the budget still runs to its end.
 */
import { ConfigError, type Policy } from './config.js';
import { defineRule, type Rule } from '../core/rule.js';
import { xpathSyntaxError } from '../document/xml/xpath.js';

/** How long one policy may take on one file. */
export const POLICY_BUDGET_SECONDS = 10;

export interface PolicyOptions {
  /** The budget per policy and file, in milliseconds (tests use a small one). */
  budgetMs?: number;
}

function compileOrFail(expression: string, policy: Policy, key: string, file: string | undefined): void {
  const error = xpathSyntaxError(expression);
  if (error !== undefined) throw new ConfigError(`${file ?? 'configuration'}: policies.${policy.id}.${key}: invalid XPath "${expression}": ${error}`);
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/**
 * The policy's message as a message template: each `{xpath}` becomes `{{v0}}`, `{{v1}}`... so the
 * values are filled (and long ones clipped) like any rule's data, while the text around them is
 * kept whole. The text holds no other `{{name}}`: every `{...}` in it is a placeholder.
 */
function messageTemplate(message: string): string {
  let index = 0;
  return message.replace(PLACEHOLDER, () => `{{v${index++}}}`);
}

export function policyRules(policies: Policy[], file: string | undefined, { budgetMs = POLICY_BUDGET_SECONDS * 1000 }: PolicyOptions = {}): Rule[] {
  const seconds = Number((budgetMs / 1000).toPrecision(3));
  return policies.map((policy) => {
    compileOrFail(policy.select, policy, 'select', file);
    compileOrFail(`boolean(${policy.assert})`, policy, 'assert', file);
    const expressions = placeholders(policy.message);
    for (const expression of expressions) compileOrFail(`string(${expression})`, policy, 'message', file);
    return defineRule({
      meta: {
        id: policy.id,
        level: policy.level ?? 'error',
        description: policy.description ?? `Policy ${policy.id}: ${policy.assert}`,
        constraint: { title: policy.description ?? policy.assert, source: `policy in ${file ?? 'the configuration'}` },
        tags: ['policy'],
        docsUrl: '',
        messages: {
          violated: { text: messageTemplate(policy.message) },
          stopped: {
            text: 'Policy {{policy}} stopped: took longer than {{seconds}} s on this file ({{checked}} of {{selected}} selected nodes checked); its other findings here are missing',
            level: 'error',
          },
        },
      },
      check({ document, report, reportAt }) {
        const started = performance.now();
        const matches = document.xpath(policy.select);
        for (const [checked, match] of matches.entries()) {
          if (performance.now() - started > budgetMs) {
            reportAt({ messageId: 'stopped', line: 1, data: { policy: policy.id, seconds, checked, selected: matches.length } });
            return;
          }
          if (match.test(policy.assert)) continue;
          const data = Object.fromEntries(expressions.map((expression, index) => [`v${index}`, match.string(expression)]));
          const suggestion = policy.fix === undefined ? {} : { suggestion: policy.fix };
          if (match.node) report({ messageId: 'violated', node: match.node, data, ...suggestion });
          else if (match.comment) reportAt({ messageId: 'violated', ...document.lines.position(match.comment.span.start), data, ...suggestion });
          // A node the source scan does not model (a processing instruction): libxml2's line.
          else if (match.line > 0) reportAt({ messageId: 'violated', line: match.line, data, ...suggestion });
          else report({ messageId: 'violated', node: undefined, data, ...suggestion });
        }
      },
    });
  });
}
