// Shared test helpers: running the built command and the Action bundle, validating SARIF like GitHub would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';

export const ROOT = new URL('..', import.meta.url).pathname;
export const BIN = `${ROOT}bin/cib-lint.js`;
export const ACTION = `${ROOT}dist/index.js`;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  // Node.js 22 and later warn on stderr when NO_COLOR and FORCE_COLOR are both set (even to ''):
  // FORCE_COLOR is left out unless the test sets it.
  if (options.env?.FORCE_COLOR === undefined) delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same as runCli, in this process: the command with injected streams, working directory and
 * environment (src/cli/command.ts). Faster, and it tests the Command itself rather than the bin.
 */
export async function runInProcess(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliResult> {
  const { runCommand } = await import('../src/cli/command.js');
  let stdout = '';
  let stderr = '';
  const status = await runCommand(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...(options.input !== undefined && { stdin: Buffer.from(options.input) }),
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
  });
  return { status, stdout, stderr };
}

const actionInputs = (parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;

export interface ActionResult extends CliResult {
  signal: NodeJS.Signals | null;
  /** Set when the run could not start or was killed at the timeout. */
  error?: Error;
  /** The text of the file GITHUB_OUTPUT names ('' where a test pointed it at a path that cannot exist). */
  output: string;
  /** The text of the file GITHUB_STEP_SUMMARY names, likewise. */
  summary: string;
}

/**
 * dist/index.js (or `options.script`) as the runner starts it: every input of action.yml as INPUT_*,
 * `inputs` over the defaults, the GITHUB_* files in `workspace`, cwd = workspace. `options.env` goes
 * over the runner's variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY included.
 */
export function runAction(
  workspace: string,
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; script?: string; timeout?: number } = {},
): ActionResult {
  // A misspelt input would otherwise just be left at its default, and the test pass for the wrong reason.
  for (const name of Object.keys(inputs)) expect(actionInputs, `input ${name} is not in action.yml`).toHaveProperty(name);
  // The runner creates both files before the step starts.
  const output = join(workspace, '.github-output');
  const summary = join(workspace, '.github-summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    ...options.env,
  };
  // The runner's names: spaces become '_', then upper case.
  for (const [name, input] of Object.entries(actionInputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? input.default ?? '';
  const result = spawnSync(process.execPath, [options.script ?? ACTION], { cwd: workspace, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: options.timeout });
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return {
    status: result.status,
    signal: result.signal,
    error: result.error,
    stdout: result.stdout,
    stderr: result.stderr,
    output: read(env.GITHUB_OUTPUT!),
    summary: read(env.GITHUB_STEP_SUMMARY!),
  };
}

const require = createRequire(import.meta.url);
// A CommonJS package whose types describe `exports.default`; require() gives the class itself.
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
let validate: Validator | undefined;

/** Validates against the official SARIF 2.1.0 JSON schema shipped by @microsoft/jest-sarif. */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!validate) {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    // The SARIF schema's `uri` and `date-time` formats are checked, not ignored with a warning.
    addFormats(ajv);
    validate = ajv.compile(schema) as Validator;
  }
  const check = validate;
  return check(log) ? [] : ((check.errors as unknown[]) ?? ['invalid']);
}

/** The GitHub code scanning requirements that the schema alone does not express. */
export function githubSarifProblems(log: Log): string[] {
  const problems: string[] = [];
  if (log.version !== '2.1.0') problems.push('version must be 2.1.0');
  if (!log.$schema) problems.push('$schema missing');
  for (const run of log.runs) {
    const driver = run.tool.driver;
    if (!driver.name || !driver.semanticVersion || !driver.informationUri) problems.push('driver name/semanticVersion/informationUri missing');
    const rules = driver.rules ?? [];
    for (const rule of rules) {
      if (!rule.id || !rule.name) problems.push(`rule without id/name`);
      for (const text of [rule.shortDescription?.text, rule.fullDescription?.text]) {
        if (!text || text.length > 1024) problems.push(`${rule.id}: short/full description missing or over 1024 characters`);
      }
      if (!rule.help?.text || !rule.help.markdown) problems.push(`${rule.id}: help.text/markdown missing`);
      if (rule.helpUri && !rule.help?.markdown?.includes(rule.helpUri)) problems.push(`${rule.id}: docs link missing from help.markdown`);
      if (!rule.defaultConfiguration?.level) problems.push(`${rule.id}: defaultConfiguration.level missing`);
      const properties = rule.properties ?? {};
      if (!Array.isArray(properties.tags) || !properties.precision || !properties['problem.severity']) {
        problems.push(`${rule.id}: tags/precision/problem.severity missing`);
      }
      if ('security-severity' in properties) problems.push(`${rule.id}: security-severity set on a non-security rule`);
    }
    const baseIds = Object.keys(run.originalUriBaseIds ?? {});
    for (const result of run.results ?? []) {
      if (result.ruleIndex === undefined || rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${result.ruleId}: ruleIndex does not match rules[]`);
      if (!result.message.text) problems.push(`${result.ruleId}: empty message`);
      if (result.locations?.length !== 1) problems.push(`${result.ruleId}: needs exactly one location`);
      const physical = result.locations?.[0]?.physicalLocation;
      const artifact = physical?.artifactLocation;
      if (artifact?.uriBaseId && !baseIds.includes(artifact.uriBaseId)) problems.push(`${result.ruleId}: undeclared uriBaseId`);
      if (artifact?.uri?.startsWith('/')) problems.push(`${result.ruleId}: absolute uri without scheme`);
      const region = physical?.region;
      if (!region?.startLine || region.startLine < 1 || (region.startColumn ?? 1) < 1) problems.push(`${result.ruleId}: bad region`);
      if (result.partialFingerprints?.primaryLocationLineHash) problems.push('primaryLocationLineHash must be left to upload-sarif');
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) problems.push(`${result.ruleId}: no fingerprint`);
    }
    if ((run.results ?? []).length > 25000) problems.push('over 25,000 results');
  }
  return problems;
}

/** Writes each file (a path relative to `dir`, and its content) below `dir`, making its folders; returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** clean.xml with `count` bundles that each have a resource but no network: `count` errors of one rule. */
export function cibWithBundleErrors(count: number): string {
  let bundles = '';
  for (let i = 1; i <= count; i++) {
    bundles +=
      `      <bundle id="app${i}-bundle">\n        <podman image="localhost/app:${i}" replicas="1"/>\n` +
      `        <primitive id="app${i}" class="ocf" provider="heartbeat" type="apache">\n` +
      `          <operations>\n            <op id="app${i}-monitor" name="monitor" interval="60s" timeout="20s"/>\n          </operations>\n` +
      `        </primitive>\n      </bundle>\n`;
  }
  return readFileSync(join(ROOT, 'fixtures/examples/clean.xml'), 'utf8').replace('    </resources>', `${bundles}    </resources>`);
}
