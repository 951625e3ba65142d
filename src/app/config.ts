/**
 * Configuration: `.cib-lint.yaml|.yml|.json` found upward from the working directory (or
 * `--config`), validated against the JSON Schema shipped in `schema/`, merged with the command
 * line. Its problems are reported together, in one ConfigError, each naming the file, the line
 * and column, and the key path (exit code 2).
 */
import type { ValidateFunction } from 'ajv';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import configSchema from '../../schema/cib-lint.schema.json' with { type: 'json' };
import { readRegularFile } from '../document/inputs/file.js';
import { DEFAULT_MAX_FILE_SIZE } from '../document/inputs/limits.js';
import { LEVELS, type Level, type Rule, type Severity } from '../core/rule.js';
import { didYouMean } from '../core/similar.js';
import { describePath, inFileOrder, parseConfigText, schemaProblems, withoutProblems, type KeyPath, type Locate } from './config-problems.js';

export const CONFIG_FILE_NAMES = ['.cib-lint.yaml', '.cib-lint.yml', '.cib-lint.json'];

export class ConfigError extends Error {
  /** Each problem on a line of its own (a configuration file can have several). */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>];

export interface Policy {
  id: string;
  level?: Level;
  description?: string;
  select: string;
  assert: string;
  message: string;
  fix?: string;
}

export interface IdSuppression {
  rule: string;
  id: string;
  reason: string;
  expires?: string;
}

export interface RawConfig {
  extends?: 'recommended' | 'all';
  rules?: Record<string, RuleSetting>;
  pacemaker?: string;
  schemaDir?: string;
  ignore?: string[];
  inlineSuppressions?: boolean;
  suppressions?: IdSuppression[];
  plugins?: string[];
  policies?: Policy[];
}

/** The configuration in force, after defaults, the file and the command line. */
export interface EffectiveConfig {
  /** The file it came from, if any. */
  file: string | undefined;
  extends: 'recommended' | 'all';
  /** Every known rule id and its level (`off` included), with options where given. */
  rules: Record<string, { level: Severity; options?: Record<string, unknown> }>;
  pacemaker: string | undefined;
  schemaDir: string | undefined;
  /** Absolute globs. */
  ignore: string[];
  /** False when the configuration refuses inline suppression comments. */
  inlineSuppressions: boolean;
  suppressions: IdSuppression[];
  /** Absolute module paths. */
  plugins: string[];
  policies: Policy[];
}

let validator: ValidateFunction | undefined;

export interface ConfigFile {
  /** The file's settings, less those with schema problems (the rest can still be checked). */
  raw: RawConfig;
  /** Schema problems, located and worded: reported with those found later (unknown rule ids). */
  problems: string[];
  locate: Locate;
  /** The file names plugins: with problems, none of its code is loaded to check the rest. */
  namesPlugins: boolean;
}

/**
 * yaml and ajv are CommonJS packages. Node's import() gives a CommonJS module's exports both as
 * named exports and as `default`; a chunk of the split command-line bundle (scripts/build.mjs)
 * gives them as `default` only. `default` is the same object either way.
 */
function commonJs<T extends object>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/**
 * Parses and validates a configuration file. Async because yaml and ajv are loaded only when a
 * configuration file is read: a run without one never needs them.
 */
export async function readConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    // Bounded like a CIB: in CI the file is the pull request's, and may be a link to /dev/zero.
    text = readRegularFile(path, DEFAULT_MAX_FILE_SIZE).toString('utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read configuration: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // Outside the try below: failing to load the parsers is not the file's fault.
  const [yaml, { Ajv }] = await Promise.all([import('yaml').then(commonJs), import('ajv').then(commonJs)]);
  const parsed = parseConfigText(path, text, yaml);
  if (parsed.syntaxErrors.length > 0) throw new ConfigError(parsed.syntaxErrors);
  const data = parsed.data ?? {};
  // verbose: the errors carry the value and the schema they failed, for the hints.
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(configSchema);
  if (validator(data)) return { raw: data as RawConfig, problems: [], locate: parsed.locate, namesPlugins: false };
  const problems = schemaProblems(validator.errors ?? [], parsed.sourceOf);
  return {
    raw: withoutProblems(data, problems) as RawConfig,
    problems: inFileOrder(problems.map(({ path: keyPath, part, message }) => `${parsed.locate(keyPath, part)}: ${describePath(keyPath)}: ${message}`)),
    locate: parsed.locate,
    namesPlugins: typeof data === 'object' && data !== null && 'plugins' in data,
  };
}

/**
 * The nearest configuration file in `cwd` or a folder above it, up to the repository root (the
 * folder holding `.git`), `stopAt`, or the last folder on `cwd`'s file system, whichever comes
 * first: a file above the checkout (another user's, a shared runner's) must not configure it.
 */
export function findConfigFile(cwd: string, stopAt?: string): string | undefined {
  const start = resolve(cwd);
  const device = statSync(start, { throwIfNoEntry: false })?.dev;
  const boundary = stopAt === undefined ? undefined : resolve(stopAt);
  for (let dir = start; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === boundary || existsSync(join(dir, '.git'))) return undefined;
    if (device !== undefined && statSync(parent, { throwIfNoEntry: false })?.dev !== device) return undefined;
  }
}

function normaliseSetting(setting: RuleSetting): { level: Severity; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { level: setting };
  return setting[1] ? { level: setting[0], options: setting[1] } : { level: setting[0] };
}

/** `--rule id=level` flags. */
export function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    // Plugin rule ids may be namespaced: "acme/image-pinned".
    const match = /^([A-Za-z0-9_/-]+)=(off|note|warning|error)$/.exec(flag.trim());
    if (!match) throw new ConfigError(`--rule ${flag}: expected ID=off|note|warning|error`);
    rules[match[1]!] = match[2] as Severity;
  }
  return rules;
}

export interface ConfigInputs {
  cwd: string;
  /** `--config FILE`. */
  configPath?: string;
  /** `--no-config`: ignore configuration files. */
  noConfig?: boolean;
  /** `--rule` flags, already parsed. */
  ruleFlags?: Record<string, RuleSetting>;
  /** `--plugin` flags. */
  plugins?: string[];
  /** `--schema-dir`, `--pacemaker`. */
  schemaDir?: string;
  pacemaker?: string;
  /** Where the search for a configuration file stops at the latest (the Action's workspace). */
  searchBoundary?: string;
}

/** Plugin modules to load, absolute: the configuration's (relative to its file), then `--plugin`'s. */
export function pluginPaths(raw: RawConfig, file: string | undefined, inputs: Pick<ConfigInputs, 'cwd' | 'plugins'>): string[] {
  const base = file ? dirname(file) : inputs.cwd;
  return [...(raw.plugins ?? []).map((path) => resolve(base, path)), ...(inputs.plugins ?? []).map((path) => resolve(inputs.cwd, path))];
}

/** Async only because reading a file loads yaml and ajv on demand (readConfigFile). */
export async function loadConfig(inputs: ConfigInputs): Promise<{ raw: RawConfig; file: string | undefined } & Partial<Omit<ConfigFile, 'raw'>>> {
  if (inputs.noConfig) return { raw: {}, file: undefined };
  const file = inputs.configPath ? resolve(inputs.cwd, inputs.configPath) : findConfigFile(inputs.cwd, inputs.searchBoundary);
  if (!file) return { raw: {}, file: undefined };
  return { ...(await readConfigFile(file)), file };
}

/**
 * Merges defaults, the file and the command line, given every rule that exists (built-in,
 * plugins, policies). Unknown rule ids are configuration errors.
 */
/** The same pattern the configuration schema holds for `pacemaker`, for `--pacemaker`. */
const PACEMAKER_VERSION = new RegExp(configSchema.properties.pacemaker.pattern);

export function resolveConfig(
  raw: RawConfig,
  file: string | undefined,
  inputs: ConfigInputs,
  rules: readonly Rule[],
  /** Where the file's keys are, and the problems already found in it (schema problems). */
  found: { locate?: Locate; problems?: readonly string[] } = {},
): EffectiveConfig {
  const problems = [...(found.problems ?? [])];
  // In the file: `file:line:column: key.path`; on the command line: `command line: rules.id`.
  const where = (origin: string, path: KeyPath, part?: 'key' | 'value', shown: KeyPath = path) =>
    `${origin === file && found.locate ? found.locate(path, part) : origin}: ${describePath(shown)}`;
  if (inputs.pacemaker !== undefined && !PACEMAKER_VERSION.test(inputs.pacemaker)) {
    problems.push(`--pacemaker must be a version like 2.1 or 3.0, not "${inputs.pacemaker}"`);
  }
  const base = file ? dirname(file) : inputs.cwd;
  const preset = raw.extends ?? 'recommended';
  const known = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const effective: EffectiveConfig['rules'] = {};
  for (const rule of rules) {
    const enabled = preset === 'all' || rule.meta.recommended !== false;
    effective[rule.meta.id] = { level: enabled ? rule.meta.level : 'off' };
  }
  const ids = [...known.keys()];
  const apply = (settings: Record<string, RuleSetting>, origin: string): void => {
    for (const [id, setting] of Object.entries(settings)) {
      if (!known.has(id)) {
        problems.push(`${where(origin, ['rules', id])}: unknown rule id${didYouMean(id, ids) || ' (see `cib-lint rules`)'}`);
        continue;
      }
      const normalised = normaliseSetting(setting);
      const accepted = known.get(id)!.meta.options ?? [];
      const unknown = Object.keys(normalised.options ?? {}).filter((name) => !accepted.includes(name));
      if (unknown.length > 0) {
        const takes = accepted.length > 0 ? `it takes ${accepted.join(', ')}` : 'it takes no options';
        const hint = unknown.length === 1 ? didYouMean(unknown[0]!, accepted) : '';
        problems.push(`${where(origin, ['rules', id, 1, unknown[0]!], 'key', ['rules', id])}: unknown option ${unknown.join(', ')} (${takes})${hint}`);
        continue;
      }
      if (normalised.level !== 'off' && !LEVELS.includes(normalised.level)) {
        problems.push(`${where(origin, ['rules', id], 'value')}: level must be off, note, warning or error`);
        continue;
      }
      effective[id] = normalised;
    }
  };
  apply(raw.rules ?? {}, file ?? 'configuration');
  apply(inputs.ruleFlags ?? {}, 'command line');
  for (const [index, suppression] of (raw.suppressions ?? []).entries()) {
    if (!known.has(suppression.rule)) {
      problems.push(`${where(file ?? 'configuration', ['suppressions', index, 'rule'], 'value')}: unknown rule id "${suppression.rule}"${didYouMean(suppression.rule, ids)}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(inFileOrder(problems));
  return {
    file,
    extends: preset,
    rules: effective,
    pacemaker: inputs.pacemaker ?? raw.pacemaker,
    schemaDir: inputs.schemaDir ? resolve(inputs.cwd, inputs.schemaDir) : raw.schemaDir ? resolve(base, raw.schemaDir) : undefined,
    ignore: (raw.ignore ?? []).map((glob) => (glob.startsWith('/') ? glob : join(base, glob))),
    inlineSuppressions: raw.inlineSuppressions !== false,
    suppressions: raw.suppressions ?? [],
    plugins: pluginPaths(raw, file, inputs),
    policies: raw.policies ?? [],
  };
}
