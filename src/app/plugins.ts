/**
 * Custom rules as code: a plugin is an ES module whose default export (or `rules` export) is a
 * rule, or an array of rules, written with the public `defineRule`. Plugins are loaded only from
 * the configuration or `--plugin`, never discovered.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError } from './config.js';
import { LEVELS, type Rule } from '../core/rule.js';

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

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isLevel = (value: unknown): boolean => (LEVELS as readonly unknown[]).includes(value);
const quoted = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * What is wrong with a plugin rule's metadata, or undefined. Checked when the plugin loads: SARIF,
 * the job summary and the exit code all read these fields, and a bad one (a level "bogus") would
 * otherwise surface as an invalid report long after the plugin was accepted.
 */
function metaProblem(meta: Rule['meta']): string | undefined {
  if (!isLevel(meta.level)) return `meta.level must be note, warning or error, not ${quoted(meta.level)}`;
  if (!isText(meta.description)) return 'meta.description must be a non-empty string';
  const messages = meta.messages as unknown;
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages) || Object.keys(messages).length === 0) {
    return 'meta.messages must be an object with at least one message: { id: { text: "..." } }';
  }
  for (const [id, message] of Object.entries(messages as Record<string, unknown>)) {
    const { text, level } = (typeof message === 'object' && message !== null ? message : {}) as { text?: unknown; level?: unknown };
    if (!isText(text)) return `meta.messages.${id}.text must be a non-empty string`;
    if (level !== undefined && !isLevel(level)) return `meta.messages.${id}.level must be note, warning or error, not ${quoted(level)}`;
  }
  const constraint = meta.constraint as unknown as { title?: unknown; source?: unknown } | null | undefined;
  if (typeof constraint !== 'object' || constraint === null || !isText(constraint.title) || !isText(constraint.source)) {
    return 'meta.constraint must be { title: "...", source: "..." }';
  }
  if (!Array.isArray(meta.tags) || !meta.tags.every((tag) => typeof tag === 'string')) {
    return 'meta.tags must be an array of strings';
  }
  if (meta.docsUrl !== undefined && typeof meta.docsUrl !== 'string') return 'meta.docsUrl must be a string';
  return undefined;
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
      const problem = metaProblem(rule.meta);
      if (problem !== undefined) throw new ConfigError(`plugin ${path}: rule "${rule.meta.id}": ${problem}`);
      // Plugin rules without documentation show no link rather than a link to cib-lint's docs.
      rules.push({ ...rule, meta: { ...rule.meta, docsUrl: rule.meta.docsUrl ?? '' } });
    }
  }
  return rules;
}
