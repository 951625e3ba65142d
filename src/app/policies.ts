/**
 * Declarative policies from the configuration, turned into ordinary rules: for every node the
 * XPath 1.0 `select` finds (evaluated by libxml2), the XPath `assert` must be true, else a finding
 * with `message`, whose `{xpath}` placeholders are evaluated on the selected node.
 */
import { XmlXPath, type XmlNode } from 'libxml2-wasm';
import { ConfigError, type Policy } from './config.js';
import { defineRule, type Rule } from '../core/rule.js';
import { scannedNodeOf } from '../document/xml/libxml-nodes.js';
import { quietly } from '../document/xml/quiet.js';


function compileOrFail(expression: string, policy: Policy, key: string, file: string | undefined): void {
  try {
    quietly(() => XmlXPath.compile(expression).dispose());
  } catch (error) {
    throw new ConfigError(`${file ?? 'configuration'}: policies.${policy.id}.${key}: invalid XPath "${expression}": ${(error as Error).message.split('\n')[0]}`);
  }
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
}

function evalString(node: XmlNode, expression: string): string {
  const value = node.eval(`string(${expression})`);
  return typeof value === 'string' ? value : String(value);
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
      check({ cib, libxmlDocument, report }) {
        for (const node of libxmlDocument.find(policy.select)) {
          if (node.eval(`boolean(${policy.assert})`) === true) continue;
          const message = policy.message.replace(/\{([^{}]+)\}/g, (_, expression: string) => evalString(node, expression));
          report({
            messageId: 'violated',
            node: scannedNodeOf(node, cib.elements),
            data: { message },
            ...(policy.fix !== undefined && { fix: policy.fix }),
          });
        }
      },
    });
  });
}
