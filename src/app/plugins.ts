/**
 * Custom rules as code: a plugin is an ES module whose default export (or `rules` export) is a
 * rule, or an array of rules, written with the public `defineRule`. Plugins are loaded only from
 * the configuration or `--plugin`, never discovered.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError } from './config.js';
import type { Rule } from '../core/rule.js';

function isRule(value: unknown): value is Rule {
  const candidate = value as Rule | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.check === 'function' &&
    typeof candidate.meta?.id === 'string' &&
    typeof candidate.meta.level === 'string' &&
    typeof candidate.meta.messages === 'object'
  );
}

export async function loadPlugins(paths: string[]): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const path of paths) {
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`plugin ${path}: cannot load: ${(error as Error).message.split('\n')[0]}`);
    }
    const exported = module.rules ?? module.default;
    const list = Array.isArray(exported) ? exported : [exported];
    if (list.length === 0 || !list.every(isRule)) {
      throw new ConfigError(`plugin ${path}: its default export must be a rule or an array of rules made with defineRule()`);
    }
    for (const rule of list) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/.test(rule.meta.id)) {
        throw new ConfigError(`plugin ${path}: rule id "${rule.meta.id}" must be kebab-case (optionally "plugin/rule")`);
      }
      // Plugin rules without documentation show no link rather than a link to cib-lint's docs.
      rules.push({ ...rule, meta: { ...rule.meta, docsUrl: rule.meta.docsUrl ?? '' } });
    }
  }
  return rules;
}
