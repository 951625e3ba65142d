/**
 * The `cib-lint` command. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it
 * (or more warnings than --max-warnings), 2 usage, configuration, I/O or internal errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import { parseCommandLine, helpText, UsageError, type CommandSpec, type Program, type Values } from './args.js';
import { ConfigError, loadConfig, parseRuleFlags, pluginPaths, resolveConfig, type EffectiveConfig } from '../app/config.js';
import { DIAGNOSTIC_METAS, DIAGNOSTICS } from '../core/diagnostics.js';
import type { EnabledRule, FileResult, LintSettings } from '../core/linter.js';
import { expandOperands, globToRegExp } from '../document/inputs/operands.js';
import { formatGithub } from '../output/github.js';
import { formatJson } from '../output/json.js';
import { formatSarif } from '../output/sarif.js';
import { formatText } from '../output/text.js';
import { DEFAULT_MAX_FILE_SIZE, lintInputs, type RunSettings } from '../app/lint-files.js';
import { docsUrl, TOOL_VERSION } from '../core/meta.js';
import { loadPlugins } from '../app/plugins.js';
import { countFindings, plural, summaryLine, type LintReport } from '../output/report.js';
import { LEVELS, levelRank, type Level, type Rule, type Severity } from '../core/rule.js';
import { policyRules } from '../app/policies.js';
import { postProcessFor } from '../core/suppressions.js';
import { applyBaselineOptions, writeBaseline } from '../core/baseline.js';
import { timed } from '../core/timing.js';
import { compareText } from '../core/order.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface OutputRequest {
  format: Format;
  /** A file to write to; standard output when undefined. */
  destination: string | undefined;
}

export function parseFormats(values: string[]): OutputRequest[] {
  const requests = (values.length > 0 ? values : ['text']).map((value) => {
    const [format, ...rest] = value.split('=');
    if (!FORMATS.includes(format as Format)) {
      throw new UsageError(`--format ${value}: expected one of ${FORMATS.join(', ')}, optionally =FILE`);
    }
    const destination = rest.length > 0 ? rest.join('=') : undefined;
    if (destination === '') throw new UsageError(`--format ${value}: missing file name after "="`);
    return { format: format as Format, destination };
  });
  if (requests.filter((request) => request.destination === undefined).length > 1) {
    throw new UsageError('only one --format may write to standard output; give the others a file: --format sarif=out.sarif');
  }
  return requests;
}

function colorEnabled(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in process.env) return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  return process.stdout.isTTY === true;
}

function render(request: OutputRequest, report: LintReport, options: { color: boolean; showSuppressed: boolean }): string {
  switch (request.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'text':
      return formatText(report, { color: options.color && request.destination === undefined, showSuppressed: options.showSuppressed });
  }
}

export interface Prepared {
  config: EffectiveConfig;
  allRules: Rule[];
  enabled: EnabledRule[];
  /** Levels configured for the engine's suppression diagnostics (`off` drops them). */
  diagnosticLevels: ReadonlyMap<string, Severity>;
}

/** Configuration, plugins and the list of rules to run: shared with the GitHub Action. */
export async function prepareRun(options: {
  cwd: string;
  config?: string;
  noConfig?: boolean;
  rule?: string[];
  plugin?: string[];
  schemaDir?: string;
  pacemaker?: string;
}): Promise<Prepared> {
  const inputs = {
    cwd: options.cwd,
    configPath: options.config,
    noConfig: options.noConfig,
    ruleFlags: parseRuleFlags(options.rule ?? []),
    plugins: options.plugin,
    schemaDir: options.schemaDir,
    pacemaker: options.pacemaker,
  };
  const { raw, file } = await loadConfig(inputs);
  const pluginRules = await loadPlugins(pluginPaths(raw, file, inputs));
  const policies = policyRules(raw.policies ?? [], file);
  // Each id names one rule: say where a plugin or policy reuses one.
  const origin = new Map<string, string>(builtinRules.map((rule) => [rule.meta.id, 'a built-in rule']));
  for (const [index, rule] of pluginRules.entries()) {
    const first = origin.get(rule.meta.id);
    if (first) throw new ConfigError(`plugin rule "${rule.meta.id}" (plugin ${index + 1} loaded): the id is already ${first}`);
    origin.set(rule.meta.id, 'a plugin rule');
  }
  for (const rule of policies) {
    const first = origin.get(rule.meta.id);
    if (first) throw new ConfigError(`${file ?? 'configuration'}: policies.${rule.meta.id}: the id is already ${first}`);
    origin.set(rule.meta.id, 'a policy');
  }
  const allRules = [...builtinRules, ...pluginRules, ...policies];
  // Suppression diagnostics can be configured like rules (not internal-error: a failure is never optional).
  const configurableDiagnostics = DIAGNOSTIC_METAS.filter((meta) => meta.id !== DIAGNOSTICS.internalError.id).map(
    (meta): Rule => ({ meta, check: () => undefined }),
  );
  const config = resolveConfig(raw, file, inputs, [...allRules, ...configurableDiagnostics]);
  const enabled: EnabledRule[] = [];
  for (const rule of allRules) {
    const setting = config.rules[rule.meta.id]!;
    if (setting.level === 'off') continue;
    // Keep each message's own default level unless the user chose a level for the rule.
    const chosen = setting.level === rule.meta.level && !isExplicit(raw, options.rule, rule.meta.id) ? undefined : setting.level;
    enabled.push({ rule, ...(chosen !== undefined && { level: chosen }), ...(setting.options && { options: setting.options }) });
  }
  const diagnosticLevels = new Map(
    configurableDiagnostics
      .filter(({ meta }) => isExplicit(raw, options.rule, meta.id))
      .map(({ meta }) => [meta.id, config.rules[meta.id]!.level] as const),
  );
  return { config, allRules, enabled, diagnosticLevels };
}

export interface OperandOptions {
  cwd: string;
  maxFileSize?: number;
  stdinFilename?: string;
  /** Honour inline suppression comments (default true). */
  inlineSuppressions?: boolean;
  reportUnusedSuppressions?: boolean;
  onFile?: (done: number, total: number) => void;
  /** Keep each file's text for code frames (default true): false when no text report is written. */
  keepSource?: boolean;
}

/**
 * Expands operands (files, directories, globs, `-`), skipping the configuration's `ignore` globs,
 * and lints them with the prepared rules. An operand that matches nothing is an error on that
 * operand; every other file is still linted. Shared by the command and the GitHub Action.
 */
export function lintOperands(prepared: Prepared, operands: string[], options: OperandOptions): FileResult[] {
  const ignored = prepared.config.ignore.map((glob) => globToRegExp(glob));
  const { inputs, missing, ignoredOperands } = expandOperands(operands, options.cwd, (path) => ignored.some((pattern) => pattern.test(path)));
  for (const operand of ignoredOperands) {
    process.stderr.write(`cib-lint: ${operand} is not linted: it matches an ignore glob of ${prepared.config.file ?? 'the configuration'}\n`);
  }
  return [
    ...missing.map((operand) => ({ filePath: operand, findings: [], errors: [`no such file, directory or matching glob: ${operand}`] })),
    ...lintInputs(inputs, runSettings(prepared, options)),
  ];
}

/** How every file of a run is linted; `--diff-against` lints the old CIB the same way. */
export function runSettings(prepared: Prepared, options: OperandOptions): RunSettings {
  const { config, enabled } = prepared;
  return {
    cwd: options.cwd,
    rules: enabled,
    options: {
      ...(config.pacemaker !== undefined && { pacemakerVersion: config.pacemaker }),
      ...(config.schemaDir !== undefined && { schemaDir: config.schemaDir }),
    },
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(options.stdinFilename !== undefined && { stdinFilename: options.stdinFilename }),
    postProcess: withDiagnosticLevels(
      postProcessFor(config, {
        inline: options.inlineSuppressions !== false,
        reportUnused: options.reportUnusedSuppressions === true,
      }),
      prepared.diagnosticLevels,
    ),
    ...(options.onFile && { onFile: options.onFile }),
    ...(options.keepSource === false && { keepSource: false }),
  };
}

/** Applies configured levels to the suppression diagnostics the post-processing adds. */
function withDiagnosticLevels(postProcess: NonNullable<LintSettings['postProcess']>, levels: ReadonlyMap<string, Severity>): NonNullable<LintSettings['postProcess']> {
  if (levels.size === 0) return postProcess;
  return (findings, comments, source) =>
    postProcess(findings, comments, source).flatMap((finding) => {
      const level = levels.get(finding.ruleId);
      if (level === undefined) return [finding];
      return level === 'off' ? [] : [{ ...finding, level }];
    });
}

function isExplicit(raw: { rules?: Record<string, unknown> }, flags: string[] | undefined, id: string): boolean {
  return raw.rules?.[id] !== undefined || (flags ?? []).some((flag) => flag.startsWith(`${id}=`));
}

/** Why the findings fail the run (exit code 1), or undefined when they do not. */
export function failureReason(files: FileResult[], failOn: Level | 'none', maxWarnings: number | undefined): string | undefined {
  const counts = countFindings(files);
  if (maxWarnings !== undefined && maxWarnings >= 0 && counts.warning > maxWarnings) {
    return `${plural(counts.warning, 'warning')}, more than max-warnings ${maxWarnings}`;
  }
  if (failOn === 'none') return undefined;
  const threshold = levelRank(failOn);
  const failing = LEVELS.some((level) => levelRank(level) >= threshold && counts[level] > 0);
  return failing ? `${summaryLine(counts)} at or above fail-on level "${failOn}"` : undefined;
}

export function exitCodeFor(files: FileResult[], failOn: Level | 'none', maxWarnings: number | undefined): number {
  if (files.some((file) => file.errors.length > 0)) return EXIT_ERROR;
  return failureReason(files, failOn, maxWarnings) !== undefined ? EXIT_FINDINGS : EXIT_OK;
}

function docsPage(id: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, '../docs/rules', `${id}.md`), resolve(here, '../../docs/rules', `${id}.md`)]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      /* try the next layout (bundled build/ or source src/) */
    }
  }
  return undefined;
}

async function commandLint(values: Values): Promise<number> {
  const cwd = process.cwd();
  const requests = parseFormats((values.format as string[] | undefined) ?? []);
  const prepared = await prepareRun({
    cwd,
    config: values.config as string | undefined,
    noConfig: values.noConfig === true,
    rule: values.rule as string[] | undefined,
    plugin: values.plugin as string[] | undefined,
    schemaDir: values.schemaDir as string | undefined,
    pacemaker: values.pacemaker as string | undefined,
  });
  if (values.printConfig) {
    process.stdout.write(`${JSON.stringify(prepared.config, null, 2)}\n`);
    return EXIT_OK;
  }
  const operands = values.files as string[];
  if (operands.length === 0) throw new UsageError('no files given: cib-lint FILE... (a file, a directory, a glob, or - for standard input)');
  const maxWarnings = wholeNumberOption(values.maxWarnings, '--max-warnings', 0);
  const maxFileSize = wholeNumberOption(values.maxFileSize, '--max-file-size', 1);
  const operandOptions: OperandOptions = {
    cwd,
    ...(maxFileSize !== undefined && { maxFileSize }),
    ...(values.stdinFilename !== undefined && { stdinFilename: String(values.stdinFilename) }),
    inlineSuppressions: values.inlineSuppressions !== false,
    reportUnusedSuppressions: values.reportUnusedSuppressions === true,
    // Only the text report shows code frames; other reports need no file's text once it is linted.
    keepSource: requests.some((request) => request.format === 'text'),
    // Progress only for people watching a terminal, and only when there is something to wait for.
    onFile: (done, total) => {
      if (process.stderr.isTTY === true && total >= 50) process.stderr.write(`\rcib-lint: ${done}/${total} files${done === total ? '\n' : ''}`);
    },
  };
  const files = timed('stage: expanding operands, linting', () => lintOperands(prepared, operands, operandOptions));
  const filtered = await applyBaselineOptions(files, {
    cwd,
    ...(values.baseline !== undefined && { baseline: String(values.baseline) }),
    ...(values.diffAgainst !== undefined && { diffAgainst: String(values.diffAgainst) }),
    settings: runSettings(prepared, { ...operandOptions, onFile: undefined }),
  });
  // The exit code counts every finding; --quiet only changes what is shown.
  const exitCode = exitCodeFor(filtered, values.failOn as Level | 'none', maxWarnings);
  const shown = values.quiet
    ? filtered.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.level === 'error') }))
    : filtered;
  const report: LintReport = {
    files: shown,
    rules: prepared.enabled.map(({ rule }) => rule.meta).sort((a, b) => compareText(a.id, b.id)),
    root: cwd,
  };
  const color = colorEnabled(values.color as boolean | undefined);
  for (const request of requests) {
    const output = timed('stage: formatting the report', () => render(request, report, { color, showSuppressed: values.showSuppressed === true }));
    if (request.destination === undefined) process.stdout.write(output);
    else writeOutput(resolve(cwd, request.destination), output, `--format ${request.format}=${request.destination}`);
  }
  for (const file of filtered) {
    for (const error of file.errors) process.stderr.write(`cib-lint: ${file.filePath}: ${error}\n`);
  }
  // Written last, so a baseline that cannot be written never costs the report itself.
  if (values.writeBaseline !== undefined) writeBaseline(files, cwd, String(values.writeBaseline));
  return exitCode;
}

/** Writes an output file; a failure is a one-line error naming it (exit code 2). */
function writeOutput(target: string, content: string, what: string): void {
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  } catch (error) {
    throw new UsageError(`${what}: cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A numeric option that must be a whole number of at least `minimum`; undefined when not given. */
function wholeNumberOption(value: unknown, flag: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new UsageError(`${flag} must be a whole number of at least ${minimum}${Number.isNaN(value) ? '' : `, not ${String(value)}`}`);
  }
  return value;
}

function commandRules(values: Values): number {
  const rules = [...builtinRules].sort((a, b) => compareText(a.meta.id, b.meta.id));
  if (values.format === 'json') {
    const list = rules.map(({ meta }) => ({
      id: meta.id,
      level: meta.level,
      description: meta.description,
      constraint: meta.constraint,
      tags: meta.tags,
      recommended: meta.recommended !== false,
      docsUrl: docsUrl(meta.id),
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  for (const { meta } of rules) {
    process.stdout.write(`${meta.id.padEnd(width)}  ${meta.level.padEnd(7)}  ${meta.description}\n`);
  }
  process.stdout.write(`\n${rules.length} rules. \`cib-lint explain <id>\` shows one rule's documentation.\n`);
  return EXIT_OK;
}

function commandExplain(values: Values): number {
  const id = String(values.id);
  const rule = builtinRules.find((candidate) => candidate.meta.id === id);
  const page = rule ? docsPage(id) : undefined;
  if (!rule || page === undefined) {
    const close = builtinRules.map((candidate) => candidate.meta.id).filter((candidate) => candidate.includes(id) || id.includes(candidate));
    throw new UsageError(`unknown rule "${id}"${close.length > 0 ? `; did you mean ${close.slice(0, 3).join(', ')}?` : ' (see `cib-lint rules`)'}`);
  }
  process.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
  return EXIT_OK;
}

const LINT: CommandSpec = {
  summary: 'lint CIB files',
  description: 'Lint Pacemaker CIB files: files, directories (every *.xml below), globs, or - for standard input.',
  operand: { name: 'files', description: 'files, directories, globs, or - for stdin', repeatable: true },
  options: {
    format: { type: 'string', short: 'f', multiple: true, description: 'text | json | sarif | github, optionally =FILE; repeatable' },
    'fail-on': { type: 'string', choices: ['error', 'warning', 'note', 'none'], default: 'error', description: 'lowest level that makes the exit code 1' },
    'max-warnings': { type: 'number', description: 'exit 1 when there are more warnings than this' },
    quiet: { type: 'boolean', short: 'q', description: 'report errors only' },
    color: { type: 'boolean', description: 'force colour on or off (NO_COLOR and FORCE_COLOR are honoured)' },
    rule: { type: 'string', multiple: true, description: 'ID=off|note|warning|error; repeatable, overrides the config' },
    config: {
      type: 'string',
      short: 'c',
      negatable: true,
      description: 'configuration file (default: .cib-lint.yaml|.yml|.json found upward); --no-config ignores them',
    },
    'print-config': { type: 'boolean', description: 'print the effective configuration and exit' },
    plugin: { type: 'string', multiple: true, description: 'module with custom rules; repeatable' },
    pacemaker: { type: 'string', description: 'Pacemaker version the cluster runs, e.g. 2.1 or 3.0' },
    'schema-dir': { type: 'string', description: "folder with Pacemaker's RelaxNG schemas (default: $CIB_LINT_SCHEMA_DIR, /usr/share/pacemaker)" },
    'stdin-filename': { type: 'string', description: 'name to report for standard input' },
    'max-file-size': { type: 'number', description: `largest file to read, in bytes (default ${DEFAULT_MAX_FILE_SIZE})` },
    'inline-suppressions': { type: 'boolean', default: true, description: 'honour cib-lint-disable comments (--no-inline-suppressions ignores them)' },
    'report-unused-suppressions': { type: 'boolean', description: 'report suppressions that suppress nothing' },
    'show-suppressed': { type: 'boolean', description: 'show suppressed findings in text output' },
    baseline: { type: 'string', description: 'report only findings not recorded in this baseline file' },
    'write-baseline': { type: 'string', description: 'record the current findings in this baseline file' },
    'diff-against': { type: 'string', description: 'report only findings the CIB adds relative to this older CIB' },
  },
  run: commandLint,
};

/** The command line: each command's table drives both parsing and `--help`. */
export const PROGRAM: Program = {
  name: 'cib-lint',
  commands: [
    LINT,
    {
      name: 'rules',
      summary: 'list the rules',
      options: { format: { type: 'string', short: 'f', choices: ['text', 'json'], default: 'text', description: 'output format' } },
      run: commandRules,
    },
    {
      name: 'explain',
      summary: "print a rule's documentation",
      operand: { name: 'id', description: 'a rule id, as `cib-lint rules` lists them', required: true },
      options: {},
      run: commandExplain,
    },
  ],
};

export async function main(argv: string[]): Promise<number> {
  const invocation = parseCommandLine(argv, PROGRAM);
  switch (invocation.kind) {
    case 'help':
      // A terminal that reports no size (0 columns, e.g. under script(1)) gets the width of a pipe.
      process.stdout.write(helpText(PROGRAM, invocation.command, Math.min(110, process.stdout.columns || 100)));
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'run':
      return invocation.command.run(invocation.values);
  }
}

export async function run(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`cib-lint: ${error.message}\n`);
    } else {
      process.stderr.write(`cib-lint: internal error: ${(error as Error).message}\n${(error as Error).stack ?? ''}\n`);
    }
    return EXIT_ERROR;
  }
}
