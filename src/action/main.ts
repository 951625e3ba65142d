/**
 * The GitHub Action (bundled into dist/index.js, see action.yml). It runs the same configuration,
 * rules, suppressions and baseline as the `cib-lint` command, then reports the way GitHub reads
 * it: annotations (workflow commands), a job summary, a SARIF file for code scanning, and outputs.
 *
 * Exit codes: 0 the step passes; 1 findings at or above `fail-on` (or more warnings than
 * `max-warnings`), exactly when the command would exit 1; 2 input, configuration or I/O errors
 * (bad input value, invalid config, a file or glob that matches nothing), as the command does.
 * Any non-zero exit fails the step, and a one-line `::error::` says why.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderSummary } from './summary.js';
import { fixDiff, FixSession } from '../app/fix.js';
import { applyBaselineOptions } from '../core/baseline.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, exitCodeFor, failureReason, lintOperands, prepareRun, type Prepared } from '../app/run.js';
import { ConfigError } from '../app/config.js';
import type { FileResult } from '../core/linter.js';
import { escapeData, escapeInputData, formatGithub } from '../output/github.js';
import { SARIF_RESULT_LIMIT, sarifOutput } from '../output/sarif.js';
import { installSchemas, oneSchemaNotice } from './schemas.js';
import { repositoryRoot } from '../app/repository.js';
import { blocks, writeOutputTo } from '../output/chunks.js';
import { visible } from '../output/escape.js';
import { writeFileAtomic } from '../app/write-file.js';
import { textOutput } from '../output/text.js';
import { countFindings, plural, relativeInside, summaryLine, type LintReport } from '../output/report.js';
import { levelRank, type Level } from '../core/rule.js';
import { compareText } from '../core/order.js';

/** A bad input value: fails the step with exit code 2, like a usage error of the command. */
class InputError extends Error {}

type Env = NodeJS.ProcessEnv;

/** An input as the runner passes it: `INPUT_` + the name upper-cased, spaces as `_` (hyphens kept). */
export function getInput(name: string, env: Env = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A boolean input, read like @actions/core's getBooleanInput (YAML 1.2 core schema). */
function getBooleanInput(name: string, fallback: boolean, env: Env = process.env): boolean {
  const value = getInput(name, env);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false, not "${value}"`);
}

/** Writes an output to `$GITHUB_OUTPUT` with the heredoc syntax, safe for any value. */
export function setOutput(name: string, value: string, env: Env = process.env): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter) || name.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export function appendSummary(markdown: string, env: Env = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown);
  return true;
}

/** Runs a write to one of the runner's files; a failure is a `::warning::` line, and undefined. */
function attempt<T>(what: string, write: () => T): T | undefined {
  try {
    return write();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    process.stdout.write(`::warning title=cib-lint::${escapeData(`cib-lint: cannot write ${what}: ${reason}`)}\n`);
    return undefined;
  }
}

/** At most `limit` names, then how many more. */
function someOf(names: string[], limit = 10): string {
  return names.length <= limit ? names.join(', ') : `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

/**
 * What the configuration file changed that a reviewer of the pull request should see: code it
 * named and the Action did not load, files it kept out of the lint, rules it turned off or down.
 */
function configurationNotes(
  prepared: Prepared,
  configFile: string | undefined,
  ignoredFiles: string[],
  inlineSuppressions: boolean,
  show: (path: string) => string,
): string[] {
  const notes: string[] = [];
  if (!inlineSuppressions || !prepared.config.inlineSuppressions) {
    notes.push(`Inline suppression comments are not honoured (${inlineSuppressions ? `inlineSuppressions: false in ${configFile}` : 'input inline-suppressions: false'}).`);
  }
  if (configFile === undefined) return notes;
  const { skipped } = prepared;
  if (skipped) {
    const what = [
      skipped.plugins.length > 0 ? `${plural(skipped.plugins.length, 'plugin')} (${someOf(skipped.plugins.map(show))})` : '',
      skipped.policies.length > 0 ? `${skipped.policies.length} ${skipped.policies.length === 1 ? 'policy' : 'policies'} (${someOf(skipped.policies)})` : '',
    ].filter(Boolean);
    notes.push(
      `${configFile}: ${what.join(' and ')} skipped: the Action runs code from a configuration file only with allow-config-code: true.` +
        (skipped.ruleSettings.length > 0 ? ` Settings for their rules ignored: ${someOf(skipped.ruleSettings)}.` : ''),
    );
  }
  if (ignoredFiles.length > 0) {
    notes.push(`${configFile}: ${plural(ignoredFiles.length, 'file')} not linted, matched by its ignore globs: ${someOf(ignoredFiles)}.`);
  }
  const off: string[] = [];
  const lowered: string[] = [];
  for (const rule of prepared.allRules) {
    const { id, level, recommended } = rule.meta;
    const setting = prepared.config.rules[id]?.level;
    if (recommended === false || setting === undefined) continue;
    if (setting === 'off') off.push(id);
    else if (levelRank(setting) < levelRank(level)) lowered.push(`${id} (${level} to ${setting})`);
  }
  if (off.length > 0) notes.push(`${configFile}: turns off ${plural(off.length, 'rule')} that ${off.length === 1 ? 'is' : 'are'} on by default: ${someOf(off)}.`);
  if (lowered.length > 0) notes.push(`${configFile}: lowers the level of ${plural(lowered.length, 'rule')}: ${someOf(lowered)}.`);
  return notes;
}

/** `core.setFailed` without the dependency: one `::error::` line; the caller sets the exit code. */
function fail(message: string): void {
  process.stdout.write(`::error title=cib-lint::${escapeInputData(message)}\n`);
}

function parseFailOn(value: string): Level | 'none' {
  const choice = value === '' ? 'error' : value;
  if (choice === 'error' || choice === 'warning' || choice === 'note' || choice === 'none') return choice;
  throw new InputError(`input "fail-on" must be one of error, warning, note, none, not "${value}"`);
}

function parseMaxWarnings(value: string): number | undefined {
  if (value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw new InputError(`input "max-warnings" must be a whole number, not "${value}"`);
  return Number(value);
}

/** A path as GitHub shows it: relative to the workspace (the repository root) with `/`, or absolute outside it. */
function workspacePath(path: string, cwd: string, workspace: string): string {
  const absolute = resolve(cwd, path);
  return relativeInside(workspace, absolute) ?? absolute;
}


/** `{ repositoryRoot }` when the repository is a folder inside the workspace, else nothing. */
function repositoryBelow(workspace: string, repository: string | undefined): { repositoryRoot?: string } {
  return repository !== undefined && relativeInside(workspace, repository) !== undefined ? { repositoryRoot: repository } : {};
}

async function runAction(env: Env): Promise<number> {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workingDirectory = getInput('working-directory', env);
  const cwd = resolve(workspace, workingDirectory || '.');
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(`input "working-directory": no such directory: ${workingDirectory}`);
  }
  const operands = getInput('files', env)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (operands.length === 0) throw new InputError('input "files" is required: one path, directory or glob per line');
  if (operands.includes('-')) throw new InputError('input "files": "-" (standard input) is not available in the action; name the files');
  const failOn = parseFailOn(getInput('fail-on', env));
  const maxWarnings = parseMaxWarnings(getInput('max-warnings', env));
  const sarifFile = resolve(cwd, getInput('sarif-file', env) || 'cib-lint.sarif');
  const annotations = getBooleanInput('annotations', true, env);
  const jobSummary = getBooleanInput('job-summary', true, env);
  const config = getInput('config', env);
  const baseline = getInput('baseline', env);

  const allowConfigCode = getBooleanInput('allow-config-code', false, env);
  const inlineSuppressions = getBooleanInput('inline-suppressions', true, env);
  const sarifSuppressed = getBooleanInput('sarif-suppressed', false, env);
  const wantSchemas = getBooleanInput('install-schemas', false, env);

  // The checkout is the pull request's: a configuration file in it is the author's, so its code
  // (plugins, policies) runs only when the workflow says so, and the search never leaves the workspace.
  const prepared = await prepareRun({
    cwd,
    ...(config === 'none' ? { noConfig: true } : config !== '' && { config }),
    configCode: allowConfigCode,
    searchBoundary: workspace,
  });
  if (wantSchemas) {
    process.stdout.write("::group::cib-lint: installing Pacemaker's schemas (install-schemas: true)\n");
    const installed = installSchemas(prepared.config.schemaDir);
    process.stdout.write(`${installed.ok ? `${installed.message}\n` : ''}::endgroup::\n`);
    if (!installed.ok) process.stdout.write(`::warning title=cib-lint::${escapeData(`cib-lint: ${installed.message}`)}\n`);
  }
  const ignored = new Set<string>();
  // What `cib-lint --fix` would change, for the job summary: worked out in memory, nothing written.
  const fixing = new FixSession({ report: 'original' });
  const linted = lintOperands(prepared, operands, {
    cwd,
    fixer: fixing.fixer,
    warn: (message) => process.stderr.write(`cib-lint: ${visible(message)}\n`),
    // The checkout is the pull request's: a symbolic link in it could lead anywhere on the runner.
    followSymlinks: false,
    outputs: [{ path: sarifFile, what: 'input "sarif-file"' }],
    inlineSuppressions,
    onIgnored: (path) => ignored.add(workspacePath(path, cwd, workspace)),
  });
  const ignoredFiles = [...ignored];
  const configFile = prepared.config.file === undefined ? undefined : workspacePath(prepared.config.file, cwd, workspace);
  if (!allowConfigCode && configFile !== undefined && ignoredFiles.length > 0 && linted.length === 0) {
    throw new ConfigError(
      `${configFile}: its ignore globs exclude every file of input "files" (${plural(ignoredFiles.length, 'file')}), so nothing would be linted; ` +
        'the Action accepts that from a configuration file only with allow-config-code: true',
    );
  }
  const configNotes = configurationNotes(prepared, configFile, ignoredFiles, inlineSuppressions, (path) => workspacePath(path, cwd, workspace));
  for (const note of configNotes) process.stderr.write(`cib-lint: ${visible(note)}\n`);
  // Without schemas, one notice for the run rather than a note (an annotation, an alert) per file.
  const schemas = oneSchemaNotice(linted, prepared.config.schemaDir);
  if (schemas.notice !== undefined) process.stdout.write(`::notice title=cib-lint: schema validation skipped::${escapeData(schemas.notice)}\n`);
  const filtered = await applyBaselineOptions(schemas.files, {
    cwd,
    ...(baseline !== '' && { baseline }),
    settings: { rules: prepared.enabled },
  });
  const report: LintReport = {
    files: filtered.map((file) => ({ ...file, filePath: workspacePath(file.filePath, cwd, workspace) })),
    rules: prepared.enabled.map(({ rule }) => rule.meta).sort((a, b) => compareText(a.id, b.id)),
    root: workspace,
    // A checkout below the workspace (actions/checkout's path): code scanning reads paths from its root.
    ...repositoryBelow(workspace, repositoryRoot(cwd, env)),
  };
  const exitCode = exitCodeFor(filtered, failOn, maxWarnings);
  const counts = countFindings(filtered);
  const notLinted = filtered.filter((file) => file.errors.length > 0);
  const failure =
    exitCode === EXIT_ERROR
      ? `${plural(notLinted.length, 'file')} could not be linted (${report.files.find((file) => file.errors.length > 0)?.filePath}: ${notLinted[0]?.errors[0]})`
      : exitCode === EXIT_FINDINGS
        ? failureReason(filtered, failOn, maxWarnings)
        : undefined;

  // The human-readable output in a collapsed group; commands are off so CIB text cannot issue any.
  const token = `cib-lint-${randomUUID()}`;
  process.stdout.write(`::group::cib-lint: ${summaryLine(counts)}\n::stop-commands::${token}\n`);
  for (const block of blocks(textOutput(report, { color: false }))) process.stdout.write(block);
  process.stdout.write(`::${token}::\n::endgroup::\n`);

  mkdirSync(dirname(sarifFile), { recursive: true });
  // GitHub takes 25,000 results per run: a capped file says so on stderr and in the job summary.
  let sarifCapped: string | undefined;
  const sarif = sarifOutput(
    report,
    (note) => {
      sarifCapped = note;
      process.stderr.write(`cib-lint: ${note}\n`);
    },
    SARIF_RESULT_LIMIT,
    { suppressed: sarifSuppressed },
  );
  writeFileAtomic(sarifFile, (fd) => writeOutputTo(fd, sarif), { followSymlinks: false });

  // The runner's files may be unwritable (a full disk, a read-only mount): that costs the summary
  // or the outputs, never the annotations below.
  const summaryWritten =
    jobSummary &&
    attempt(`the job summary ($GITHUB_STEP_SUMMARY ${env.GITHUB_STEP_SUMMARY ?? ''})`, () =>
      appendSummary(
        renderSummary(report, {
          serverUrl: env.GITHUB_SERVER_URL,
          repository: env.GITHUB_REPOSITORY,
          sha: env.GITHUB_SHA,
          sarifFile: workspacePath(sarifFile, cwd, workspace),
          failure,
          configNotes: schemas.notice === undefined ? configNotes : [...configNotes, schemas.notice],
          fixes: {
            count: fixing.changed.reduce((sum, file) => sum + file.applied.length, 0),
            files: fixing.changed.length,
            diff: fixing.changed.map((file) => fixDiff({ ...file, filePath: workspacePath(file.filePath, cwd, workspace) })).join(''),
          },
          sarifCapped,
        }),
        env,
      ),
    ) === true;
  attempt(`the step outputs ($GITHUB_OUTPUT ${env.GITHUB_OUTPUT ?? ''})`, () => {
    setOutput('sarif-file', sarifFile, env);
    setOutput('error-count', String(counts.error), env);
    setOutput('warning-count', String(counts.warning), env);
    setOutput('note-count', String(counts.note), env);
  });

  // GitHub shows 10 `::error` lines per step: the annotations keep one for the failure line below.
  // Nothing between them may throw, or main() would print a second `::error`.
  if (annotations) {
    const summaryHint = summaryWritten ? 'the job summary' : `the SARIF file ${workspacePath(sarifFile, cwd, workspace)} or code scanning`;
    process.stdout.write(formatGithub(report, { summaryHint, reserveError: failure !== undefined }));
  }
  if (failure !== undefined) fail(`cib-lint: ${failure}`);
  return exitCode === EXIT_OK ? EXIT_OK : exitCode;
}

export async function main(env: Env = process.env): Promise<number> {
  try {
    return await runAction(env);
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) {
      fail(`cib-lint: ${error.message}`);
    } else {
      fail(`cib-lint: internal error: ${(error as Error).message}`);
      process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    }
    return EXIT_ERROR;
  }
}

process.exitCode = await main();
