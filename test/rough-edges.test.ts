// What a new user ran into (issue 19, item 7), one test each: folders without CIBs, XML files that
// are not CIBs, why the exit code is 1, baselines from another folder, configuration errors all
// at once with their place and a hint, "did you mean", code frames and emoji, every level in
// `cib-lint rules`, plugin and policy rules in `rules` and `explain`.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess, writeFiles } from './helpers.js';
import { rootElementName } from '../src/document/xml/root-name.js';
import { formatText } from '../src/output/text.js';
import type { Finding } from '../src/core/finding.js';

const FINDINGS = join(ROOT, 'fixtures/examples/httpd-bundle.xml');
const CLEAN = join(ROOT, 'fixtures/examples/clean.xml');
const POM = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Maven -->\n<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion></project>\n';
// The two errors of httpd-bundle.xml off: three warnings are left.
const WARNINGS_ONLY = ['--rule', 'bundle-control-port-replicas-per-host=off', '--rule', 'bundle-storage-absolute-paths=off'];

/** A temporary folder with these files; `.git` marks it a repository root, so no configuration above it applies. */
function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cib-lint-edges-'));
  mkdirSync(join(dir, '.git'));
  return writeFiles(dir, files);
}

const readText = (path: string) => readFileSync(path, 'utf8');

describe('folders and globs that find no CIB', () => {
  it('an empty folder exits 2 with "no CIB files found"', async () => {
    const dir = folder({ 'clusters/README': 'nothing here yet\n' });
    const result = await runInProcess(['clusters'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cib-lint: clusters: no CIB files found: no *.xml file below it');
  });

  it('a folder whose XML files are not CIBs exits 2, and says they were skipped', async () => {
    const dir = folder({ 'app/pom.xml': POM, 'app/web/web.xml': '<web-app/>\n' });
    const result = await runInProcess(['app'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cib-lint: 2 XML files skipped: not CIBs (app/pom.xml, app/web/web.xml)');
    expect(result.stderr).toContain('cib-lint: app: no CIB files found: none of its 2 XML files is a CIB (root element not <cib>)');
    expect(result.stdout).not.toContain('xml-well-formed');
  });

  it('lints the CIBs of a folder and a glob, skips and counts the other XML files', async () => {
    const dir = folder({ 'repo/pom.xml': POM, 'repo/site/logo.xml': '<svg xmlns="http://www.w3.org/2000/svg"/>\n', 'repo/cluster/cib.xml': readText(CLEAN) });
    for (const operand of ['repo', 'repo/**/*.xml']) {
      const result = await runInProcess([operand, '--format', 'json'], { cwd: dir });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('cib-lint: 2 XML files skipped: not CIBs (repo/pom.xml, repo/site/logo.xml)\n');
      expect((JSON.parse(result.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path)).toEqual(['repo/cluster/cib.xml']);
    }
  });

  it('still lints an XML file named explicitly, unless --skip-non-cib (pre-commit) says not to', async () => {
    const dir = folder({ 'pom.xml': POM });
    const named = await runInProcess(['pom.xml', '--format', 'compact'], { cwd: dir });
    expect(named.status).toBe(1);
    expect(named.stdout).toContain('pom.xml:3:1: error: The root element is <project>, not <cib>');
    const skipped = await runInProcess(['pom.xml', '--skip-non-cib'], { cwd: dir });
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toBe('cib-lint: 1 XML file skipped: not a CIB (pom.xml)\n');
  });

  it('still lints a CIB a walk finds that is not well-formed: a broken CIB is reported, not skipped', async () => {
    const dir = folder({ 'cluster/cib.xml': readText(CLEAN).slice(0, 200) });
    const result = await runInProcess(['cluster', '--format', 'compact'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^cluster\/cib\.xml:\d+:\d+: error: .*\[xml-well-formed\]$/m);
  });

  it('names the root element through an XML declaration, comments, a DOCTYPE with an internal subset and a BOM', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(rootElementName(bytes('\uFEFF<?xml version="1.0"?>\n<!-- a > b -->\n<!DOCTYPE cib [ <!ENTITY x "]>"> <!-- ]> --> ]>\n<cib epoch="1">'))).toBe('cib');
    expect(rootElementName(bytes(POM))).toBe('project');
    expect(rootElementName(bytes('<x:cib xmlns:x="urn:x"/>'))).toBe('x:cib');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><cib/>', 'utf16le')]);
    expect(rootElementName(utf16)).toBe('cib');
    // What cannot be named is linted, so that its problem is reported.
    for (const text of ['', 'not xml', '<!-- never closed', '<?xml version="1.0"?>']) expect(rootElementName(bytes(text))).toBeUndefined();
  });
});

describe('why the exit code is 1', () => {
  it('--fail-on warning -q says that the warnings it hides fail the run', async () => {
    const result = await runInProcess(['--fail-on', 'warning', '-q', ...WARNINGS_ONLY, FINDINGS]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('0 problems');
    expect(result.stderr).toBe('cib-lint: exit code 1: 3 problems (0 errors, 3 warnings, 0 notes) at or above fail-on level "warning" (--quiet shows errors only)\n');
  });

  it('--max-warnings says that there are more warnings than it allows', async () => {
    const result = await runInProcess(['--max-warnings', '2', ...WARNINGS_ONLY, FINDINGS]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cib-lint: exit code 1: 3 warnings, more than max-warnings 2\n');
    const allowed = await runInProcess(['--max-warnings', '3', ...WARNINGS_ONLY, FINDINGS]);
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toBe('');
  });

  it('says nothing more when the errors shown are the reason', async () => {
    const result = await runInProcess([FINDINGS]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });
});

describe('baselines', () => {
  it('--write-baseline says what it wrote, and the baseline applies from another working directory', async () => {
    const dir = folder({ 'clusters/prod/cib.xml': readText(FINDINGS) });
    const written = await runInProcess(['clusters', '--write-baseline', 'baseline.json'], { cwd: dir });
    expect(written.status).toBe(1);
    expect(written.stderr).toBe('cib-lint: wrote baseline.json: 5 findings in 1 file (of 1 file linted), paths relative to its folder\n');
    const baseline = JSON.parse(readText(join(dir, 'baseline.json'))) as { findings: Array<{ file: string }> };
    expect(new Set(baseline.findings.map((entry) => entry.file))).toEqual(new Set(['clusters/prod/cib.xml']));
    // From the cluster's own folder, and from the repository root: every finding is known.
    for (const [cwd, args] of [
      [join(dir, 'clusters/prod'), ['cib.xml', '--baseline', '../../baseline.json']],
      [dir, ['clusters', '--baseline', 'baseline.json']],
    ] as const) {
      const result = await runInProcess([...args], { cwd });
      expect(result.stdout).toContain('0 problems');
      expect(result.status).toBe(0);
    }
  });
});

describe('configuration errors', () => {
  it('are reported all at once, in file order, each with line and column, with hints', async () => {
    const dir = folder({
      'cib.xml': readText(CLEAN),
      '.cib-lint.yaml': [
        'pacemaker: 3.0',
        'rules:',
        '  bundle-image-requird: off',
        '  monitor-missing: warn',
        '  unique-ids: [warning, {intervall: 3}]',
        'suppresions: []',
        'extends: recomended',
        'suppressions:',
        '  - rule: bundle-image-requird',
        '    id: web',
        '    reason: lab',
        '',
      ].join('\n'),
    });
    const result = await runInProcess(['cib.xml'], { cwd: dir });
    expect(result.status).toBe(2);
    const file = join(dir, '.cib-lint.yaml');
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `cib-lint: ${file}:1:12: pacemaker: must be a string, not the number 3.0; quote it: "3.0"`,
      `cib-lint: ${file}:3:3: rules.bundle-image-requird: unknown rule id; did you mean bundle-image-required?`,
      `cib-lint: ${file}:4:20: rules.monitor-missing: must be off, note, warning or error, or [level, {options}]; did you mean warning?`,
      `cib-lint: ${file}:5:26: rules.unique-ids: unknown option intervall (it takes no options)`,
      `cib-lint: ${file}:6:1: suppresions: unknown key; did you mean suppressions?`,
      `cib-lint: ${file}:7:10: extends: must be one of recommended, all; did you mean recommended?`,
      `cib-lint: ${file}:9:11: suppressions[0].rule: unknown rule id "bundle-image-requird"; did you mean bundle-image-required?`,
    ]);
  });

  it('a YAML syntax error and a JSON one name their line and column', async () => {
    const yaml = folder({ 'cib.xml': readText(CLEAN), '.cib-lint.yaml': 'rules:\n  unique-ids: [error\n' });
    expect((await runInProcess(['cib.xml'], { cwd: yaml })).stderr).toMatch(/^cib-lint: .*\.cib-lint\.yaml:3:1: not valid YAML: /);
    const json = folder({ 'cib.xml': readText(CLEAN), '.cib-lint.json': '{\n  "pacemaker": "3.0",\n}\n' });
    expect((await runInProcess(['cib.xml'], { cwd: json })).stderr).toMatch(/^cib-lint: .*\.cib-lint\.json:3:1: not valid JSON: /);
  });

  it('a version YAML reads as a number is quoted back as written: 3.10, not 3.1', async () => {
    const dir = folder({ 'cib.xml': readText(CLEAN), '.cib-lint.yml': 'pacemaker: 3.10\n' });
    expect((await runInProcess(['cib.xml'], { cwd: dir })).stderr).toContain('pacemaker: must be a string, not the number 3.10; quote it: "3.10"');
  });
});

describe('"did you mean" everywhere', () => {
  it.each([
    [['--rule', 'bundle-image-requird=off', CLEAN], 'command line: rules.bundle-image-requird: unknown rule id; did you mean bundle-image-required?'],
    [['--format', 'jsn', CLEAN], '; did you mean json?'],
    [['--fail-on', 'warnig', CLEAN], '--fail-on warnig: expected one of error, warning, note, none; did you mean warning?'],
    [['--fail-onn', 'warning', CLEAN], 'unknown option --fail-onn; did you mean --fail-on?'],
    [['rule'], 'rule: no such file, directory or command; did you mean rules?'],
    [['explian', 'monitor-missing'], 'explian: no such file, directory or command; did you mean explain?'],
    [['explain', 'monitor-mising'], 'unknown rule "monitor-mising"; did you mean monitor-missing?'],
    [['rules', '--format', 'jsn'], '--format jsn: expected one of text, json; did you mean json?'],
  ])('%j', async (args, message) => {
    const result = await runInProcess([...args], { cwd: folder() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^cib-lint: [^\n]*\n$/);
    expect(result.stderr).toContain(message);
  });
});

describe('code frames', () => {
  it('never split a surrogate pair when a long line is cut', () => {
    // The frame starts 20 code units before the finding: put the second half of an emoji there.
    const before = `<primitive id="p" description="${'x'.repeat(100)}`;
    const line = `${before}😀${'y'.repeat(18)} class="ocf"${'z'.repeat(150)}/>`;
    const column = line.indexOf(' class=') + 2;
    expect(line.charCodeAt(column - 1 - 20)).toBeGreaterThanOrEqual(0xdc00);
    const finding = { ruleId: 'r', level: 'error', messageId: 'm', message: 'm', line: 1, column, endLine: 1, endColumn: column + 11, offset: 0, endOffset: 0, idPath: [], fingerprint: 'f', related: [] } as Finding;
    const text = formatText({ files: [{ filePath: 'cib.xml', findings: [finding], errors: [], source: line }], rules: [], root: ROOT }, { color: false });
    const frame = text.split('\n').find((each) => each.includes(' | …'))!;
    expect(frame).toContain('…😀');
    expect(frame).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // The caret is still under `class`, counting the emoji as one character.
    const caret = text.split('\n')[text.split('\n').indexOf(frame) + 1]!;
    expect(Array.from(caret).indexOf('^')).toBe(Array.from(frame).indexOf('c', Array.from(frame).indexOf('😀')));
  });
});

describe('cib-lint rules and explain', () => {
  it('rules shows every level a rule can report', async () => {
    const text = await runInProcess(['rules', '--no-config']);
    expect(text.stdout).toMatch(/^validate-with +error,warning,note +/m);
    expect(text.stdout).toMatch(/^bundle-rkt-unsupported +error,warning +/m);
    expect(text.stdout).toMatch(/^monitor-missing +warning +/m);
    const json = JSON.parse((await runInProcess(['rules', '--format', 'json', '--no-config'])).stdout) as Array<{ id: string; levels: string[]; origin: string }>;
    expect(json.find((rule) => rule.id === 'pacemaker3-removed')).toMatchObject({ levels: ['error', 'warning', 'note'], origin: 'built-in' });
  });

  it("lists and explains the configuration's plugin and policy rules", async () => {
    const dir = folder({
      '.cib-lint.yaml': [
        `plugins: [${JSON.stringify(join(ROOT, 'examples/plugins/image-pinned.mjs'))}]`,
        'policies:',
        '  - id: no-latest-tag',
        '    level: warning',
        '    description: Images name a version',
        '    select: //docker',
        '    assert: not(contains(@image, ":latest"))',
        '    message: the image is latest',
        '',
      ].join('\n'),
    });
    const rules = await runInProcess(['rules'], { cwd: dir });
    expect(rules.status).toBe(0);
    expect(rules.stdout).toMatch(/^image-pinned +error +Bundle containers run an image pinned .* \(plugin\)$/m);
    expect(rules.stdout).toMatch(/^no-latest-tag +error,warning +Images name a version \(policy\)$/m);
    expect(rules.stdout).toContain('(2 from the configuration)');
    const plugin = await runInProcess(['explain', 'image-pinned'], { cwd: dir });
    expect(plugin.stdout).toContain('# image-pinned\n');
    expect(plugin.stdout).toContain('- From: a plugin');
    expect(plugin.stdout).toContain('- `latest`: Bundle "{{bundle}}" runs image');
    const policy = await runInProcess(['explain', 'no-latest-tag'], { cwd: dir });
    expect(policy.stdout).toContain('- From: a policy in the configuration file');
    expect(policy.stdout).toContain('- `violated`: the image is latest');
    // A built-in rule's page needs no configuration.
    expect((await runInProcess(['explain', 'monitor-missing'], { cwd: dir })).stdout).toBe(readText(join(ROOT, 'docs/rules/monitor-missing.md')));
  });
});

describe('documentation', () => {
  it('says what crmsh 4.4 prints for comments and points to id-based suppressions', () => {
    const page = readText(join(ROOT, 'docs/suppressions.md'));
    expect(page).toContain('unrecognized CIB element <cyfunction Comment');
    expect(page).toMatch(/### Comments and crmsh[\s\S]*suppressions:\n {2}- rule: bundle-control-port-replicas-per-host\n {4}id: lab-bundle/);
  });
});
