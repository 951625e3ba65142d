/**
 * `cib-lint rules` and `cib-lint explain`: every rule a run would know, the built-in ones and
 * those the configuration adds (plugins, policies), with every level each can report.
 */
import { builtinRules } from '../../rules/index.js';
import { prepareRun } from '../app/run.js';
import { levelsOf } from '../app/rule-levels.js';
import { ruleDocsUrl } from '../core/meta.js';
import { compareText } from '../core/order.js';
import type { Rule } from '../core/rule.js';
import { ruleDocsPage } from '../core/rule-docs.js';
import { didYouMean } from '../core/similar.js';
import { visible } from '../output/escape.js';
import { UsageError, type Values } from './args.js';
import type { CommandIO } from './command.js';

type Origin = 'built-in' | 'plugin' | 'policy';

async function knownRules(values: Values, io: CommandIO): Promise<Array<{ rule: Rule; origin: Origin }>> {
  const prepared = await prepareRun({
    cwd: io.cwd,
    config: values.config as string | undefined,
    noConfig: values.noConfig === true,
    plugin: values.plugin as string[] | undefined,
  });
  const builtin = new Set<Rule>(builtinRules);
  const policies = new Set(prepared.config.policies.map((policy) => policy.id));
  return prepared.allRules
    .map((rule) => ({ rule, origin: builtin.has(rule) ? ('built-in' as const) : policies.has(rule.meta.id) ? ('policy' as const) : ('plugin' as const) }))
    .sort((a, b) => compareText(a.rule.meta.id, b.rule.meta.id));
}

export async function commandRules(values: Values, io: CommandIO): Promise<number> {
  const rules = await knownRules(values, io);
  if (values.format === 'json') {
    const list = rules.map(({ rule: { meta }, origin }) => ({
      id: meta.id,
      level: meta.level,
      levels: levelsOf(meta),
      description: meta.description,
      constraint: meta.constraint,
      tags: meta.tags,
      recommended: meta.recommended !== false,
      origin,
      docsUrl: ruleDocsUrl(meta) ?? null,
    }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const rows = rules.map(({ rule: { meta }, origin }) => ({
    id: visible(meta.id),
    levels: levelsOf(meta).join(','),
    description: `${visible(meta.description)}${origin === 'built-in' ? '' : ` (${origin})`}`,
  }));
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const levelWidth = Math.max(...rows.map((row) => row.levels.length));
  for (const row of rows) io.stdout.write(`${row.id.padEnd(idWidth)}  ${row.levels.padEnd(levelWidth)}  ${row.description}\n`);
  const added = rules.filter(({ origin }) => origin !== 'built-in').length;
  io.stdout.write(
    `\n${rules.length} rules${added > 0 ? ` (${added} from the configuration)` : ''}; a rule with several levels reports each problem at one of them (docs/levels.md). ` +
      '`cib-lint explain <id>` shows one rule\'s documentation.\n',
  );
  return 0;
}

export async function commandExplain(values: Values, io: CommandIO): Promise<number> {
  const id = String(values.id);
  // A built-in rule's page needs no configuration: a broken one must not hide the docs.
  const page = builtinRules.some((rule) => rule.meta.id === id) ? ruleDocsPage(id) : undefined;
  if (page !== undefined) {
    io.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
    return 0;
  }
  const rules = await knownRules(values, io);
  const found = rules.find(({ rule }) => rule.meta.id === id);
  if (found === undefined) {
    const hint = didYouMean(id, rules.map(({ rule }) => rule.meta.id));
    throw new UsageError(`unknown rule "${id}"${hint || ' (see `cib-lint rules`)'}`);
  }
  io.stdout.write(describeRule(found.rule, found.origin));
  return 0;
}

/** A page for a rule without one (a plugin's or a policy's), from its metadata. */
function describeRule({ meta }: Rule, origin: Origin): string {
  const url = ruleDocsUrl(meta);
  const lines = [
    `# ${meta.id}`,
    '',
    meta.description,
    '',
    `- From: ${origin === 'policy' ? 'a policy in the configuration file' : 'a plugin'}`,
    `- Levels: ${levelsOf(meta).join(', ')} (default ${meta.level})`,
    `- Enforces: ${meta.constraint.title} (${meta.constraint.source})`,
    ...(meta.tags.length > 0 ? [`- Tags: ${meta.tags.join(', ')}`] : []),
    ...(meta.options && meta.options.length > 0 ? [`- Options: ${meta.options.join(', ')}`] : []),
    ...(url ? [`- Documentation: ${url}`] : []),
    '',
    '## Messages',
    '',
    ...Object.entries(meta.messages).map(([messageId, message]) => `- \`${messageId}\`${message.level ? ` (${message.level})` : ''}: ${message.text}`),
    '',
  ];
  return `${lines.map((line) => visible(line)).join('\n')}\n`;
}
