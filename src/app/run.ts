/**
 * A lint run as the command line and the GitHub Action both do it: configuration and plugins,
 * operands expanded and linted, and the exit code the findings give.
 */
import { builtinRules } from '../../rules/index.js';
import { ConfigError, loadConfig, parseRuleFlags, pluginPaths, resolveConfig, type EffectiveConfig } from './config.js';
import { DIAGNOSTIC_METAS, DIAGNOSTICS } from '../core/diagnostics.js';
import type { EnabledRule, FileResult, LintSettings } from '../core/linter.js';
import { expandOperands, type Input } from '../document/inputs/operands.js';
import { compileGlob, GlobError, type GlobMatcher } from '../document/inputs/glob.js';
import { fileKeys } from './write-file.js';
import { DEFAULT_MAX_FILE_SIZE, lintInputs, type RunSettings } from './lint-files.js';
import { loadPlugins } from './plugins.js';
import { countFindings, plural, summaryLine } from '../output/report.js';
import { LEVELS, levelRank, type Level, type Rule, type Severity } from '../core/rule.js';
import { policyRules } from './policies.js';
import { postProcessFor } from '../core/suppressions.js';
import { compareText } from '../core/order.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface Prepared {
  config: EffectiveConfig;
  allRules: Rule[];
  enabled: EnabledRule[];
  /** Levels configured for the engine's suppression diagnostics (`off` drops them). */
  diagnosticLevels: ReadonlyMap<string, Severity>;
  /** What the configuration file asked for and was not loaded (`configCode: false`). */
  skipped?: SkippedConfigCode;
}

/** Code a configuration file names that a run without `configCode` leaves out. */
export interface SkippedConfigCode {
  file: string;
  /** Plugin modules, absolute. */
  plugins: string[];
  /** Policy ids. */
  policies: string[];
  /** Ids under `rules:` and `suppressions:` that no loaded rule has (the skipped plugins' or policies'). */
  ruleSettings: string[];
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
  /**
   * Load the plugins and policies a configuration file names (default true). The Action turns it
   * off: the file is part of the pull request it lints, so its code is the author's, not the
   * workflow's.
   */
  configCode?: boolean;
  /** The configuration search stops here at the latest. */
  searchBoundary?: string;
}): Promise<Prepared> {
  const inputs = {
    cwd: options.cwd,
    configPath: options.config,
    noConfig: options.noConfig,
    ruleFlags: parseRuleFlags(options.rule ?? []),
    plugins: options.plugin,
    schemaDir: options.schemaDir,
    pacemaker: options.pacemaker,
    searchBoundary: options.searchBoundary,
  };
  const loaded = await loadConfig(inputs);
  const { file } = loaded;
  let { raw } = loaded;
  let skipped: SkippedConfigCode | undefined;
  if (options.configCode === false && file !== undefined && (raw.plugins?.length || raw.policies?.length)) {
    // Settings for the rules left out would be "unknown rule id" errors: drop them, and say so.
    const known = new Set([...builtinRules, ...DIAGNOSTIC_METAS.map((meta) => ({ meta }))].map(({ meta }) => meta.id));
    const unknown = new Set([...Object.keys(raw.rules ?? {}), ...(raw.suppressions ?? []).map((entry) => entry.rule)].filter((id) => !known.has(id)));
    skipped = {
      file,
      plugins: pluginPaths(raw, file, { cwd: options.cwd }),
      policies: (raw.policies ?? []).map((policy) => policy.id),
      ruleSettings: [...unknown].sort(compareText),
    };
    raw = {
      ...raw,
      plugins: [],
      policies: [],
      ...(raw.rules && { rules: Object.fromEntries(Object.entries(raw.rules).filter(([id]) => !unknown.has(id))) }),
      ...(raw.suppressions && { suppressions: raw.suppressions.filter((entry) => !unknown.has(entry.rule)) }),
    };
  }
  // A file with problems runs none of its code: they are reported with what can be checked without it.
  if (loaded.problems?.length && loaded.namesPlugins && options.configCode !== false) throw new ConfigError(loaded.problems);
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
  const config = resolveConfig(raw, file, inputs, [...allRules, ...configurableDiagnostics], loaded);
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
  return { config, allRules, enabled, diagnosticLevels, ...(skipped && { skipped }) };
}

export interface OperandOptions {
  cwd: string;
  /** Where to say that an operand is skipped (an ignore glob matches it). */
  warn: (message: string) => void;
  maxFileSize?: number;
  stdinFilename?: string;
  /** Standard input, when it is not file descriptor 0 (a command run in-process). */
  stdin?: Uint8Array;
  /** Honour inline suppression comments (default true). */
  inlineSuppressions?: boolean;
  reportUnusedSuppressions?: boolean;
  onFile?: (done: number, total: number) => void;
  /** Fixes each file before its result is reported (src/app/fix.ts). */
  fixer?: RunSettings['fixer'];
  /** Keep each file's text for code frames (default true): false when no text report is written. */
  keepSource?: boolean;
  /**
   * Follow symbolic links named as operands, and those a walk finds that stay inside the folder
   * walked (default true); false follows none.
   */
  followSymlinks?: boolean;
  /** Files the run will write: one that is also an input is refused before anything is linted. */
  outputs?: ReadonlyArray<{ path: string; what: string }>;
  /** Told of every file an ignore glob of the configuration leaves out. */
  onIgnored?: (path: string) => void;
  /**
   * Skip XML files that are not CIBs even when they are named (pre-commit names every staged .xml
   * file); those a folder walk or glob finds are always skipped.
   */
  skipNonCib?: boolean;
}

/**
 * Expands operands (files, directories, globs, `-`), skipping the configuration's `ignore` globs,
 * and lints them with the prepared rules. An operand that matches nothing is an error on that
 * operand; every other file is still linted. Shared by the command and the GitHub Action.
 */
export function lintOperands(prepared: Prepared, operands: string[], options: OperandOptions): FileResult[] {
  const ignored = prepared.config.ignore.map((glob) => compileIgnoreGlob(glob, prepared.config.file));
  const isIgnored = (path: string): boolean => {
    const hit = ignored.some((pattern) => pattern.matches(path));
    if (hit) options.onIgnored?.(path);
    return hit;
  };
  const { inputs, missing, ignoredOperands, searched } = expandOperands(operands, options.cwd, isIgnored, {
    followSymlinks: options.followSymlinks !== false,
  });
  refuseOutputs(inputs, options.outputs ?? []);
  for (const operand of ignoredOperands) {
    options.warn(`${operand} is not linted: it matches an ignore glob of ${prepared.config.file ?? 'the configuration'}`);
  }
  const skipped = new Map<Input, string>();
  const results = lintInputs(inputs, { ...runSettings(prepared, options), onSkipped: (input, name) => skipped.set(input, name) });
  if (skipped.size > 0) {
    const names = [...skipped.values()];
    const shownNames = names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
    options.warn(`${plural(skipped.size, 'XML file')} skipped: ${skipped.size === 1 ? 'not a CIB' : 'not CIBs'} (${shownNames})`);
  }
  // A folder or glob that found no CIB is a mistake (a wrong path, files not yet written), not a pass.
  const empty = searched.filter((search) => search.ignored === 0 && search.inputs.every((input) => skipped.has(input)));
  return [
    ...missing.map((operand) => ({ filePath: operand, findings: [], errors: [`no such file, directory or matching glob: ${operand}`] })),
    ...empty.map((search) => ({
      filePath: search.operand,
      findings: [],
      errors: [
        search.inputs.length === 0
          ? 'no CIB files found: no *.xml file below it'
          : `no CIB files found: ${search.inputs.length === 1 ? 'its XML file is not a CIB' : `none of its ${search.inputs.length} XML files is a CIB`} (root element not <cib>)`,
      ],
    })),
    ...results,
  ];
}

function compileIgnoreGlob(glob: string, file: string | undefined): GlobMatcher {
  try {
    return compileGlob(glob);
  } catch (error) {
    if (error instanceof GlobError) throw new ConfigError(`${file ?? 'configuration'}: ignore: ${error.message}`);
    throw error;
  }
}

/** Refuses a run that would write a report or baseline over a file it lints (`--format json=cib.xml`). */
function refuseOutputs(inputs: Input[], outputs: ReadonlyArray<{ path: string; what: string }>): void {
  if (outputs.length === 0) return;
  const written = new Map(outputs.flatMap((output) => fileKeys(output.path).map((key) => [key, output] as const)));
  for (const input of inputs) {
    // A name that is not UTF-8 (bytes) cannot be among the outputs, which are named as text.
    if (input.kind !== 'file' || typeof input.absolute !== 'string') continue;
    const output = fileKeys(input.absolute)
      .map((key) => written.get(key))
      .find((each) => each !== undefined);
    if (output !== undefined) throw new ConfigError(`${output.what}: ${input.path} is one of the files being linted; write to another file`);
  }
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
    ...(options.stdin !== undefined && { stdin: options.stdin }),
    ...(options.followSymlinks === false && { followSymlinks: false }),
    postProcess: withDiagnosticLevels(
      postProcessFor(config, {
        inline: options.inlineSuppressions !== false && config.inlineSuppressions,
        reportUnused: options.reportUnusedSuppressions === true,
      }),
      prepared.diagnosticLevels,
    ),
    ...(options.onFile && { onFile: options.onFile }),
    ...(options.fixer && { fixer: options.fixer }),
    ...(options.keepSource === false && { keepSource: false }),
    skipNonCib: options.skipNonCib === true ? 'all' : 'found',
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

