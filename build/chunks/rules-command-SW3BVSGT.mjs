import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  KNOWN_RELEASES,
  PacemakerModel,
  UsageError,
  builtinRules,
  didYouMean,
  prepareRun
} from "./chunk-GQKGXUDE.mjs";
import "./chunk-CGFEUKBW.mjs";
import "./chunk-7CZRQ6R6.mjs";
import "./chunk-BCFIFQX6.mjs";
import {
  ruleDocsPage
} from "./chunk-4GJTKUWF.mjs";
import {
  visible
} from "./chunk-IKCZJ4ML.mjs";
import {
  LEVELS,
  compareText,
  ruleDocsUrl
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/app/rule-levels.ts
var MODELS = KNOWN_RELEASES.map((version) => new PacemakerModel({ version, source: "configured", reason: `Pacemaker ${version} configured` }));
function levelsOf(meta) {
  const levels = /* @__PURE__ */ new Set();
  for (const messageId of Object.keys(meta.messages)) {
    const own = meta.messages[messageId]?.level ?? meta.level;
    if (meta.levelFor === void 0) levels.add(own);
    else for (const pacemaker of MODELS) levels.add(meta.levelFor(pacemaker, messageId) ?? own);
  }
  return [...LEVELS].reverse().filter((level) => levels.has(level));
}

// src/cli/rules-command.ts
async function knownRules(values, io) {
  const prepared = await prepareRun({
    cwd: io.cwd,
    config: values.config,
    noConfig: values.noConfig === true,
    plugin: values.plugin
  });
  const builtin = new Set(builtinRules);
  const policies = new Set(prepared.config.policies.map((policy) => policy.id));
  return prepared.allRules.map((rule) => ({ rule, origin: builtin.has(rule) ? "built-in" : policies.has(rule.meta.id) ? "policy" : "plugin" })).sort((a, b) => compareText(a.rule.meta.id, b.rule.meta.id));
}
async function commandRules(values, io) {
  const rules = await knownRules(values, io);
  if (values.format === "json") {
    const list = rules.map(({ rule: { meta }, origin }) => ({
      id: meta.id,
      level: meta.level,
      levels: levelsOf(meta),
      description: meta.description,
      constraint: meta.constraint,
      tags: meta.tags,
      recommended: meta.recommended !== false,
      origin,
      docsUrl: ruleDocsUrl(meta) ?? null
    }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}
`);
    return 0;
  }
  const rows = rules.map(({ rule: { meta }, origin }) => ({
    id: visible(meta.id),
    levels: levelsOf(meta).join(","),
    description: `${visible(meta.description)}${origin === "built-in" ? "" : ` (${origin})`}`
  }));
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const levelWidth = Math.max(...rows.map((row) => row.levels.length));
  for (const row of rows) io.stdout.write(`${row.id.padEnd(idWidth)}  ${row.levels.padEnd(levelWidth)}  ${row.description}
`);
  const added = rules.filter(({ origin }) => origin !== "built-in").length;
  io.stdout.write(
    `
${rules.length} rules${added > 0 ? ` (${added} from the configuration)` : ""}; a rule with several levels reports each problem at one of them (docs/levels.md). \`cib-lint explain <id>\` shows one rule's documentation.
`
  );
  return 0;
}
async function commandExplain(values, io) {
  const id = String(values.id);
  const page = builtinRules.some((rule) => rule.meta.id === id) ? ruleDocsPage(id) : void 0;
  if (page !== void 0) {
    io.stdout.write(page.endsWith("\n") ? page : `${page}
`);
    return 0;
  }
  const rules = await knownRules(values, io);
  const found = rules.find(({ rule }) => rule.meta.id === id);
  if (found === void 0) {
    const hint = didYouMean(id, rules.map(({ rule }) => rule.meta.id));
    throw new UsageError(`unknown rule "${id}"${hint || " (see `cib-lint rules`)"}`);
  }
  io.stdout.write(describeRule(found.rule, found.origin));
  return 0;
}
function describeRule({ meta }, origin) {
  const url = ruleDocsUrl(meta);
  const lines = [
    `# ${meta.id}`,
    "",
    meta.description,
    "",
    `- From: ${origin === "policy" ? "a policy in the configuration file" : "a plugin"}`,
    `- Levels: ${levelsOf(meta).join(", ")} (default ${meta.level})`,
    `- Enforces: ${meta.constraint.title} (${meta.constraint.source})`,
    ...meta.tags.length > 0 ? [`- Tags: ${meta.tags.join(", ")}`] : [],
    ...meta.options && meta.options.length > 0 ? [`- Options: ${meta.options.join(", ")}`] : [],
    ...url ? [`- Documentation: ${url}`] : [],
    "",
    "## Messages",
    "",
    ...Object.entries(meta.messages).map(([messageId, message]) => `- \`${messageId}\`${message.level ? ` (${message.level})` : ""}: ${message.text}`),
    ""
  ];
  return `${lines.map((line) => visible(line)).join("\n")}
`;
}
export {
  commandExplain,
  commandRules
};
