// The GitHub Action: the bundled dist/index.js run as a subprocess the way the runner runs it
// (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE), and action.yml itself.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Log } from 'sarif';
import { renderSummary, SUMMARY_LIMIT } from '../src/action/summary.js';
import type { FileResult, Finding } from '../src/core/linter.js';
import { ACTION, type ActionResult, cibWithBundleErrors, githubSarifProblems, ROOT, runAction as runBundle, runCli, sarifSchemaErrors } from './helpers.js';

const CLEAN = join(ROOT, 'fixtures/examples/clean.xml');
const MIXED = join(ROOT, 'fixtures/bundle-resource-needs-ip-range-or-control-port/invalid.xml');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const RULE = 'bundle-resource-needs-ip-range-or-control-port';

interface ActionMetadata {
  name: string;
  description: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const metadata = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionMetadata;

interface ActionRun extends ActionResult {
  /** Workflow commands outside ::stop-commands:: blocks, as the runner sees them. */
  commands: string[];
  outputs: Record<string, string>;
}

/** A workspace (the checked-out repository) with a cluster/ folder. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cib-lint-action-'));
  mkdirSync(join(dir, 'cluster'));
  return dir;
}

/** Parses `$GITHUB_OUTPUT` written with the `name<<DELIMITER` syntax. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, i + 1);
    expect(end, `no closing delimiter for ${match[1]}`).toBeGreaterThan(i);
    outputs[match[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

function workflowCommands(stdout: string): string[] {
  const commands: string[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split('\n')) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1];
    else if (line.startsWith('::')) commands.push(line);
  }
  expect(stopToken, 'stop-commands block left open').toBeUndefined();
  return commands;
}

/** The shared runAction in a repository owner/repo at SHA (for the summary's links), its outputs and commands parsed. */
function runAction(dir: string, inputs: Record<string, string>, options: { script?: string; env?: Record<string, string> } = {}): ActionRun {
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'owner/repo', GITHUB_SHA: SHA, ...options.env };
  const run = runBundle(dir, inputs, { ...options, env });
  return { ...run, commands: workflowCommands(run.stdout), outputs: parseOutputs(run.output) };
}

function readSarif(path: string): Log {
  const log = JSON.parse(readFileSync(path, 'utf8')) as Log;
  expect(sarifSchemaErrors(log)).toEqual([]);
  expect(githubSarifProblems(log)).toEqual([]);
  return log;
}

describe('the action on a clean CIB', () => {
  it('passes, annotates nothing, writes zero counts, an empty SARIF run and a summary', () => {
    const dir = workspace();
    copyFileSync(CLEAN, join(dir, 'cluster/clean.xml'));
    // A copy of the bundle outside the repository, with no node_modules beside it: it is self-contained.
    const alone = mkdtempSync(join(tmpdir(), 'cib-lint-dist-'));
    copyFileSync(ACTION, join(alone, 'index.js'));
    const run = runAction(dir, { files: 'cluster/*.xml\n' }, { script: join(alone, 'index.js') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.commands.filter((command) => /^::(error|warning|notice)/.test(command))).toEqual([]);
    expect(run.commands[0]).toMatch(/^::group::cib-lint: 0 problems/);
    expect(run.outputs).toEqual({
      'sarif-file': join(dir, 'cib-lint.sarif'),
      'error-count': '0',
      'warning-count': '0',
      'note-count': '0',
    });
    const log = readSarif(run.outputs['sarif-file']!);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules!.length).toBeGreaterThan(10);
    expect(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(pathToFileURL(`${dir}/`).href);
    expect(run.summary).toContain('## cib-lint');
    expect(run.summary).toContain('**0 problems (0 errors, 0 warnings, 0 notes)** in 1 file.');
    expect(run.summary).toContain('✅ The step passes.');
    expect(run.summary).not.toContain('### Findings');
  });
});

describe('the action on a CIB with 30 findings', () => {
  const dir = workspace();
  let run: ActionRun;
  let cli: ReturnType<typeof runCli>;
  let cliFindings: Finding[];
  beforeAll(() => {
    writeFileSync(join(dir, 'cluster/many.xml'), cibWithBundleErrors(30));
    run = runAction(dir, { files: 'cluster/many.xml', 'fail-on': 'error' });
    cli = runCli(['cluster/many.xml', '--format', 'json'], { cwd: dir });
    cliFindings = JSON.parse(cli.stdout).files[0].findings;
  });

  it('fails the step with exit code 1, as the command exits 1, and says why in one ::error', () => {
    expect(cli.status).toBe(1);
    expect(run.status).toBe(1);
    expect(run.commands.at(-1)).toBe('::error title=cib-lint::cib-lint: 30 problems (30 errors, 0 warnings, 0 notes) at or above fail-on level "error"');
  });

  it('annotates the 9 first errors (worst first, in file order; the 10th ::error is the failure line), then one notice', () => {
    const annotations = run.commands.filter((command) => command.startsWith('::error file='));
    expect(annotations).toHaveLength(9);
    expect(run.commands.filter((command) => command.startsWith('::error'))).toHaveLength(10);
    const lines = cliFindings.map((finding) => finding.line).sort((a, b) => a - b);
    annotations.forEach((annotation, index) => {
      const finding = cliFindings.find((candidate) => candidate.line === lines[index])!;
      expect(annotation).toBe(
        `::error file=cluster/many.xml,line=${finding.line},col=${finding.column},endLine=${finding.endLine},endColumn=${finding.endColumn},` +
          `title=${RULE}::${finding.message}%0AFix: ${finding.suggestion}%0ADocs: https://github.com/cib-lint/cib-lint/blob/main/docs/rules/${RULE}.md`,
      );
    });
    const notices = run.commands.filter((command) => command.startsWith('::notice'));
    expect(notices).toEqual(['::notice title=cib-lint::21 more findings not annotated (GitHub shows 10 per level); see the job summary.']);
    expect(run.commands.filter((command) => command.startsWith('::warning'))).toEqual([]);
  });

  it('writes the counts and the SARIF path as outputs', () => {
    expect(run.outputs).toEqual({ 'sarif-file': join(dir, 'cib-lint.sarif'), 'error-count': '30', 'warning-count': '0', 'note-count': '0' });
  });

  it('writes a schema-valid SARIF file with every finding, paths relative to the workspace', () => {
    const log = readSarif(join(dir, 'cib-lint.sarif'));
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(30);
    for (const result of results) {
      expect(result.ruleId).toBe(RULE);
      expect(result.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'cluster/many.xml', uriBaseId: '%SRCROOT%' });
    }
    expect(results.map((result) => result.locations![0]!.physicalLocation!.region!.startLine).sort((a, b) => a! - b!)).toEqual(
      cliFindings.map((finding) => finding.line).sort((a, b) => a - b),
    );
  });

  it('writes a job summary: counts per rule and per file, then every finding linked to its line', () => {
    const { summary } = run;
    expect(summary).toContain('**30 problems (30 errors, 0 warnings, 0 notes)** in 1 file.');
    expect(summary).toContain('❌ The step fails');
    expect(summary).toContain('### Findings per rule');
    expect(summary).toContain(`| [\`${RULE}\`](https://github.com/cib-lint/cib-lint/blob/main/docs/rules/${RULE}.md) | 30 | 0 | 0 |`);
    expect(summary).toContain('### Findings per file');
    expect(summary).toContain(`| [\`cluster/many.xml\`](https://github.com/owner/repo/blob/${SHA}/cluster/many.xml) | 30 | 0 | 0 |`);
    const items = summary.split('\n').filter((line) => line.startsWith('- '));
    expect(items).toHaveLength(30);
    for (const finding of cliFindings) {
      const item = items.find((line) => line.includes(`[\`cluster/many.xml:${finding.line}:${finding.column}\`]`));
      expect(item).toBeDefined();
      expect(item).toContain(`(https://github.com/owner/repo/blob/${SHA}/cluster/many.xml#L${finding.line})`);
      expect(item).toContain('**error**');
      expect(item).toContain('no \\<network\\>');
    }
    expect(summary).not.toContain('Summary truncated');
  });

  it('runs in working-directory: inputs relative to it, paths still relative to the workspace', () => {
    const inside = runAction(dir, { files: 'many.xml', 'working-directory': 'cluster', 'sarif-file': 'out/lint.sarif' });
    expect(inside.status).toBe(1);
    expect(inside.outputs['sarif-file']).toBe(join(dir, 'cluster/out/lint.sarif'));
    const log = readSarif(join(dir, 'cluster/out/lint.sarif'));
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('cluster/many.xml');
    expect(inside.commands.filter((command) => command.startsWith('::error file=cluster/many.xml,'))).toHaveLength(9);
    expect(inside.summary).toContain(`/blob/${SHA}/cluster/many.xml#L`);
  });

  it('leaves out annotations and the summary when asked, and points the notice elsewhere', () => {
    const quiet = runAction(dir, { files: 'cluster/many.xml', annotations: 'false', 'job-summary': 'false' });
    expect(quiet.status).toBe(1);
    expect(quiet.commands.filter((command) => command.startsWith('::error file=') || command.startsWith('::notice'))).toEqual([]);
    expect(quiet.summary).toBe('');
    const noSummary = runAction(dir, { files: 'cluster/many.xml', 'job-summary': 'false' });
    expect(noSummary.commands.find((command) => command.startsWith('::notice'))).toContain('see the SARIF file cib-lint.sarif or code scanning');
  });
});

describe('the action on 30 findings and a missing file', () => {
  it('keeps within 10 ::error lines: the missing file first, the worst findings, the failure line last', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'cluster/many.xml'), cibWithBundleErrors(30));
    const run = runAction(dir, { files: 'cluster/many.xml\ncluster/missing.xml' });
    expect(run.status).toBe(2);
    const errors = run.commands.filter((command) => command.startsWith('::error'));
    expect(errors).toHaveLength(10);
    expect(errors[0]).toBe('::error file=cluster/missing.xml,title=cib-lint::no such file, directory or matching glob: cluster/missing.xml');
    expect(errors.slice(1, 9).every((command) => command.startsWith(`::error file=cluster/many.xml,`) && command.includes(`title=${RULE}::`))).toBe(true);
    expect(errors.at(-1)).toBe(
      '::error title=cib-lint::cib-lint: 1 file could not be linted (cluster/missing.xml: no such file, directory or matching glob: cluster/missing.xml)',
    );
    expect(run.commands.at(-1)).toBe(errors.at(-1));
    expect(run.commands.filter((command) => command.startsWith('::warning'))).toEqual([]);
    expect(run.commands.filter((command) => command.startsWith('::notice'))).toEqual([
      '::notice title=cib-lint::22 more findings not annotated (GitHub shows 10 per level); see the job summary.',
    ]);
    expect(run.outputs['error-count']).toBe('30');
  });
});

describe('the action on a CIB past 8 MB', () => {
  it('reports what it reports on the same CIB below that size', () => {
    const dir = workspace();
    const small = cibWithBundleErrors(30);
    // A large comment in status makes the file large without changing what is linted.
    const large = small.replace('<status>', `<status><!-- ${'padding '.repeat(1_100_000)}-->`);
    expect(large).not.toBe(small);
    writeFileSync(join(dir, 'cluster/large.xml'), large);
    const run = runAction(dir, { files: 'cluster/large.xml' });
    expect(Buffer.byteLength(large)).toBeGreaterThan(8 * 1024 * 1024);
    expect(run.status).toBe(1);
    expect(run.outputs['error-count']).toBe('30');
    expect(readSarif(run.outputs['sarif-file']!).runs[0]!.results).toHaveLength(30);
  });
});

describe('the action fails exactly when the command exits 1', () => {
  const dir = workspace();
  beforeAll(() => {
    copyFileSync(MIXED, join(dir, 'cluster/mixed.xml'));
    copyFileSync(CLEAN, join(dir, 'cluster/clean.xml'));
  });
  const cases: { inputs: Record<string, string>; flags: string[] }[] = [
    { inputs: {}, flags: [] },
    { inputs: { 'fail-on': 'none' }, flags: ['--fail-on', 'none'] },
    { inputs: { 'fail-on': 'none', 'max-warnings': '3' }, flags: ['--fail-on', 'none', '--max-warnings', '3'] },
    { inputs: { 'fail-on': 'none', 'max-warnings': '2' }, flags: ['--fail-on', 'none', '--max-warnings', '2'] },
    { inputs: { 'fail-on': 'warning' }, flags: ['--fail-on', 'warning'] },
  ];
  for (const { inputs, flags } of cases) {
    it(`${JSON.stringify(inputs)} ~ cib-lint ${flags.join(' ')}`, () => {
      for (const file of ['cluster/mixed.xml', 'cluster/clean.xml']) {
        const cli = runCli([file, ...flags], { cwd: dir });
        const run = runAction(dir, { files: file, ...inputs });
        expect(run.status).toBe(cli.status);
        expect(run.commands.some((command) => command.startsWith('::error title=cib-lint::'))).toBe(cli.status === 1);
      }
    });
  }

  it('honours the configuration file and a baseline like the command', () => {
    writeFileSync(join(dir, '.cib-lint.yaml'), `rules:\n  ${RULE}: off\n`);
    const run = runAction(dir, { files: 'cluster/mixed.xml' });
    expect(run.outputs['error-count']).toBe(String(JSON.parse(runCli(['cluster/mixed.xml', '-f', 'json'], { cwd: dir }).stdout).summary.errors));
    expect(run.commands.some((command) => command.includes(`title=${RULE}`))).toBe(false);
    runCli(['cluster/mixed.xml', '--write-baseline', 'baseline.json'], { cwd: dir });
    const baselined = runAction(dir, { files: 'cluster/mixed.xml', baseline: 'baseline.json', 'fail-on': 'note' });
    expect(baselined.status).toBe(0);
    expect(baselined.outputs).toMatchObject({ 'error-count': '0', 'warning-count': '0', 'note-count': '0' });
  });
});

describe('the action on bad input', () => {
  it('lints what exists, then fails with exit code 2 and one clear ::error for a missing file', () => {
    const dir = workspace();
    copyFileSync(CLEAN, join(dir, 'cluster/clean.xml'));
    const run = runAction(dir, { files: 'cluster/clean.xml\ncluster/missing.xml' });
    expect(run.status).toBe(2);
    expect(runCli(['cluster/clean.xml', 'cluster/missing.xml'], { cwd: dir }).status).toBe(2);
    expect(run.commands).toContain('::error file=cluster/missing.xml,title=cib-lint::no such file, directory or matching glob: cluster/missing.xml');
    expect(run.commands.at(-1)).toBe(
      '::error title=cib-lint::cib-lint: 1 file could not be linted (cluster/missing.xml: no such file, directory or matching glob: cluster/missing.xml)',
    );
    expect(run.outputs['error-count']).toBe('0');
    readSarif(join(dir, 'cib-lint.sarif'));
    expect(run.summary).toContain('### Files not fully linted');
  });

  it('fails with exit code 2 and the configuration error on one line for a bad config, writing nothing else', () => {
    const dir = workspace();
    copyFileSync(CLEAN, join(dir, 'cluster/clean.xml'));
    writeFileSync(join(dir, 'lint.yaml'), 'rules:\n  no-such-rule: error\n');
    const run = runAction(dir, { files: 'cluster/clean.xml', config: 'lint.yaml' });
    expect(run.status).toBe(2);
    expect(run.commands).toHaveLength(1);
    expect(run.commands[0]).toMatch(/^::error title=cib-lint::cib-lint: .*no-such-rule/);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.outputs).toEqual({});
    expect(existsSync(join(dir, 'cib-lint.sarif'))).toBe(false);
    const missing = runAction(dir, { files: 'cluster/clean.xml', config: 'nope.yaml' });
    expect(missing.status).toBe(2);
    expect(missing.commands).toEqual([expect.stringMatching(/^::error title=cib-lint::cib-lint: .*nope\.yaml: cannot read configuration/)]);
  });

  it('rejects bad input values with exit code 2', () => {
    const dir = workspace();
    copyFileSync(CLEAN, join(dir, 'cluster/clean.xml'));
    const cases: [Record<string, string>, string][] = [
      [{ files: '' }, 'input "files" is required'],
      [{ files: 'cluster/clean.xml', 'fail-on': 'fatal' }, 'input "fail-on" must be one of error, warning, note, none, not "fatal"'],
      [{ files: 'cluster/clean.xml', 'max-warnings': 'many' }, 'input "max-warnings" must be a whole number'],
      [{ files: 'cluster/clean.xml', annotations: 'yes' }, 'input "annotations" must be true or false'],
      [{ files: 'clean.xml', 'working-directory': 'nowhere' }, 'input "working-directory": no such directory: nowhere'],
    ];
    for (const [inputs, message] of cases) {
      const run = runAction(dir, inputs);
      expect(run.status, message).toBe(2);
      expect(run.commands).toEqual([expect.stringContaining(`::error title=cib-lint::cib-lint: ${message}`)]);
    }
  });
});

describe('the job summary stays below 1 MiB', () => {
  function report(count: number) {
    const findings: Finding[] = Array.from({ length: count }, (_, index) => ({
      ruleId: RULE,
      level: index % 3 === 0 ? 'warning' : 'error',
      messageId: 'm',
      message: `Bundle "b${index}" <network> | *long* message ${'x'.repeat(150)}`,
      line: index + 1,
      column: 3,
      endLine: index + 1,
      endColumn: 9,
      offset: 0,
      endOffset: 0,
      idPath: [],
      fingerprint: String(index),
      related: [],
    }));
    const files: FileResult[] = [{ filePath: 'cluster/big.xml', findings, errors: [] }];
    return { files, rules: [], root: '/repo' };
  }
  const context = { serverUrl: 'https://github.com', repository: 'o/r', sha: SHA, sarifFile: 'cib-lint.sarif' };

  it('lists what fits and says how many findings were left out', () => {
    const text = renderSummary(report(20_000), context);
    expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_LIMIT);
    expect(Buffer.byteLength(text)).toBeGreaterThan(SUMMARY_LIMIT - 2000);
    const listed = text.split('\n').filter((line) => line.startsWith('- ')).length;
    expect(listed).toBeGreaterThan(1000);
    expect(text).toContain(`> **Summary truncated:** ${20_000 - listed} of 20000 findings are not listed here (GitHub limits a job summary to 1 MiB); the SARIF file (\`cib-lint.sarif\`) and code scanning have them all.`);
  });

  it('escapes Markdown in messages and respects a small budget', () => {
    const text = renderSummary(report(50), { ...context, limit: 4000 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4000);
    expect(text).toContain('\\<network\\> \\| \\*long\\* message');
    expect(text).toContain('findings are not listed here');
  });
});

describe('action.yml', () => {
  // No npm package ships a current action metadata schema (@action-validator/core embeds an old
  // SchemaStore copy that rejects `using: node24`), so the schema's requirements are checked here.
  it('has the metadata GitHub requires and the documented inputs and outputs', () => {
    expect(metadata.name).toBe('cib-lint');
    expect(metadata.description.length).toBeGreaterThan(10);
    expect(metadata.description.length).toBeLessThan(125);
    expect(metadata.author).toBeTruthy();
    expect(metadata.branding?.icon).toBeTruthy();
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(metadata.branding?.color);
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(join(ROOT, metadata.runs.main))).toBe(true);
    expect(Object.keys(metadata.inputs)).toEqual([
      'files', 'config', 'allow-config-code', 'inline-suppressions', 'fail-on', 'max-warnings', 'baseline', 'sarif-file', 'sarif-suppressed', 'annotations',
      'job-summary', 'working-directory', 'install-schemas',
    ]);
    expect(Object.keys(metadata.outputs)).toEqual(['sarif-file', 'error-count', 'warning-count', 'note-count']);
    for (const [name, input] of Object.entries(metadata.inputs)) {
      expect(name).toMatch(/^[a-z][a-z-]*$/);
      expect(input.description, name).toBeTruthy();
      if (input.default !== undefined) expect(typeof input.default, name).toBe('string');
    }
    for (const output of Object.values(metadata.outputs)) expect(output.description).toBeTruthy();
    expect(metadata.inputs.files!.required).toBe(true);
    expect(metadata.inputs['fail-on']!.default).toBe('error');
    expect(metadata.inputs['sarif-file']!.default).toBe('cib-lint.sarif');
    expect(metadata.inputs.annotations!.default).toBe('true');
    expect(metadata.inputs['job-summary']!.default).toBe('true');
    // A pull request's configuration runs no code unless the workflow opts in.
    expect(metadata.inputs['allow-config-code']!.default).toBe('false');
    expect(metadata.inputs['inline-suppressions']!.default).toBe('true');
  });

  it('matches the README: every input and output documented there exists, and the other way round', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## GitHub Action'), readme.indexOf('\n## ', readme.indexOf('## GitHub Action') + 1));
    expect(section.length).toBeGreaterThan(100);
    const documented = (heading: string) =>
      [...section.slice(section.indexOf(heading)).split('\n\n')[1]!.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    expect(documented('Inputs:')).toEqual(Object.keys(metadata.inputs));
    expect(documented('Outputs:')).toEqual(Object.keys(metadata.outputs));
    expect(section).toContain('github/codeql-action/upload-sarif');
    expect(section).toContain('if: ${{ !cancelled() }}');
    expect(section).toContain('.pre-commit-hooks.yaml');
    const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, string>[];
    expect(hooks[0]).toMatchObject({ id: 'cib-lint', entry: 'cib-lint --skip-non-cib', language: 'node', types: ['xml'] });
  });
});
