// The built command, run as a subprocess the way users run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { PROGRAM } from '../src/cli/command.js';
import { githubSarifProblems, ROOT, runCli, sarifSchemaErrors } from './helpers.js';

const EXAMPLE = 'fixtures/examples/httpd-bundle.xml';
const CLEAN = 'fixtures/examples/clean.xml';

/** What the example CIB yields with every rule, as JSON: the reference the other formats must agree with. */
function exampleJson(args: string[] = []) {
  return JSON.parse(runCli([EXAMPLE, '--format', 'json', ...args]).stdout);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cib-lint-cli-'));
}

describe('cib-lint FILE', () => {
  it('prints grouped findings with position, level, message, rule id, code frame, fix and docs link', () => {
    const { status, stdout } = runCli([EXAMPLE]);
    expect(status).toBe(1);
    expect(stdout).toContain(EXAMPLE);
    expect(stdout).toMatch(/^ {2}24:52 +error +Bundle "httpd-bundle" .* bundle-control-port-replicas-per-host$/m);
    // The caret sits under replicas-per-host="2" in the code frame.
    const lines = stdout.split('\n');
    const frame = lines.findIndex((line) => line.includes('24 |'));
    const caret = lines[frame + 1]!;
    const source = lines[frame]!;
    expect(source.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe('replicas-per-host="2"');
    expect(stdout).toContain('fixable: Set replicas-per-host to 1, the value Pacemaker uses (--fix)');
    expect(stdout).toContain('suggestion: Remove the mapping, which has no effect: pcs resource bundle update httpd-bundle port-map delete httpd-port');
    expect(stdout).toContain('docs: https://github.com/cib-lint/cib-lint/blob/main/docs/rules/bundle-control-port-replicas-per-host.md');
    const { summary } = exampleJson();
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    expect(stdout).toContain(
      `${plural(summary.errors + summary.warnings + summary.notes, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')})`,
    );
  });

  it('exits 0 on a clean CIB and says so', () => {
    const { status, stdout } = runCli([CLEAN]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/1 file checked: 0 problems/);
  });

  it('lints several files, directories and globs, each once', () => {
    const { stdout, status } = runCli(['fixtures/examples', 'fixtures/examples/*.xml', 'fixtures/unique-ids/invalid.xml', 'fixtures/**/valid.xml']);
    expect(status).toBe(1);
    const json = JSON.parse(runCli(['fixtures/examples', 'fixtures/examples/*.xml', 'fixtures/unique-ids/invalid.xml', 'fixtures/**/valid.xml', '--format', 'json']).stdout);
    const paths: string[] = json.files.map((file: { path: string }) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('fixtures/examples/clean.xml');
    expect(paths).toContain('fixtures/unique-ids/valid.xml');
    expect(paths).toContain('fixtures/unique-ids/invalid.xml');
    expect(stdout).toContain('fixtures/unique-ids/invalid.xml');
  });

  it('reads standard input with - and names it with --stdin-filename', () => {
    const input = readFileSync(join(ROOT, EXAMPLE));
    const { status, stdout } = runCli(['-', '--stdin-filename', 'tmp-cib.xml', '--format', 'json'], { input });
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.files[0].path).toBe('tmp-cib.xml');
    expect(json.files[0].findings).toEqual(exampleJson().files[0].findings);
  });

  it('keeps linting after a malformed file and a missing one, and exits 2 for the missing one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.xml'), '<cib validate-with="pacemaker-3.9"><configuration>\n<resources>\n</configuration></cib>');
    const { status, stdout, stderr } = runCli([join(dir, 'broken.xml'), join(dir, 'missing.xml'), join(ROOT, EXAMPLE), '--format', 'json']);
    expect(status).toBe(2);
    expect(stderr).toContain('missing.xml: no such file');
    const json = JSON.parse(stdout);
    const broken = json.files.find((file: { path: string }) => file.path.endsWith('broken.xml'));
    expect(broken.findings[0]).toMatchObject({ ruleId: 'xml-well-formed', line: 3 });
    const example = json.files.find((file: { path: string }) => file.path.endsWith('httpd-bundle.xml'));
    expect(example.findings.map((finding: { fingerprint: string }) => finding.fingerprint)).toEqual(
      exampleJson().files[0].findings.map((finding: { fingerprint: string }) => finding.fingerprint),
    );
  });

  it('reports an unreadable file with exit 2 and still lints the others', () => {
    if (process.getuid?.() === 0) {
      // root reads everything: make the file unreadable by making it a directory-named glob instead
      const { status, stderr } = runCli(['fixtures/examples/none-*.xml', CLEAN]);
      expect(status).toBe(2);
      expect(stderr).toContain('no such file, directory or matching glob: fixtures/examples/none-*.xml');
      return;
    }
    const dir = tempDir();
    const file = join(dir, 'secret.xml');
    writeFileSync(file, '<cib/>');
    chmodSync(file, 0o000);
    const { status, stderr } = runCli([file, CLEAN]);
    expect(status).toBe(2);
    expect(stderr).toContain('permission denied');
  });
});

describe('exit codes and thresholds', () => {
  it('--fail-on none exits 0 despite errors; --fail-on warning fails on warnings', () => {
    expect(runCli([EXAMPLE, '--fail-on', 'none']).status).toBe(0);
    expect(runCli([EXAMPLE, '--rule', 'bundle-control-port-replicas-per-host=off', '--rule', 'bundle-storage-absolute-paths=off']).status).toBe(0);
    expect(runCli([EXAMPLE, '--rule', 'bundle-control-port-replicas-per-host=off', '--rule', 'bundle-storage-absolute-paths=off', '--fail-on', 'warning']).status).toBe(1);
  });
  it('--max-warnings fails when warnings exceed it', () => {
    const args = [EXAMPLE, '--fail-on', 'none'];
    const warnings: number = exampleJson().summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    expect(runCli([...args, '--max-warnings', String(warnings)]).status).toBe(0);
    expect(runCli([...args, '--max-warnings', String(warnings - 1)]).status).toBe(1);
  });
  it('usage errors exit 2 with one line', () => {
    const bad = runCli([EXAMPLE, '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--format xml');
    expect(runCli([EXAMPLE, '--rule', 'no-such-rule=error']).stderr).toContain('unknown rule id');
    expect(runCli([]).status).toBe(2);
    expect(runCli([EXAMPLE, '--no-such-flag']).status).toBe(2);
  });
  it('--rule changes a level', () => {
    const json = JSON.parse(runCli([EXAMPLE, '--rule', 'bundle-authkey-location=error', '--format', 'json']).stdout);
    const authkey = json.files[0].findings.find((finding: { ruleId: string }) => finding.ruleId === 'bundle-authkey-location');
    expect(authkey.level).toBe('error');
  });
});

describe('output formats', () => {
  it('json has the documented shape', () => {
    const json = exampleJson();
    expect(json.version).toBe(1);
    const findings = json.files[0].findings as { level: string }[];
    const count = (level: string) => findings.filter((finding) => finding.level === level).length;
    expect(json.summary).toEqual({ files: 1, errors: count('error'), warnings: count('warning'), notes: count('note'), suppressed: 0, fileErrors: 0 });
    expect(json.summary.errors).toBeGreaterThan(0);
    const finding = json.files[0].findings[0];
    expect(Object.keys(finding)).toEqual(
      expect.arrayContaining(['ruleId', 'level', 'message', 'line', 'column', 'endLine', 'endColumn', 'elementId', 'idPath', 'fingerprint', 'docsUrl']),
    );
    expect(finding).toMatchObject({
      ruleId: 'bundle-control-port-replicas-per-host',
      line: 24,
      column: 52,
      endLine: 24,
      endColumn: 73,
      elementId: null,
      attribute: 'replicas-per-host',
      idPath: ['cib', 'configuration', 'resources', 'httpd-bundle', 'docker'],
    });
  });

  it('sarif is valid SARIF 2.1.0 and meets GitHub code scanning requirements', () => {
    const log = JSON.parse(runCli([EXAMPLE, 'fixtures/unique-ids/invalid.xml', '--format', 'sarif']).stdout) as Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(githubSarifProblems(log)).toEqual([]);
    const results = log.runs[0]!.results!;
    expect(results[0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'fixtures/examples/httpd-bundle.xml', uriBaseId: '%SRCROOT%' });
    expect(results.find((result) => result.ruleId === 'unique-ids')!.relatedLocations![0]!.message!.text).toContain('first defined here');
  });

  it('github prints workflow commands with escaped values', () => {
    const { stdout } = runCli([EXAMPLE, '--format', 'github']);
    const lines = stdout.trim().split('\n');
    const { summary } = exampleJson();
    expect(lines).toHaveLength(summary.errors + summary.warnings + summary.notes);
    expect(lines[0]).toMatch(/^::error file=fixtures\/examples\/httpd-bundle.xml,line=24,col=52,endLine=24,endColumn=73,title=bundle-control-port-replicas-per-host::Bundle/);
    expect(lines[0]).toContain('%0AFix: pcs resource bundle update');
    expect(lines[summary.errors]).toMatch(/^::warning /);
  });

  it('writes several formats in one run', () => {
    const dir = tempDir();
    const { status, stdout } = runCli([EXAMPLE, '--format', 'text', '--format', `sarif=${join(dir, 'out/cib.sarif')}`, '--format', `json=${join(dir, 'out.json')}`]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/\d+ problems/);
    const log = JSON.parse(readFileSync(join(dir, 'out/cib.sarif'), 'utf8'));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).summary).toEqual(exampleJson().summary);
  });

  it('keeps the code frames of a text report written to a file beside another format', () => {
    const dir = tempDir();
    const textFile = join(dir, 'report.txt');
    const { status, stdout } = runCli([EXAMPLE, '--format', 'json', '--format', `text=${textFile}`]);
    expect(status).toBe(1);
    expect(JSON.parse(stdout).summary).toEqual(exampleJson().summary);
    // The caret line under replicas-per-host="2", as on the terminal.
    expect(readFileSync(textFile, 'utf8')).toMatch(/^\s+\|\s+\^+$/m);
  });

  it('keeps no source text in the results when no text report is written', async () => {
    const { lintSource } = await import('../src/app/lint-files.js');
    const { builtinRules } = await import('../src/index.js');
    const bytes = readFileSync(EXAMPLE);
    const rules = builtinRules.map((rule) => ({ rule }));
    expect(lintSource(bytes, 'example.xml', { rules }).source).toContain('<cib');
    const withoutSource = lintSource(bytes, 'example.xml', { rules, keepSource: false });
    expect(withoutSource.source).toBeUndefined();
    expect(withoutSource.findings.length).toBeGreaterThan(0);
  });

  it('colour follows --color, NO_COLOR and FORCE_COLOR', () => {
    const ansi = /\u001b\[/;
    expect(runCli([EXAMPLE]).stdout).not.toMatch(ansi);
    expect(runCli([EXAMPLE, '--color']).stdout).toMatch(ansi);
    expect(runCli([EXAMPLE], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(runCli([EXAMPLE, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
  });
});

describe('rules and explain', () => {
  it('lists every rule with level and description, also as JSON', () => {
    const text = runCli(['rules']).stdout;
    expect(text).toMatch(/^unique-ids +error +No id value appears twice/m);
    const list = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    expect(list.find((rule: { id: string }) => rule.id === 'validate-with')).toMatchObject({ level: 'error', recommended: true });
  });
  it('explains a rule with its docs page, and refuses unknown ids', () => {
    const page = runCli(['explain', 'bundle-control-port-replicas-per-host']);
    expect(page.status).toBe(0);
    expect(page.stdout).toMatch(/^# bundle-control-port-replicas-per-host/);
    const unknown = runCli(['explain', 'bundle-control']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('did you mean bundle-control-port-replicas-per-host');
  });
});

describe('stdin without a name', () => {
  it('is reported as <stdin>', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    const { stdout } = runCli(['-', '--format', 'json'], { input: '<cib validate-with="pacemaker-3.9"><configuration/></cib>' });
    expect(JSON.parse(stdout).files[0].path).toBe('<stdin>');
  });
});

describe('edge cases of the command line', () => {
  const warningsOnly = ['--rule', 'bundle-control-port-replicas-per-host=off', '--rule', 'bundle-storage-absolute-paths=off'];
  it('--quiet hides warnings but does not change the exit code', () => {
    expect(runCli([EXAMPLE, ...warningsOnly, '--fail-on', 'warning', '--quiet']).status).toBe(1);
    expect(runCli([EXAMPLE, ...warningsOnly, '--fail-on', 'none', '--max-warnings', '0', '--quiet']).status).toBe(1);
    expect(runCli([EXAMPLE, ...warningsOnly, '--quiet', '--format', 'json']).stdout).not.toContain('"warning"');
  });
  it('rejects numbers that are not whole numbers, in one line', () => {
    for (const args of [['--max-warnings', 'abc'], ['--max-warnings', '1.5'], ['--max-file-size', '-5'], ['--max-file-size', 'big']]) {
      const result = runCli([EXAMPLE, ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`${args[0]} must be a whole number`);
    }
  });
  it('rejects a --pacemaker that is not a version', () => {
    const result = runCli([EXAMPLE, '--pacemaker', 'three']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--pacemaker must be a version like 2.1 or 3.0');
  });
  it('an output or baseline that cannot be written is a one-line error, after the report', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const sarif = runCli([EXAMPLE, '--format', 'text', '--format', `sarif=${join(dir, 'file/out.sarif')}`]);
    expect(sarif.status).toBe(2);
    expect(sarif.stderr).toMatch(/^cib-lint: --format sarif=.*: cannot write .*out\.sarif: E\w+\n$/);
    const baseline = runCli([EXAMPLE, '--write-baseline', join(dir, 'missing/baseline.json')]);
    expect(baseline.status).toBe(2);
    expect(baseline.stdout).toContain('httpd-bundle');
    expect(baseline.stderr).toMatch(/--write-baseline .*: cannot write: ENOENT/);
  });
  it('takes file names after --, even when they start with -', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '-odd.xml'), readFileSync(join(ROOT, EXAMPLE)));
    const result = runCli(['--format', 'json', '--', '-odd.xml'], { cwd: dir });
    expect(JSON.parse(result.stdout).files[0].path).toBe('-odd.xml');
  });
  it('says when a file named on the command line is ignored by the configuration, and reads stdin once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cib.xml'), readFileSync(join(ROOT, EXAMPLE)));
    writeFileSync(join(dir, '.cib-lint.yaml'), 'ignore: ["cib.xml"]\n');
    const ignored = runCli(['cib.xml'], { cwd: dir });
    expect(ignored.stderr).toContain('cib.xml is not linted: it matches an ignore glob');
    const twice = JSON.parse(runCli(['-', '-', '--format', 'json'], { input: readFileSync(join(ROOT, EXAMPLE)) }).stdout);
    expect(twice.files).toHaveLength(1);
  });
});

describe('command-line parsing', () => {
  /** A usage error: exit code 2 and one line on standard error. */
  function usageError(args: string[]): string {
    const result = runCli(args);
    expect(result.status, args.join(' ')).toBe(2);
    expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    return result.stderr;
  }

  it('takes --opt=value as well as --opt value', () => {
    const spaced = runCli([EXAMPLE, '--format', 'json', '--fail-on', 'none', '--rule', 'bundle-authkey-location=error']);
    const joined = runCli([EXAMPLE, '--format=json', '--fail-on=none', '--rule=bundle-authkey-location=error']);
    expect(joined.status).toBe(0);
    expect(joined.stdout).toBe(spaced.stdout);
    const authkey = JSON.parse(joined.stdout).files[0].findings.find((finding: { ruleId: string }) => finding.ruleId === 'bundle-authkey-location');
    expect(authkey.level).toBe('error');
  });

  it('--no-inline-suppressions ignores cib-lint-disable comments', () => {
    const input = '<!-- cib-lint-disable validate-with (reason: test) -->\n<cib/>\n';
    const suppressed = (args: string[]) =>
      JSON.parse(runCli(['-', '--format', 'json', ...args], { input }).stdout).files[0].findings.find((finding: { ruleId: string }) => finding.ruleId === 'validate-with')
        .suppressed;
    expect(suppressed([])).toBe(true);
    expect(suppressed(['--no-inline-suppressions'])).toBe(false);
  });

  it('an unknown --no-X is an unknown option, like --no-X for an option that is not a switch', () => {
    expect(usageError([EXAMPLE, '--no-foo'])).toBe('cib-lint: unknown option --no-foo (cib-lint --help lists them)\n');
    expect(usageError([EXAMPLE, '--no-format'])).toContain('unknown option --no-format');
    expect(usageError([EXAMPLE, '-x'])).toContain('unknown option -x');
  });

  it('reads standard input for - among options', () => {
    const { status, stdout } = runCli(['--fail-on', 'none', '-', '--format', 'json'], { input: readFileSync(join(ROOT, EXAMPLE)) });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).files.map((file: { path: string }) => file.path)).toEqual(['<stdin>']);
  });

  it('takes every operand after -- as a file, even one named like an option or a command', () => {
    const dir = tempDir();
    for (const name of ['--quiet', 'rules']) writeFileSync(join(dir, name), readFileSync(join(ROOT, CLEAN)));
    const result = runCli(['--format', 'json', '--', '--quiet', 'rules'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).files.map((file: { path: string }) => file.path)).toEqual(['--quiet', 'rules']);
    expect(JSON.parse(runCli(['./rules', '--format', 'json'], { cwd: dir }).stdout).files[0].path).toBe('./rules');
  });

  it('--help lists the commands and every option with its description and default, within 100 columns', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^cib-lint \[files\.\.\] \[options\]\n/);
    expect(stdout).toMatch(/^ {2}cib-lint rules +list the rules$/m);
    expect(stdout).toMatch(/^ {2}cib-lint explain <id> +print a rule's documentation$/m);
    const flags = [
      '-f, --format', '--fail-on', '--max-warnings', '-q, --quiet', '--color', '--rule', '-c, --config', '--print-config', '--plugin', '--pacemaker',
      '--schema-dir', '--stdin-filename', '--max-file-size', '--inline-suppressions', '--report-unused-suppressions', '--show-suppressed',
      '--baseline', '--write-baseline', '--diff-against', '-h, --help', '--version',
    ];
    for (const flag of flags) expect(stdout).toMatch(new RegExp(`^ +${flag}\\b`, 'm'));
    // Descriptions are wrapped: compare with the line breaks and indentation folded into spaces.
    const folded = stdout.replace(/\s+/g, ' ');
    for (const spec of Object.values(PROGRAM.commands[0]!.options)) expect(folded).toContain(spec.description);
    expect(folded).toContain('lowest level that makes the exit code 1 [choices: error, warning, note, none] [default: error]');
    expect(folded).toContain('[default: true]');
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(runCli(['rules', '--help']).stdout).toMatch(/^ {2}-f, --format <value> +output format \[choices: text, json\] \[default: text\]$/m);
  });

  it('--version prints the version', () => {
    const { status, stdout } = runCli(['--version']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('refuses a bad choice, a missing value and misplaced operands in one line', () => {
    expect(usageError([EXAMPLE, '--fail-on', 'fatal'])).toBe('cib-lint: --fail-on fatal: expected one of error, warning, note, none\n');
    expect(usageError(['rules', '--format', 'sarif'])).toContain('--format sarif: expected one of text, json');
    expect(usageError([EXAMPLE, '--config'])).toContain('--config needs a value');
    expect(usageError(['--config', '--quiet', EXAMPLE])).toContain('--config needs a value, not the option --quiet');
    expect(usageError([EXAMPLE, '--quiet=yes'])).toContain('--quiet takes no value');
    expect(usageError(['explain'])).toBe('cib-lint: missing <id>: cib-lint explain <id> [options]\n');
    expect(usageError(['explain', 'schema', 'extra'])).toContain('unexpected operand "extra"');
    expect(usageError(['rules', 'extra'])).toContain('unexpected operand "extra"');
  });

  it('reports --max-warnings abc as not a whole number, in either form', () => {
    for (const args of [['--max-warnings', 'abc'], ['--max-warnings=abc']]) {
      expect(usageError([EXAMPLE, ...args])).toBe('cib-lint: --max-warnings must be a whole number of at least 0\n');
    }
  });
});

describe('CIB_LINT_TIMING', () => {
  it('prints where the time went to stderr and leaves the report alone', () => {
    const plain = runCli([EXAMPLE, '--format', 'json']);
    const timed = runCli([EXAMPLE, '--format', 'json'], { env: { CIB_LINT_TIMING: '1' } });
    expect(timed.status).toBe(plain.status);
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).not.toContain('stage or rule');
    const rows = timed.stderr.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^stage or rule +time +share$/);
    expect(timed.stderr).toMatch(/^stage: libxml2 parse +\d+\.\d ms +\d+\.\d%$/m);
    expect(timed.stderr).toMatch(/^\d+ more rules and stages +\d+\.\d ms/m);
    // Twenty rows at most, then the total: every row's time is its own, so they add up to it.
    const times = rows.slice(1, -1).map((row) => Number(/([\d.]+) ms/.exec(row)![1]));
    expect(times.length).toBe(20);
    const total = Number(/^total \(since the process started\) +([\d.]+) ms$/.exec(rows.at(-1)!)![1]);
    expect(Math.abs(times.reduce((sum, ms) => sum + ms, 0) - total)).toBeLessThan(1);
  });
});

describe('the bundle', () => {
  it('says in one line, with exit 2, that the command is not built yet', () => {
    const copy = join(tempDir(), 'bin');
    mkdirSync(copy);
    writeFileSync(join(copy, 'cib-lint.js'), readFileSync(join(ROOT, 'bin', 'cib-lint.js')));
    const { status, stdout, stderr } = spawnSync(process.execPath, [join(copy, 'cib-lint.js'), EXAMPLE], { cwd: ROOT, encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cib-lint: ${join(copy, '..', 'build', 'cli.mjs')} is missing: build the command first (npm ci, or npm run build)\n`);
  });

});
