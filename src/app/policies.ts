/**
 * Declarative policies from the configuration, turned into ordinary rules: for every node the
 * XPath 1.0 `select` finds (evaluated by libxml2), the XPath `assert` must be true, else a finding
 * with `message`, whose `{xpath}` placeholders are evaluated on the selected node.
 */
import { ConfigError, type Policy } from './config.js';
import { defineRule, type Rule } from '../core/rule.js';
import { xpathSyntaxError } from '../document/xml/xpath.js';


function compileOrFail(expression: string, policy: Policy, key: string, file: string | undefined): void {
  const error = xpathSyntaxError(expression);
  if (error !== undefined) throw new ConfigError(`${file ?? 'configuration'}: policies.${policy.id}.${key}: invalid XPath "${expression}": ${error}`);
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
}

export function policyRules(policies: Policy[], file: string | undefined): Rule[] {
  return policies.map((policy) => {
    compileOrFail(policy.select, policy, 'select', file);
    compileOrFail(`boolean(${policy.assert})`, policy, 'assert', file);
    for (const expression of placeholders(policy.message)) compileOrFail(`string(${expression})`, policy, 'message', file);
    return defineRule({
      meta: {
        id: policy.id,
        level: policy.level ?? 'error',
        description: policy.description ?? `Policy ${policy.id}: ${policy.assert}`,
        constraint: { title: policy.description ?? policy.assert, source: `policy in ${file ?? 'the configuration'}` },
        tags: ['policy'],
        docsUrl: '',
        messages: { violated: { text: '{{message}}' } },
      },
      check({ document, report }) {
        for (const match of document.xpath(policy.select)) {
          if (match.test(policy.assert)) continue;
          const message = policy.message.replace(/\{([^{}]+)\}/g, (_, expression: string) => match.string(expression));
          report({
            messageId: 'violated',
            node: match.node,
            data: { message },
            ...(policy.fix !== undefined && { suggestion: policy.fix }),
          });
        }
      },
    });
  });
}
