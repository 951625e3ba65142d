// Configuration, suppressions, baselines, plugins and policies, through the built command.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Log } from 'sarif';
import { githubSarifProblems, ROOT, runInProcess, sarifSchemaErrors, writeFiles } from './helpers.js';
import { findConfigFile } from '../src/app/config.js';

const EXAMPLE = join(ROOT, 'fixtures/examples/httpd-bundle.xml');

function workspace(files: Record<string, string> = {}): string {
  const dir = writeFiles(mkdtempSync(join(tmpdir(), 'cib-lint-config-')), files);
  cpSync(EXAMPLE, join(dir, 'cib.xml'));
  return dir;
}

interface JsonFinding {
  ruleId: string;
  level: string;
  line: number;
  message: string;
  fingerprint: string;
  suppressed: boolean;
  suppressions?: { kind: string; justification: string }[];
}

async function lintJson(dir: string, args: string[] = [], file = 'cib.xml') {
  const result = await runInProcess([file, '--format', 'json', ...args], { cwd: dir });
  if (result.status === 2 && !result.stdout) throw new Error(result.stderr);
  const json = JSON.parse(result.stdout);
  return { status: result.status, stderr: result.stderr, summary: json.summary, findings: json.files[0].findings as JsonFinding[] };
}

const ruleIds = (findings: JsonFinding[]) => [...new Set(findings.map((finding) => finding.ruleId))].sort();

describe('configuration files', () => {
  it('is found upward from the working directory and turns rules off', async () => {
    const dir = workspace({ '.cib-lint.yaml': 'rules:\n  bundle-control-port-replicas-per-host: off\n  bundle-authkey-location: error\n' });
    mkdirSync(join(dir, 'sub'));
    const { findings } = await lintJson(join(dir, 'sub'), [], '../cib.xml');
    expect(ruleIds(findings)).not.toContain('bundle-control-port-replicas-per-host');
    expect(findings.find((finding) => finding.ruleId === 'bundle-authkey-location')?.level).toBe('error');
  });

  it('reads .cib-lint.json, --config FILE, and --no-config ignores files', async () => {
    const dir = workspace({ '.cib-lint.json': JSON.stringify({ rules: { 'bundle-authkey-location': 'off' } }), 'strict.yml': 'extends: all\nrules:\n  monitor-missing: [error, {}]\n' });
    expect(ruleIds((await lintJson(dir)).findings)).not.toContain('bundle-authkey-location');
    expect(ruleIds((await lintJson(dir, ['--no-config'])).findings)).toContain('bundle-authkey-location');
    expect(ruleIds((await lintJson(dir, ['--config', 'strict.yml'])).findings)).toContain('bundle-authkey-location');
  });

  it('--rule on the command line overrides the file', async () => {
    const dir = workspace({ '.cib-lint.yaml': 'rules:\n  bundle-authkey-location: off\n' });
    expect(ruleIds((await lintJson(dir, ['--rule', 'bundle-authkey-location=note'])).findings)).toContain('bundle-authkey-location');
  });

  it.each([
    ['unknown key', 'rulez:\n  x: off\n', /\.cib-lint\.yaml:1:1: rulez: unknown key; did you mean rules\?/],
    ['unknown rule id', 'rules:\n  no-such-rule: off\n', /\.cib-lint\.yaml:2:3: rules\.no-such-rule: unknown rule id/],
    ['bad level', 'rules:\n  unique-ids: loud\n', /\.cib-lint\.yaml:2:15: rules\.unique-ids/],
    ['bad pacemaker version', 'pacemaker: three\n', /\.cib-lint\.yaml:1:12: pacemaker: must match/],
    ['bad YAML', 'rules: [\n', /\.cib-lint\.yaml:2:1: not valid YAML/],
  ])('rejects a config with an %s: one line naming line and column, exit 2', async (_, content, message) => {
    const dir = workspace({ '.cib-lint.yaml': content });
    const result = await runInProcess(['cib.xml'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('--print-config shows the effective configuration', async () => {
    const dir = workspace({ '.cib-lint.yaml': 'extends: all\npacemaker: "3.0"\nrules:\n  fencing-disabled: off\n' });
    const result = await runInProcess(['--print-config', '--rule', 'unique-ids=warning'], { cwd: dir });
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout);
    expect(config).toMatchObject({ extends: 'all', pacemaker: '3.0', rules: { 'fencing-disabled': { level: 'off' }, 'unique-ids': { level: 'warning' } } });
    expect(Object.keys(config.rules).length).toBeGreaterThanOrEqual(58);
  });

  it('the Pacemaker version from --pacemaker or the configuration sets pacemaker3-removed\'s level', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'cib.xml'), readFileSync(join(ROOT, 'fixtures/pacemaker3-removed/invalid.xml')));
    // The first finding is a dropped resource: a warning before Pacemaker 3, an error on it.
    const level = async (args: string[]) => (await lintJson(dir, args)).findings.find((finding) => finding.ruleId === 'pacemaker3-removed' && finding.level !== 'note')?.level;
    expect(await level(['--pacemaker', '2.1'])).toBe('warning');
    expect(await level(['--pacemaker', '3.0'])).toBe('error');
    writeFileSync(join(dir, '.cib-lint.yaml'), 'pacemaker: "2.1"\n');
    expect(await level([])).toBe('warning');
    expect(await level(['--pacemaker', '3.0'])).toBe('error');
  });

  it('ignore globs skip files', async () => {
    const dir = workspace({ '.cib-lint.yaml': 'ignore: ["legacy/**"]\n' });
    mkdirSync(join(dir, 'legacy'));
    cpSync(EXAMPLE, join(dir, 'legacy/old.xml'));
    const json = JSON.parse((await runInProcess(['.', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.files.map((file: { path: string }) => file.path)).toEqual(['cib.xml']);
  });
});

describe('where the configuration file is looked for', () => {
  // A folder tree: outer/ holds a configuration, outer/repo/ is a checkout (it has .git), and the
  // command runs in outer/repo/clusters/prod.
  function tree(files: Record<string, string>): string {
    const dir = writeFiles(mkdtempSync(join(tmpdir(), 'cib-lint-search-')), files);
    mkdirSync(join(dir, 'outer/repo/clusters/prod'), { recursive: true });
    return dir;
  }
  const OFF = 'rules:\n  bundle-control-port-replicas-per-host: off\n';

  it('takes the nearest file at or above the working directory, up to the checkout', () => {
    const dir = tree({ 'outer/repo/.git/HEAD': 'ref: refs/heads/main\n', 'outer/repo/.cib-lint.yml': OFF, 'outer/repo/clusters/.cib-lint.json': '{}' });
    expect(findConfigFile(join(dir, 'outer/repo/clusters/prod'))).toBe(join(dir, 'outer/repo/clusters/.cib-lint.json'));
    expect(findConfigFile(join(dir, 'outer/repo'))).toBe(join(dir, 'outer/repo/.cib-lint.yml'));
  });

  it('does not look above the folder that holds .git: a file there belongs to no checkout', async () => {
    const dir = tree({ 'outer/.cib-lint.yaml': OFF, 'outer/repo/.git': 'gitdir: ../../elsewhere\n' });
    expect(findConfigFile(join(dir, 'outer/repo/clusters/prod'))).toBeUndefined();
    // Without the .git file the same folder would be configured from above.
    const open = tree({ 'outer/.cib-lint.yaml': OFF });
    expect(findConfigFile(join(open, 'outer/repo/clusters/prod'))).toBe(join(open, 'outer/.cib-lint.yaml'));
    // And the command applies what it finds: the rule the outer file turns off is still reported.
    cpSync(EXAMPLE, join(dir, 'outer/repo/clusters/prod/cib.xml'));
    const { findings } = await lintJson(join(dir, 'outer/repo/clusters/prod'));
    expect(ruleIds(findings)).toContain('bundle-control-port-replicas-per-host');
  });

  it('does not look above the file system it starts on (a folder on its own mount)', (context) => {
    const dir = tree({ 'outer/.cib-lint.yaml': OFF });
    const mounted = join(dir, 'outer/repo');
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'cib-lint-test', mounted], { encoding: 'utf8' });
    if (mount.status !== 0) {
      console.warn(`test/config: the file-system boundary is not checked: cannot mount a tmpfs here (${(mount.stderr || mount.error?.message || '').trim()})`);
      context.skip();
      return;
    }
    onTestFinished(() => {
      spawnSync('umount', [mounted]);
    });
    mkdirSync(join(mounted, 'clusters/prod'), { recursive: true });
    // outer/ holds a configuration and outer/repo/ has no .git: only the mount stops the search.
    expect(findConfigFile(join(mounted, 'clusters/prod'))).toBeUndefined();
    writeFileSync(join(mounted, '.cib-lint.yml'), OFF);
    expect(findConfigFile(join(mounted, 'clusters/prod'))).toBe(join(mounted, '.cib-lint.yml'));
  });

  it('does not look above the stop folder it is given (the Action passes its workspace)', () => {
    const dir = tree({ 'outer/.cib-lint.yaml': OFF });
    expect(findConfigFile(join(dir, 'outer/repo/clusters/prod'), join(dir, 'outer/repo'))).toBeUndefined();
    expect(findConfigFile(join(dir, 'outer/repo/clusters/prod'), join(dir, 'outer'))).toBe(join(dir, 'outer/.cib-lint.yaml'));
  });
});

describe('inline suppressions', () => {
  const withComment = (comment: string) =>
    readFileSync(EXAMPLE, 'utf8').replace('      <bundle id="httpd-bundle">', `      ${comment}\n      <bundle id="httpd-bundle">`);

  it('suppress the next element and its subtree, with a reason: counted, kept in SARIF as inSource with --sarif-suppressed', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'cib.xml'), withComment('<!-- cib-lint-disable-next-element bundle-control-port-replicas-per-host (reason: lab cluster, one host) -->'));
    const { findings, summary, status } = await lintJson(dir);
    const suppressed = findings.find((finding) => finding.ruleId === 'bundle-control-port-replicas-per-host')!;
    expect(suppressed.suppressed).toBe(true);
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', justification: 'lab cluster, one host' }]);
    expect(summary.suppressed).toBe(1);
    expect(ruleIds(findings)).not.toContain('suppression-reason');
    // The other bundle still has an error.
    expect(status).toBe(1);
    const text = (await runInProcess(['cib.xml'], { cwd: dir })).stdout;
    expect(text).not.toContain('bundle-control-port-replicas-per-host');
    expect(text).toContain('1 suppressed');
    // Code scanning would show a suppressed result as an open alert: SARIF keeps it only when asked.
    const without = JSON.parse((await runInProcess(['cib.xml', '--format', 'sarif'], { cwd: dir })).stdout) as Log;
    expect(without.runs[0]!.results!.map((candidate) => candidate.ruleId)).not.toContain('bundle-control-port-replicas-per-host');
    const log = JSON.parse((await runInProcess(['cib.xml', '--format', 'sarif', '--sarif-suppressed'], { cwd: dir })).stdout) as Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(githubSarifProblems(log)).toEqual([]);
    const result = log.runs[0]!.results!.find((candidate) => candidate.ruleId === 'bundle-control-port-replicas-per-host')!;
    expect(result.suppressions).toEqual([{ kind: 'inSource', justification: 'lab cluster, one host' }]);
  });

  it('a suppression without a reason is reported itself', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'cib.xml'), withComment('<!-- cib-lint-disable-next-element bundle-control-port-replicas-per-host -->'));
    const { findings } = await lintJson(dir);
    expect(findings.find((finding) => finding.ruleId === 'bundle-control-port-replicas-per-host')!.suppressed).toBe(true);
    expect(findings.find((finding) => finding.ruleId === 'suppression-reason')).toMatchObject({ level: 'warning', line: 23 });
  });

  it('disable ... enable covers a region only', async () => {
    const dir = workspace();
    const source = readFileSync(EXAMPLE, 'utf8')
      .replace('      <bundle id="db-bundle">', '      <!-- cib-lint-enable bundle-storage-absolute-paths -->\n      <bundle id="db-bundle">')
      .replace('      <bundle id="httpd-bundle">', '      <!-- cib-lint-disable bundle-storage-absolute-paths, bundle-control-port-replicas-per-host (reason: migrating) -->\n      <bundle id="httpd-bundle">');
    writeFileSync(join(dir, 'cib.xml'), source);
    const { findings } = await lintJson(dir);
    // Inside the region: suppressed; db-bundle comes after the enable: still reported.
    expect(findings.find((finding) => finding.ruleId === 'bundle-control-port-replicas-per-host')!.suppressed).toBe(true);
    expect(findings.find((finding) => finding.ruleId === 'bundle-storage-absolute-paths')!.suppressed).toBe(false);
  });

  it('--no-inline-suppressions ignores them; --report-unused-suppressions reports idle ones', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'cib.xml'), withComment('<!-- cib-lint-disable-next-element bundle-control-port-replicas-per-host, unique-ids (reason: lab) -->'));
    expect((await lintJson(dir, ['--no-inline-suppressions'])).summary.suppressed).toBe(0);
    expect(ruleIds((await lintJson(dir)).findings)).not.toContain('unused-suppression');
    writeFileSync(join(dir, 'cib.xml'), withComment('<!-- cib-lint-disable-next-element unique-ids (reason: lab) -->'));
    expect((await lintJson(dir, ['--report-unused-suppressions'])).findings.find((finding) => finding.ruleId === 'unused-suppression')).toMatchObject({ line: 23 });
  });
});

describe('suppressions by element id in the configuration', () => {
  it('suppress with an external justification until they expire, then report again', async () => {
    const config = (expires: string) =>
      `suppressions:\n  - { rule: bundle-control-port-replicas-per-host, id: httpd-bundle, reason: "single-host lab", expires: ${expires} }\n`;
    const active = workspace({ '.cib-lint.yaml': config('2999-12-31') });
    const kept = (await lintJson(active)).findings.find((finding) => finding.ruleId === 'bundle-control-port-replicas-per-host')!;
    expect(kept.suppressions).toEqual([{ kind: 'external', justification: 'single-host lab' }]);
    const expired = workspace({ '.cib-lint.yaml': config('2020-01-01') });
    const { findings } = await lintJson(expired);
    expect(findings.find((finding) => finding.ruleId === 'bundle-control-port-replicas-per-host')!.suppressed).toBe(false);
    expect(findings.find((finding) => finding.ruleId === 'suppression-expired')!.message).toContain('expired on 2020-01-01');
  });
});

describe('baselines and --diff-against', () => {
  it('round trip: a baseline hides what it recorded, survives reformatting, and shows what is new', async () => {
    const dir = workspace();
    expect((await runInProcess(['cib.xml', '--write-baseline', 'baseline.json', '--format', 'json'], { cwd: dir })).status).toBe(1);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.findings.length).toBeGreaterThan(0);
    const clean = await lintJson(dir, ['--baseline', 'baseline.json']);
    expect(clean.findings).toEqual([]);
    expect(clean.status).toBe(0);
    // Reindent the whole file and add a new problem.
    const reformatted = readFileSync(EXAMPLE, 'utf8')
      .split('\n')
      .map((line) => `  ${line.replace(/^(\s*)/, '$1$1')}`)
      .join('\n')
      .replace('<constraints>', '<constraints>\n<rsc_location id="loc-ghost" rsc="ghost" node="node1" score="10"/>');
    writeFileSync(join(dir, 'cib.xml'), reformatted);
    const { findings } = await lintJson(dir, ['--baseline', 'baseline.json']);
    expect(ruleIds(findings)).toEqual(['constraint-unknown-reference']);
  });

  it('--diff-against reports only what the edit adds, whatever the order of elements', async () => {
    const dir = workspace();
    cpSync(EXAMPLE, join(dir, 'tmp-cib.xml.deltasrc'));
    // Reorder: the two bundles swap places, and one new problem appears.
    const source = readFileSync(EXAMPLE, 'utf8');
    const httpd = source.slice(source.indexOf('      <!-- The bundle'), source.indexOf('      <bundle id="db-bundle">'));
    const db = source.slice(source.indexOf('      <bundle id="db-bundle">'), source.indexOf('    </resources>'));
    const edited = source.replace(httpd + db, db + httpd).replace('replicas="3"/>', 'replicas="3" replicas-per-host="0"/>');
    writeFileSync(join(dir, 'cib.xml'), edited);
    expect((await lintJson(dir)).findings.length).toBeGreaterThan(1);
    const { findings, status } = await lintJson(dir, ['--diff-against', 'tmp-cib.xml.deltasrc']);
    expect(ruleIds(findings)).toEqual(['bundle-attribute-values']);
    expect(status).toBe(1);
  });
});

describe('plugins', () => {
  const throwing = `import { defineRule } from 'cib-lint';
export default [
  defineRule({ meta: { id: 'acme-crash', level: 'error', description: 'always throws for the test', constraint: { title: 't', source: 't' }, tags: ['test'], messages: { m: { text: 'never' } } },
    check() { throw new Error('boom in plugin'); } }),
];
`;
  it('a plugin rule that throws is an internal-error finding naming it, exit 2, other findings kept', async () => {
    const dir = workspace({ 'node_modules/.keep': '' });
    writeFileSync(join(dir, 'crash.mjs'), throwing.replace("from 'cib-lint'", `from '${join(ROOT, 'build/index.mjs')}'`));
    writeFileSync(join(dir, '.cib-lint.yaml'), 'plugins: [./crash.mjs]\n');
    const result = await runInProcess(['cib.xml', '--format', 'json'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('rule acme-crash failed: boom in plugin');
    const findings = JSON.parse(result.stdout).files[0].findings as JsonFinding[];
    expect(findings.find((finding) => finding.ruleId === 'internal-error')!.message).toContain('"acme-crash" failed on this file: boom in plugin');
    expect(ruleIds(findings)).toContain('bundle-control-port-replicas-per-host');
  });

  it('a namespaced plugin rule id can be configured with --rule', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'ns.mjs'),
      readFileSync(join(ROOT, 'examples/plugins/image-pinned.mjs'), 'utf8')
        .replace("id: 'image-pinned'", "id: 'acme/image-pinned'")
        .replace("from 'cib-lint'", `from '${join(ROOT, 'build/index.mjs')}'`),
    );
    cpSync(join(ROOT, 'examples/plugins/cluster.xml'), join(dir, 'cib.xml'));
    expect(ruleIds((await lintJson(dir, ['--plugin', 'ns.mjs'])).findings)).toContain('acme/image-pinned');
    expect(ruleIds((await lintJson(dir, ['--plugin', 'ns.mjs', '--rule', 'acme/image-pinned=off'])).findings)).not.toContain('acme/image-pinned');
  });

  it('a module that is not a plugin is a configuration error', async () => {
    const dir = workspace({ 'nothing.mjs': 'export default 42;\n' });
    const result = await runInProcess(['cib.xml', '--plugin', 'nothing.mjs'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/plugin .*nothing\.mjs: its default export must be a rule/);
  });
});

describe('declarative policies', () => {
  const policies = `policies:
  - id: image-registry
    level: error
    select: "//bundle/*[self::docker or self::podman]"
    assert: "starts-with(@image, 'registry.example.com/')"
    message: "bundle {../@id} pulls {@image} from outside the company registry"
  - id: production-replicas
    level: warning
    select: "//bundle[starts-with(@id, 'httpd')]/*[self::docker or self::podman]"
    assert: "number(@replicas) >= 3"
    message: "production bundle {../@id} runs {@replicas} replicas"
  - id: monitor-timeout
    select: "//primitive[not(@template)]"
    assert: "operations/op[@name='monitor' and @timeout]"
    message: "primitive {@id} has no monitor with a timeout"
`;
  it('report where assert is false, with XPath placeholders, at the selected element', async () => {
    const dir = workspace({ '.cib-lint.yaml': policies });
    const { findings } = await lintJson(dir);
    const registry = findings.filter((finding) => finding.ruleId === 'image-registry');
    expect(registry.map((finding) => finding.message)).toEqual([
      'bundle httpd-bundle pulls pcmktest:http from outside the company registry',
      'bundle db-bundle pulls localhost/mariadb:latest from outside the company registry',
    ]);
    expect(registry[0]!.line).toBe(24);
    expect(findings.filter((finding) => finding.ruleId === 'production-replicas')).toEqual([]);
    expect(findings.filter((finding) => finding.ruleId === 'monitor-timeout').map((finding) => finding.message)).toEqual([
      'primitive fence-ipmi has no monitor with a timeout',
      'primitive galera has no monitor with a timeout',
    ]);
  });

  it('a bad XPath is a configuration error naming the policy', async () => {
    const dir = workspace({ '.cib-lint.yaml': 'policies:\n  - { id: broken, select: "//bundle[", assert: "true()", message: "x" }\n' });
    const result = await runInProcess(['cib.xml'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/policies\.broken\.select: invalid XPath "\/\/bundle\["/);
  });
});

describe('the suppression diagnostics are configurable like rules', () => {
  it('suppression-reason can be turned off or raised; internal-error cannot be configured', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'cib.xml'),
      readFileSync(EXAMPLE, 'utf8').replace('      <bundle id="httpd-bundle">', '      <!-- cib-lint-disable-next-element bundle-control-port-replicas-per-host -->\n      <bundle id="httpd-bundle">'),
    );
    expect((await lintJson(dir)).findings.find((finding) => finding.ruleId === 'suppression-reason')?.level).toBe('warning');
    expect(ruleIds((await lintJson(dir, ['--rule', 'suppression-reason=off'])).findings)).not.toContain('suppression-reason');
    writeFileSync(join(dir, '.cib-lint.yaml'), 'rules:\n  suppression-reason: error\n');
    expect((await lintJson(dir)).findings.find((finding) => finding.ruleId === 'suppression-reason')?.level).toBe('error');
    const refused = await runInProcess(['cib.xml', '--rule', 'internal-error=off'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('rules.internal-error: unknown rule id');
  });
});

describe('rule options', () => {
  it('an option a rule does not take is a configuration error naming it', async () => {
    const dir = workspace({ '.cib-lint.yaml': 'rules:\n  monitor-missing: [warning, { minimumInterval: 10 }]\n' });
    const result = await runInProcess(['cib.xml'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/rules\.monitor-missing: unknown option minimumInterval \(it takes no options\)/);
    const empty = workspace({ '.cib-lint.yaml': 'rules:\n  monitor-missing: [warning, {}]\n' });
    expect((await runInProcess(['cib.xml'], { cwd: empty })).status).not.toBe(2);
  });
});
