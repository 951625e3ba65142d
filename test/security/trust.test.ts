// Issue 16, items 1, 2 and 8: what a pull request can and cannot do to the gate. The Action
// (dist/index.js) and the command (bin/cib-lint.js) run as subprocesses, each under a time limit,
// on workspaces in the temporary folder that play the attacker's checkout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ActionResult, BIN, type CliResult, cibWithBundleErrors, ROOT, runAction as runBundle, writeFiles } from '../helpers.js';

const CLEAN = readFileSync(join(ROOT, 'fixtures/examples/clean.xml'), 'utf8');
const RULE = 'bundle-resource-needs-ip-range-or-control-port';
/** No run here takes more than a few seconds; a hang fails the test instead of stalling the suite. */
const TIME_LIMIT = 30_000;
const SECRET = 'secret-runtime-token-4711';

/** A checkout: a git repository with cluster/ holding the given files. */
function checkout(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cib-lint-trust-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'cluster'));
  return writeFiles(dir, files);
}

function finished(result: { error?: Error; signal: NodeJS.Signals | null }): void {
  expect(result.error, 'the run did not finish in time').toBeUndefined();
  expect(result.signal).toBeNull();
}

/** The shared runAction with a runtime token to steal, under the time limit, and finished. */
function runAction(dir: string, given: Record<string, string>, env: Record<string, string> = {}): ActionResult {
  const run = runBundle(dir, given, { env: { ACTIONS_RUNTIME_TOKEN: SECRET, ...env }, timeout: TIME_LIMIT });
  finished(run);
  return run;
}

function runCommand(dir: string, args: string[], env: Record<string, string> = {}): CliResult {
  const environment: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete environment.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: environment, encoding: 'utf8', timeout: TIME_LIMIT });
  finished(result);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One line, naming `file`, without a stack trace or an "internal error". */
function expectOneLineError(stderr: string, ...parts: string[]): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^cib-lint: /);
  for (const part of parts) expect(lines[0]).toContain(part);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
}

/** A plugin that, whenever it is imported, records that it ran and what it could read. */
const SPY_PLUGIN = `
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../PWNED', import.meta.url), String(process.env.ACTIONS_RUNTIME_TOKEN));
export default {
  meta: {
    id: 'acme/spy', level: 'error', description: 'Reports every CIB', constraint: { title: 't', source: 's' }, tags: [],
    messages: { spy: { text: 'spy ran' } },
  },
  check({ cib, report }) { report({ messageId: 'spy', node: cib.root }); },
};
`;

describe('under the Action, a configuration file in the checkout runs no code', () => {
  const config = 'plugins: [./.github/x.mjs]\nrules:\n  acme/spy: error\n';

  it('a plugin it names is not imported: no marker, no token read; the summary and the log say it was skipped', () => {
    const dir = checkout({ '.cib-lint.yaml': config, '.github/x.mjs': SPY_PLUGIN, 'cluster/clean.xml': CLEAN });
    const run = runAction(dir, { files: 'cluster/' });
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('spy ran');
    expect(run.summary).toContain('### Configuration');
    expect(run.summary).toMatch(/\.cib-lint\.yaml: 1 plugin \(\.github\/x\.mjs\) skipped: the Action runs code from a configuration file only with allow-config-code: true\. Settings for their rules ignored: acme\/spy\./);
    expect(run.stderr).toContain('1 plugin (.github/x.mjs) skipped');
  });

  it('with allow-config-code: true the same plugin is loaded (the control: the marker holds the token)', () => {
    const dir = checkout({ '.cib-lint.yaml': config, '.github/x.mjs': SPY_PLUGIN, 'cluster/clean.xml': CLEAN });
    const run = runAction(dir, { files: 'cluster/', 'allow-config-code': 'true' });
    expect(readFileSync(join(dir, 'PWNED'), 'utf8')).toBe(SECRET);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('title=acme/spy::spy ran');
    expect(run.summary).not.toContain('skipped');
  });

  it('policies are skipped the same way, and run when allowed', () => {
    const policy = 'policies:\n  - id: no-primitives\n    select: "//primitive"\n    assert: "false()"\n    message: "primitive {@id}"\n';
    const dir = checkout({ '.cib-lint.yaml': policy, 'cluster/clean.xml': CLEAN });
    const skipped = runAction(dir, { files: 'cluster/' });
    expect(skipped.status).toBe(0);
    expect(skipped.summary).toContain('1 policy (no-primitives) skipped');
    const allowed = runAction(dir, { files: 'cluster/', 'allow-config-code': 'true' });
    expect(allowed.status).toBe(1);
    expect(allowed.stdout).toContain('title=no-primitives::primitive fence-ipmi');
  });

  it('config: none ignores the file entirely (a rule it turns off is reported again)', () => {
    const dir = checkout({ '.cib-lint.yaml': `rules:\n  ${RULE}: off\n`, 'cluster/bad.xml': cibWithBundleErrors(1) });
    const configured = runAction(dir, { files: 'cluster/' });
    expect(configured.status).toBe(0);
    expect(configured.summary).toContain(`.cib-lint.yaml: turns off 1 rule that is on by default: ${RULE}.`);
    const none = runAction(dir, { files: 'cluster/', config: 'none' });
    expect(none.status).toBe(1);
    expect(none.stdout).toContain(`title=${RULE}::`);
    expect(none.summary).not.toContain('### Configuration');
  });

  it('ignore globs that leave nothing to lint fail the step unless allowed; a partial ignore is listed in the summary', () => {
    const dir = checkout({ '.cib-lint.yaml': 'ignore: ["**"]\n', 'cluster/bad.xml': cibWithBundleErrors(1) });
    const refused = runAction(dir, { files: 'cluster/' });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain(
      '::error title=cib-lint::cib-lint: .cib-lint.yaml: its ignore globs exclude every file of input "files" (1 file), so nothing would be linted; ' +
        'the Action accepts that from a configuration file only with allow-config-code: true',
    );
    const allowed = runAction(dir, { files: 'cluster/', 'allow-config-code': 'true' });
    expect(allowed.status).toBe(0);
    expect(allowed.summary).toContain('.cib-lint.yaml: 1 file not linted, matched by its ignore globs: cluster/bad.xml.');

    writeFileSync(join(dir, '.cib-lint.yaml'), 'ignore: ["cluster/bad.xml"]\n');
    writeFileSync(join(dir, 'cluster/clean.xml'), CLEAN);
    const partial = runAction(dir, { files: 'cluster/' });
    expect(partial.status).toBe(0);
    expect(partial.summary).toContain('.cib-lint.yaml: 1 file not linted, matched by its ignore globs: cluster/bad.xml.');
  });

  it('a configuration above the workspace is never read, even without a .git folder', () => {
    const outer = mkdtempSync(join(tmpdir(), 'cib-lint-trust-outer-'));
    writeFileSync(join(outer, '.cib-lint.yaml'), `rules:\n  ${RULE}: off\n`);
    const dir = join(outer, 'workspace');
    mkdirSync(join(dir, 'cluster'), { recursive: true });
    writeFileSync(join(dir, 'cluster/bad.xml'), cibWithBundleErrors(1));
    const run = runAction(dir, { files: 'bad.xml', 'working-directory': 'cluster' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`title=${RULE}::`);
  });
});

describe('the configuration search stops at the repository root', () => {
  function nested(withGit: boolean): string {
    const outer = mkdtempSync(join(tmpdir(), 'cib-lint-trust-outer-'));
    // If it were read, this file would make the run fail with a configuration error.
    writeFileSync(join(outer, '.cib-lint.yaml'), 'rules: 5\n');
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, 'cluster'), { recursive: true });
    if (withGit) mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, 'cluster/clean.xml'), CLEAN);
    return join(repo, 'cluster');
  }

  it('does not read a file above the folder holding .git', () => {
    const run = runCommand(nested(true), ['clean.xml']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('reads it without .git (the control)', () => {
    const run = runCommand(nested(false), ['clean.xml']);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, '.cib-lint.yaml:1:8: rules: must be object');
  });

  it('.git as a file (a worktree) marks the root too', () => {
    const cluster = nested(false);
    writeFileSync(join(cluster, '..', '.git'), 'gitdir: /elsewhere\n');
    expect(runCommand(cluster, ['clean.xml']).status).toBe(0);
  });
});

describe('inline suppressions can be refused', () => {
  const suppressed = cibWithBundleErrors(1).replace('      <bundle id="app1-bundle">', `      <!-- cib-lint-disable-next-element ${RULE} (reason: lab) -->\n      <bundle id="app1-bundle">`);

  it('by the Action input inline-suppressions: false', () => {
    const dir = checkout({ 'cluster/bad.xml': suppressed });
    expect(runAction(dir, { files: 'cluster/' }).status).toBe(0);
    const refused = runAction(dir, { files: 'cluster/', 'inline-suppressions': 'false' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(`title=${RULE}::`);
    expect(refused.summary).toContain('Inline suppression comments are not honoured (input inline-suppressions: false).');
    expect(runAction(dir, { files: 'cluster/', 'inline-suppressions': 'maybe' }).stdout).toContain('input "inline-suppressions" must be true or false, not "maybe"');
  });

  it('by inlineSuppressions: false in the configuration, which --inline-suppressions does not undo', () => {
    const dir = checkout({ 'cluster/bad.xml': suppressed });
    expect(runCommand(dir, ['cluster/bad.xml']).status).toBe(0);
    expect(runCommand(dir, ['cluster/bad.xml', '--no-inline-suppressions']).status).toBe(1);
    writeFileSync(join(dir, '.cib-lint.yaml'), 'inlineSuppressions: false\n');
    expect(runCommand(dir, ['cluster/bad.xml']).status).toBe(1);
    expect(runCommand(dir, ['cluster/bad.xml', '--inline-suppressions']).status).toBe(1);
    writeFileSync(join(dir, '.cib-lint.yaml'), 'inlineSuppressions: "no"\n');
    expectOneLineError(runCommand(dir, ['cluster/bad.xml']).stderr, '.cib-lint.yaml:1:21: inlineSuppressions: must be boolean');
  });
});

describe('a suppression cannot hide a broken file', () => {
  const comments = [
    '<!-- cib-lint-disable (reason: x) -->',
    '<!-- cib-lint-disable xml-well-formed (reason: x) -->',
    '<!-- cib-lint-disable-next-element (reason: x) -->',
    '<!-- cib-lint-disable-next-element xml-well-formed (reason: x) -->',
  ];
  for (const comment of comments) {
    it(`${comment} followed by garbage exits 1 with the xml-well-formed error shown`, () => {
      const dir = checkout({ 'cluster/bad.xml': `${comment}\n<cib><garbage` });
      const run = runCommand(dir, ['cluster/bad.xml']);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/2:14 +error +Not well-formed XML: .* xml-well-formed/);
      expect(run.stdout).not.toContain('suppressed');
      const json = JSON.parse(runCommand(dir, ['cluster/bad.xml', '-f', 'json']).stdout);
      expect(json.summary).toMatchObject({ errors: 1, suppressed: 0 });
      expect(runAction(dir, { files: 'cluster/' }).status).toBe(1);
    });
  }

  it('a disable comment before a well-formed CIB with garbage appended does not reach the garbage', () => {
    const dir = checkout({ 'cluster/bad.xml': `<!-- cib-lint-disable (reason: x) -->\n${CLEAN}<trailing` });
    const run = runCommand(dir, ['cluster/bad.xml', '-f', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files[0].findings).toEqual([expect.objectContaining({ ruleId: 'xml-well-formed', suppressed: false })]);
  });

  it('a disable comment covers the element after it only, not its later siblings', () => {
    const source = cibWithBundleErrors(2).replace('      <bundle id="app1-bundle">', `      <!-- cib-lint-disable ${RULE} (reason: x) -->\n      <bundle id="app1-bundle">`);
    const dir = checkout({ 'cluster/two.xml': source });
    const findings = JSON.parse(runCommand(dir, ['cluster/two.xml', '-f', 'json']).stdout).files[0].findings as { ruleId: string; suppressed: boolean; elementId: string }[];
    expect(findings.filter((finding) => finding.ruleId === RULE).map(({ elementId, suppressed }) => [elementId, suppressed])).toEqual([
      ['app1-bundle', true],
      ['app2-bundle', false],
    ]);
  });

  it('internal-error stays unsuppressed under a blanket disable', () => {
    const dir = checkout({
      'cluster/clean.xml': CLEAN.replace('<cib ', '<!-- cib-lint-disable (reason: x) -->\n<cib '),
      'throws.mjs': `export default { meta: { id: 'throws', level: 'error', description: 'd', constraint: { title: 't', source: 's' }, tags: [], messages: { m: { text: 'm' } } }, check() { throw new Error('boom'); } };`,
    });
    const run = runCommand(dir, ['cluster/clean.xml', '--plugin', 'throws.mjs', '-f', 'json']);
    expect(run.status).toBe(2);
    const internal = JSON.parse(run.stdout).files[0].findings.find((finding: { ruleId: string }) => finding.ruleId === 'internal-error');
    expect(internal).toMatchObject({ suppressed: false, message: 'Rule "throws" failed on this file: boom' });
  });
});

describe('crashes become findings or clear errors', () => {
  const baselines: [string, string, string][] = [
    ['not JSON', '{"version": 1,', 'cannot read baseline'],
    ['an entry that is null', '{"version": 1, "findings": [null]}', 'findings[0]: expected {"file": "...", "ruleId": "...", "fingerprint": "..."}, not null'],
    ['an entry without a fingerprint', '{"version": 1, "findings": [{"file": "a.xml", "ruleId": "x"}]}', 'findings[0]: expected'],
    ['an entry that is a number', '{"version": 1, "findings": [{"file": "a", "ruleId": "r", "fingerprint": "f"}, 5]}', 'findings[1]: expected {"file": "...", "ruleId": "...", "fingerprint": "..."}, not 5'],
    ['the wrong shape', '[1, 2]', 'not a cib-lint baseline'],
  ];
  for (const [what, text, message] of baselines) {
    it(`a baseline with ${what} is one line naming the file, exit 2`, () => {
      const dir = checkout({ 'cluster/clean.xml': CLEAN, 'baseline.json': text });
      const run = runCommand(dir, ['cluster/clean.xml', '--baseline', 'baseline.json']);
      expect(run.status).toBe(2);
      expectOneLineError(run.stderr, join(dir, 'baseline.json'), message);
      const action = runAction(dir, { files: 'cluster/', baseline: 'baseline.json' });
      expect(action.status).toBe(2);
      expect(action.stdout).toContain(`::error title=cib-lint::cib-lint: ${join(dir, 'baseline.json')}: `);
      expect(action.stderr).not.toMatch(/\n\s+at /);
    });
  }

  const configs: [string, string][] = [
    ['rules: [\n', '.cib-lint.yaml:2:1: not valid YAML'],
    ['plugins: [./missing.mjs]\n', 'missing.mjs: cannot load'],
  ];
  for (const [text, message] of configs) {
    it(`a configuration ${JSON.stringify(text.trim())} is one line naming the file, exit 2`, () => {
      const dir = checkout({ 'cluster/clean.xml': CLEAN, '.cib-lint.yaml': text });
      const run = runCommand(dir, ['cluster/clean.xml']);
      expect(run.status).toBe(2);
      expectOneLineError(run.stderr, message);
    });
  }

  it('an unwritable GITHUB_OUTPUT or GITHUB_STEP_SUMMARY is a ::warning::, and the annotations still print', () => {
    const dir = checkout({ 'cluster/bad.xml': cibWithBundleErrors(2) });
    // A path below a regular file cannot be created, whoever runs the test (root included).
    const blocked = join(dir, 'cluster/bad.xml/file');
    const run = runAction(dir, { files: 'cluster/' }, { GITHUB_OUTPUT: blocked, GITHUB_STEP_SUMMARY: blocked });
    expect(run.status).toBe(1);
    const commands = run.stdout.split('\n').filter((line) => line.startsWith('::warning') || line.startsWith('::error'));
    expect(commands.slice(0, 2)).toEqual([
      `::warning title=cib-lint::cib-lint: cannot write the job summary ($GITHUB_STEP_SUMMARY ${blocked}): ENOTDIR`,
      `::warning title=cib-lint::cib-lint: cannot write the step outputs ($GITHUB_OUTPUT ${blocked}): ENOTDIR`,
    ]);
    expect(commands.filter((line) => line.startsWith(`::error file=cluster/bad.xml,`) && line.includes(`title=${RULE}::`))).toHaveLength(2);
    // With no summary written, the annotations point at the SARIF file instead.
    expect(run.stdout).not.toContain('see the job summary');
    expect(run.stderr).toBe('');
    expect(existsSync(join(dir, 'cib-lint.sarif'))).toBe(true);
  });

  const meta = { id: 'acme/x', level: 'error', description: 'd', constraint: { title: 't', source: 's' }, tags: [], messages: { m: { text: 'm' } } };
  const badMetas: [string, Record<string, unknown>, string][] = [
    ['a bogus level', { level: 'bogus' }, 'rule "acme/x": meta.level must be note, warning or error, not "bogus"'],
    ['a bad id', { id: 'Acme X' }, 'rule id "Acme X" must be kebab-case'],
    ['no messages', { messages: {} }, 'rule "acme/x": meta.messages must be an object with at least one message'],
    ['a message without text', { messages: { m: { level: 'note' } } }, 'rule "acme/x": meta.messages.m.text must be a non-empty string'],
    ['a message with a bogus level', { messages: { m: { text: 'm', level: 'fatal' } } }, 'rule "acme/x": meta.messages.m.level must be note, warning or error, not "fatal"'],
    ['an empty description', { description: ' ' }, 'rule "acme/x": meta.description must be a non-empty string'],
    ['no constraint', { constraint: undefined }, 'rule "acme/x": meta.constraint must be { title: "...", source: "..." }'],
    ['tags that are not strings', { tags: [1] }, 'rule "acme/x": meta.tags must be an array of strings'],
  ];
  for (const [what, change, message] of badMetas) {
    it(`a plugin rule with ${what} is a configuration error naming the plugin file`, () => {
      const rule = { ...meta, ...change };
      const dir = checkout({ 'cluster/clean.xml': CLEAN, 'plugin.mjs': `export default { meta: ${JSON.stringify(rule)}, check() {} };` });
      const run = runCommand(dir, ['cluster/clean.xml', '--plugin', 'plugin.mjs']);
      expect(run.status).toBe(2);
      expectOneLineError(run.stderr, `plugin ${join(dir, 'plugin.mjs')}: `, message);
    });
  }

  it('the valid metadata those cases start from loads (the control)', () => {
    const dir = checkout({ 'cluster/clean.xml': CLEAN, 'plugin.mjs': `export default { meta: ${JSON.stringify(meta)}, check() {} };` });
    const run = runCommand(dir, ['cluster/clean.xml', '--plugin', 'plugin.mjs']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  const asyncChecks: [string, string][] = [
    ['rejects at once', `async check() { throw new Error('async boom'); }`],
    ['rejects later, after the report is written', `check() { return new Promise((_, reject) => setTimeout(() => reject(new Error('late boom')), 50)); }`],
    // What it reports once the check has returned would come after the file was sorted and suppressed.
    ['reports after an await', `async check({ cib, report }) { await null; report({ messageId: 'm', node: cib.root }); }`],
  ];
  for (const [what, check] of asyncChecks) {
    it(`a plugin whose async check ${what} gives exit 2, an internal-error finding, and no unhandled rejection`, () => {
      const plugin = `export default { meta: ${JSON.stringify(meta)}, ${check} };`;
      const dir = checkout({ 'cluster/clean.xml': CLEAN, 'plugin.mjs': plugin });
      const run = runCommand(dir, ['cluster/clean.xml', '--plugin', 'plugin.mjs', '-f', 'json']);
      expect(run.status).toBe(2);
      const findings = JSON.parse(run.stdout).files[0].findings as { ruleId: string; message: string }[];
      expect(findings).toEqual([
        expect.objectContaining({ ruleId: 'internal-error', message: 'Rule "acme/x" failed on this file: check() returned a promise; rules must be synchronous' }),
      ]);
      expect(run.stderr).toBe(`cib-lint: cluster/clean.xml: rule acme/x failed: check() returned a promise; rules must be synchronous\n`);
      expect(run.stderr).not.toMatch(/unhandled|boom/i);
    });
  }
});
