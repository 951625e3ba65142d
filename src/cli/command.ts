/**
 * The `cib-lint` command, run against injected standard streams, working directory and
 * environment (CommandIO), so that tests run it in-process; src/cli/bin.ts wires it to the
 * process. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (or more warnings
 * than --max-warnings), 2 usage, configuration, I/O or internal errors.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCommandLine, helpText, UsageError, type CommandSpec, type OptionSpec, type Program, type Values } from './args.js';
import { ConfigError } from '../app/config.js';
import { DEFAULT_MAX_FILE_SIZE } from '../app/lint-files.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, exitCodeFor, failureReason, lintOperands, prepareRun, runSettings, type OperandOptions } from '../app/run.js';
import { TOOL_VERSION } from '../core/meta.js';
import type { LintReport } from '../output/report.js';
import { FORMAT_IDS, isFormatId, loadFormatter, type FormatId } from '../output/index.js';
import type { Level } from '../core/rule.js';
import { applyBaselineOptions, writeBaseline } from '../core/baseline.js';
import { fileKeys, writeFileAtomic } from '../app/write-file.js';
import { timed } from '../core/timing.js';
import { compareText } from '../core/order.js';
import { didYouMean } from '../core/similar.js';
import { visible } from '../output/escape.js';
import { blocks, writeOutputTo } from '../output/chunks.js';
import type { FormatOutput } from '../output/formatter.js';
import { repositoryRoot } from '../app/repository.js';

/** What the command reads and writes besides files: the process's, or a test's. */
export interface CommandIO {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Standard input's bytes when they do not come from file descriptor 0. */
  stdin?: Uint8Array;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface OutputRequest {
  format: FormatId;
  /** A file to write to; standard output when undefined. */
  destination: string | undefined;
}

export function parseFormats(values: string[]): OutputRequest[] {
  const requests = (values.length > 0 ? values : ['text']).map((value) => {
    const [format = '', ...rest] = value.split('=');
    if (!isFormatId(format)) {
      throw new UsageError(`--format ${value}: expected one of ${FORMAT_IDS.join(', ')}, optionally =FILE${didYouMean(format, FORMAT_IDS)}`);
    }
    const destination = rest.length > 0 ? rest.join('=') : undefined;
    if (destination === '') throw new UsageError(`--format ${value}: missing file name after "="`);
    return { format, destination };
  });
  if (requests.filter((request) => request.destination === undefined).length > 1) {
    throw new UsageError('only one --format may write to standard output; give the others a file: --format sarif=out.sarif');
  }
  return requests;
}

function colorEnabled(flag: boolean | undefined, io: CommandIO): boolean {
  if (flag !== undefined) return flag;
  if ('NO_COLOR' in io.env && io.env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in io.env) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.stdout.isTTY === true;
}

async function commandLint(values: Values, io: CommandIO): Promise<number> {
  const { cwd } = io;
  const fixMode = fixModeOf(values);
  const requests = fixMode === 'dry-run' ? parseDryRunFormats((values.format as string[] | undefined) ?? []) : parseFormats((values.format as string[] | undefined) ?? []);
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
    io.stdout.write(`${JSON.stringify(prepared.config, null, 2)}\n`);
    return EXIT_OK;
  }
  const operands = values.files as string[];
  if (operands.length === 0) throw new UsageError('no files given: cib-lint FILE... (a file, a directory, a glob, or - for standard input)');
  // `cib-lint rule` or `cib-lint explian x` reads as a file that is not there: name the command meant.
  const [first] = operands;
  if (first !== undefined && /^[a-z-]+$/.test(first) && !existsSync(resolve(cwd, first))) {
    const hint = didYouMean(first, PROGRAM.commands.flatMap((command) => (command.name === undefined ? [] : [command.name])));
    if (hint) throw new UsageError(`${first}: no such file, directory or command${hint}`);
  }
  const maxWarnings = wholeNumberOption(values.maxWarnings, '--max-warnings', 0);
  const maxFileSize = wholeNumberOption(values.maxFileSize, '--max-file-size', 1);
  const formatters = new Map(await Promise.all(requests.map(async ({ format }) => [format, await loadFormatter(format)] as const)));
  const outputs = outputFiles(values, requests, cwd);
  // The fixer (and the diff library it prints with) is loaded only for --fix and --fix-dry-run.
  const fixes = fixMode === undefined ? undefined : await import('../app/fix.js');
  const fixing = fixes && new fixes.FixSession({ report: fixMode === 'dry-run' ? 'original' : 'fixed', ...fixRules(values, prepared.allRules) });
  const operandOptions: OperandOptions = {
    cwd,
    ...(fixing && { fixer: fixing.fixer }),
    warn: (message) => io.stderr.write(`cib-lint: ${visible(message)}\n`),
    ...(io.stdin !== undefined && { stdin: io.stdin }),
    ...(maxFileSize !== undefined && { maxFileSize }),
    ...(values.stdinFilename !== undefined && { stdinFilename: String(values.stdinFilename) }),
    inlineSuppressions: values.inlineSuppressions !== false,
    followSymlinks: values.followSymlinks !== false,
    outputs,
    reportUnusedSuppressions: values.reportUnusedSuppressions === true,
    skipNonCib: values.skipNonCib === true,
    // Only formats with code frames need a file's text once it is linted.
    keepSource: [...formatters.values()].some((formatter) => formatter.needsSource),
    // Progress only for people watching a terminal, and only when there is something to wait for.
    onFile: (done, total) => {
      if (io.stderr.isTTY === true && total >= 50) io.stderr.write(`\rcib-lint: ${done}/${total} files${done === total ? '\n' : ''}`);
    },
  };
  const files = timed('stage: expanding operands, linting', () => lintOperands(prepared, operands, operandOptions));
  const filtered = await applyBaselineOptions(files, {
    cwd,
    ...(values.baseline !== undefined && { baseline: String(values.baseline) }),
    ...(values.diffAgainst !== undefined && { diffAgainst: String(values.diffAgainst) }),
    settings: runSettings(prepared, { ...operandOptions, onFile: undefined, fixer: undefined }),
  });
  // The exit code counts every finding; --quiet only changes what is shown.
  let exitCode = exitCodeFor(filtered, values.failOn as Level | 'none', maxWarnings);
  if (fixes && fixing && !fixes.finishFixing(fixing, fixMode === 'dry-run', cwd, io.stdout, io.stderr)) exitCode = EXIT_ERROR;
  const shown = values.quiet
    ? filtered.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.level === 'error') }))
    : filtered;
  const repository = repositoryRoot(cwd, io.env);
  const report: LintReport = {
    files: shown,
    rules: prepared.enabled.map(({ rule }) => rule.meta).sort((a, b) => compareText(a.id, b.id)),
    root: cwd,
    // SARIF paths are relative to the repository's root, wherever in it the command runs.
    ...(repository !== undefined && repository !== cwd && { repositoryRoot: repository }),
  };
  const color = colorEnabled(values.color as boolean | undefined, io);
  for (const request of requests) {
    // Colour only on the terminal: a file gets plain text.
    const context = {
      color: color && request.destination === undefined,
      showSuppressed: values.showSuppressed === true,
      sarifSuppressed: values.sarifSuppressed === true,
      failOn: values.failOn as Level | 'none',
      notice: (message: string) => io.stderr.write(`cib-lint: ${visible(message)}\n`),
    };
    // A format may hand its output over in pieces, made as they are written.
    timed('stage: formatting the report', () => {
      const output = formatters.get(request.format)!.format(report, context);
      if (request.destination === undefined) for (const block of blocks(output)) io.stdout.write(block);
      else writeOutput(resolve(cwd, request.destination), output, `--format ${request.format}=${request.destination}`, values.followSymlinks !== false);
    });
  }
  for (const file of filtered) {
    for (const error of file.errors) io.stderr.write(`cib-lint: ${visible(`${file.filePath}: ${error}`)}\n`);
  }
  // The summary line shows the findings, not always why they fail the run: --quiet hides the
  // warnings that did, and neither ⚠ nor a limit on warnings reads as a failure.
  if (exitCode === EXIT_FINDINGS && (values.quiet === true || values.failOn !== 'error' || maxWarnings !== undefined)) {
    const reason = failureReason(filtered, values.failOn as Level | 'none', maxWarnings);
    io.stderr.write(`cib-lint: exit code 1: ${reason}${values.quiet === true ? ' (--quiet shows errors only)' : ''}\n`);
  }
  // Written last, so a baseline that cannot be written never costs the report itself.
  if (values.writeBaseline !== undefined) {
    const wrote = writeBaseline(files, cwd, String(values.writeBaseline), { followSymlinks: values.followSymlinks !== false });
    io.stderr.write(`cib-lint: ${visible(wrote)}\n`);
  }
  return exitCode;
}

function fixModeOf(values: Values): 'fix' | 'dry-run' | undefined {
  if (values.fix === true && values.fixDryRun === true) throw new UsageError('--fix writes the files, --fix-dry-run writes nothing: give one of them');
  const mode = values.fix === true ? 'fix' : values.fixDryRun === true ? 'dry-run' : undefined;
  if (mode === undefined && values.fixRule !== undefined) throw new UsageError('--fix-rule limits --fix or --fix-dry-run: give one of them too');
  return mode;
}

/** `--fix-dry-run` prints the diff on standard output: reports go to files, and none by default. */
function parseDryRunFormats(values: string[]): OutputRequest[] {
  const requests = values.length === 0 ? [] : parseFormats(values);
  const toStdout = requests.find((request) => request.destination === undefined);
  if (toStdout) throw new UsageError(`--fix-dry-run prints the diff on standard output: write --format ${toStdout.format} to a file (--format ${toStdout.format}=FILE)`);
  return requests;
}

function fixRules(values: Values, rules: readonly { meta: { id: string } }[]): { rules?: ReadonlySet<string> } {
  const ids = values.fixRule as string[] | undefined;
  if (ids === undefined) return {};
  const known = rules.map((rule) => rule.meta.id);
  for (const id of ids) if (!known.includes(id)) throw new UsageError(`--fix-rule ${id}: unknown rule${didYouMean(id, known)}`);
  return { rules: new Set(ids) };
}

/** Writes an output file; a failure is a one-line error naming it (exit code 2). */
function writeOutput(target: string, content: FormatOutput, what: string, followSymlinks: boolean): void {
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(target, (fd) => writeOutputTo(fd, content), { followSymlinks });
  } catch (error) {
    // Only a failure of the file system is the user's to fix; one in making the report is ours.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new UsageError(`${what}: cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * The files the run writes, checked before anything is linted: two outputs naming one file would
 * keep only the last, and one naming a file the run reads would replace it with a report.
 * Linted files are checked when the operands are expanded (lintOperands).
 */
function outputFiles(values: Values, requests: OutputRequest[], cwd: string): Array<{ path: string; what: string }> {
  const outputs = requests.flatMap(({ format, destination }) =>
    destination === undefined ? [] : [{ path: resolve(cwd, destination), what: `--format ${format}=${destination}` }],
  );
  const baselineOut = values.writeBaseline === undefined ? undefined : { path: resolve(cwd, String(values.writeBaseline)), what: `--write-baseline ${String(values.writeBaseline)}` };
  if (baselineOut !== undefined) outputs.push(baselineOut);
  const claimed = new Map<string, number>();
  outputs.forEach((output, index) => {
    for (const key of fileKeys(output.path)) {
      const other = claimed.get(key);
      if (other !== undefined && other !== index) throw new UsageError(`${outputs[other]!.what} and ${output.what} name the same file: give each its own`);
      claimed.set(key, index);
    }
  });
  // Updating a baseline in place (--baseline B --write-baseline B) is what baselines are for.
  for (const [flag, value] of [['--baseline', values.baseline], ['--diff-against', values.diffAgainst]] as const) {
    if (value === undefined) continue;
    const keys = new Set(fileKeys(resolve(cwd, String(value))));
    const output = outputs.find((each) => !(flag === '--baseline' && each === baselineOut) && fileKeys(each.path).some((key) => keys.has(key)));
    if (output !== undefined) throw new UsageError(`${output.what} would overwrite ${flag} ${String(value)}, which this run reads: write to another file`);
  }
  return outputs;
}

/** A numeric option that must be a whole number of at least `minimum`; undefined when not given. */
function wholeNumberOption(value: unknown, flag: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new UsageError(`${flag} must be a whole number of at least ${minimum}${Number.isNaN(value) ? '' : `, not ${String(value)}`}`);
  }
  return value;
}

const LINT: CommandSpec = {
  summary: 'lint CIB files',
  description: 'Lint Pacemaker CIB files: files, directories (every *.xml below), globs, or - for standard input.',
  operand: { name: 'files', description: 'files, directories, globs, or - for stdin', repeatable: true },
  options: {
    format: { type: 'string', short: 'f', multiple: true, description: `${FORMAT_IDS.join(' | ')}, optionally =FILE; repeatable` },
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
    'follow-symlinks': {
      type: 'boolean',
      default: true,
      description: 'follow symbolic links named as files, and those found in folders and globs that stay inside the folder (--no-follow-symlinks follows none)',
    },
    'inline-suppressions': { type: 'boolean', default: true, description: 'honour cib-lint-disable comments (--no-inline-suppressions ignores them)' },
    'report-unused-suppressions': { type: 'boolean', description: 'report suppressions that suppress nothing' },
    'show-suppressed': { type: 'boolean', description: 'show suppressed findings in text output' },
    'sarif-suppressed': { type: 'boolean', description: 'keep suppressed findings in SARIF (code scanning shows them as open alerts, so they are left out by default)' },
    baseline: { type: 'string', description: 'report only findings not recorded in this baseline file' },
    'write-baseline': { type: 'string', description: 'record the current findings in this baseline file' },
    'diff-against': { type: 'string', description: 'report only findings the CIB adds relative to this older CIB' },
    'skip-non-cib': {
      type: 'boolean',
      description: 'skip XML files that are not CIBs (root element not <cib>) even when named, as pre-commit names every staged .xml file; folders and globs always skip them',
    },
    fix: { type: 'boolean', description: 'apply the safe fixes to the files (docs/fixes.md), then report what is left' },
    'fix-dry-run': { type: 'boolean', description: 'print the diff --fix would apply; write nothing' },
    'fix-rule': { type: 'string', multiple: true, description: "apply only this rule's fixes; repeatable" },
  },
  run: commandLint,
};

/** The configuration options `rules` and `explain` take, as `lint` does, to find its plugins and policies. */
const CONFIG_OPTIONS: Record<string, OptionSpec> = {
  config: { type: 'string', short: 'c', negatable: true, description: 'configuration file whose plugins and policies to include (default: found upward); --no-config: built-in rules only' },
  plugin: { type: 'string', multiple: true, description: 'module with custom rules; repeatable' },
};

/**
 * The command line: each command's table drives both parsing and `--help`. `rules` and `explain`
 * are imported when run: a lint does not load them, nor the rules' documentation they carry.
 */
export const PROGRAM: Program = {
  name: 'cib-lint',
  commands: [
    LINT,
    {
      name: 'rules',
      summary: 'list the rules',
      options: { format: { type: 'string', short: 'f', choices: ['text', 'json'], default: 'text', description: 'output format' }, ...CONFIG_OPTIONS },
      run: async (values, io) => (await import('./rules-command.js')).commandRules(values, io),
    },
    {
      name: 'explain',
      summary: "print a rule's documentation",
      operand: { name: 'id', description: 'a rule id, as `cib-lint rules` lists them', required: true },
      options: CONFIG_OPTIONS,
      run: async (values, io) => (await import('./rules-command.js')).commandExplain(values, io),
    },
  ],
};

/** Runs the command line `argv` (without node and the script) against `io`; returns the exit code. */
export async function runCommand(argv: string[], io: CommandIO): Promise<number> {
  try {
    const invocation = parseCommandLine(argv, PROGRAM);
    switch (invocation.kind) {
      case 'help':
        // A terminal that reports no size (0 columns, e.g. under script(1)) gets the width of a pipe.
        io.stdout.write(helpText(PROGRAM, invocation.command, Math.min(110, io.stdout.columns || 100)));
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${TOOL_VERSION}\n`);
        return EXIT_OK;
      case 'run':
        return await invocation.command.run(invocation.values, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      // Messages name files and quote values: shown with their control characters escaped, a
      // configuration's problems one per line.
      for (const problem of error instanceof ConfigError ? error.problems : [error.message]) io.stderr.write(`cib-lint: ${visible(problem)}\n`);
    } else {
      // The stack's frames only: its first line repeats the message, unescaped.
      const stack = (error as Error).stack ?? '';
      const frames = stack.includes('\n    at ') ? stack.slice(stack.indexOf('\n    at ') + 1) : '';
      io.stderr.write(`cib-lint: internal error: ${visible((error as Error).message)}\n${frames}\n`);
    }
    return EXIT_ERROR;
  }
}
