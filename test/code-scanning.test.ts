// Code scanning that stays correct (issue 19, item 5) and the Action without surprises (item 6):
// SARIF paths from the repository's root whichever folder the run starts in, suppressed findings
// left out unless asked for, the rule's whole docs page as help; on a runner without Pacemaker's
// schemas one notice per run, and install-schemas.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { ROOT, runAction, runInProcess, sarifSchemaErrors, writeFiles } from './helpers.js';

const FINDINGS = readFileSync(join(ROOT, 'fixtures/examples/httpd-bundle.xml'), 'utf8');
const CLEAN = readFileSync(join(ROOT, 'fixtures/examples/clean.xml'), 'utf8');
const INSTALLED_SCHEMAS = '/usr/share/pacemaker';

function folder(files: Record<string, string>): string {
  return writeFiles(mkdtempSync(join(tmpdir(), 'cib-lint-scanning-')), files);
}

const uris = (log: Log) => log.runs[0]!.results!.map((result) => result.locations![0]!.physicalLocation!.artifactLocation!);

describe('SARIF for code scanning', () => {
  it('names files relative to the git top level when the command runs in a subfolder', async () => {
    const repository = folder({ '.git/HEAD': 'ref: refs/heads/main\n', 'clusters/prod/cib.xml': FINDINGS });
    const result = await runInProcess(['cib.xml', '--format', 'sarif'], { cwd: join(repository, 'clusters/prod') });
    const log = JSON.parse(result.stdout) as Log;
    expect(new Set(uris(log).map((location) => `${location.uriBaseId} ${location.uri}`))).toEqual(new Set(['%SRCROOT% clusters/prod/cib.xml']));
    expect(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${repository}/`);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('names them relative to GITHUB_WORKSPACE when there is no .git above', async () => {
    const workspace = folder({ 'clusters/prod/cib.xml': FINDINGS });
    const result = await runInProcess(['cib.xml', '--format', 'sarif'], { cwd: join(workspace, 'clusters/prod'), env: { GITHUB_WORKSPACE: workspace } });
    expect(new Set(uris(JSON.parse(result.stdout) as Log).map((location) => location.uri))).toEqual(new Set(['clusters/prod/cib.xml']));
  });

  it('the Action names them relative to a checkout below the workspace, from any working-directory', () => {
    const workspace = folder({ 'checkout/.git/HEAD': 'ref: refs/heads/main\n', 'checkout/clusters/prod/cib.xml': FINDINGS });
    const run = runAction(workspace, { files: 'cib.xml', 'working-directory': 'checkout/clusters/prod' });
    expect(run.status).toBe(1);
    const log = JSON.parse(readFileSync(join(workspace, 'checkout/clusters/prod/cib-lint.sarif'), 'utf8')) as Log;
    expect(new Set(uris(log).map((location) => location.uri))).toEqual(new Set(['clusters/prod/cib.xml']));
  });

  it('leaves suppressed findings out unless --sarif-suppressed, and says how many', async () => {
    const suppressed = FINDINGS.replace('      <bundle id="httpd-bundle">', '      <!-- cib-lint-disable-next-element bundle-port-mapping-host-network (reason: lab) -->\n      <bundle id="httpd-bundle">');
    const dir = folder({ '.git/HEAD': '', 'cib.xml': suppressed });
    const left = JSON.parse((await runInProcess(['cib.xml', '--format', 'sarif'], { cwd: dir })).stdout) as Log;
    expect(left.runs[0]!.results!.map((result) => result.ruleId)).not.toContain('bundle-port-mapping-host-network');
    expect(left.runs[0]!.results!.every((result) => result.suppressions === undefined)).toBe(true);
    expect(left.runs[0]!.properties).toMatchObject({ 'cibLint/suppressedLeftOut': 1 });
    const kept = JSON.parse((await runInProcess(['cib.xml', '--format', 'sarif', '--sarif-suppressed'], { cwd: dir })).stdout) as Log;
    const result = kept.runs[0]!.results!.find((each) => each.ruleId === 'bundle-port-mapping-host-network');
    expect(result?.suppressions).toEqual([{ kind: 'inSource', justification: 'lab' }]);
    expect(kept.runs[0]!.properties?.['cibLint/suppressedLeftOut']).toBeUndefined();
    expect(sarifSchemaErrors(kept)).toEqual([]);
  });

  it("carries each rule's whole docs page as help.markdown, its relative links made absolute", async () => {
    const dir = folder({ '.git/HEAD': '', 'cib.xml': FINDINGS });
    const log = JSON.parse((await runInProcess(['cib.xml', '--format', 'sarif'], { cwd: dir })).stdout) as Log;
    const rule = log.runs[0]!.tool.driver.rules!.find((each) => each.id === 'monitor-missing')!;
    const page = readFileSync(join(ROOT, 'docs/rules/monitor-missing.md'), 'utf8');
    expect(rule.help!.markdown!.startsWith('# monitor-missing\n')).toBe(true);
    expect(rule.help!.markdown).toContain(page.split('\n## Why')[0]!.split('\n').slice(0, 4).join('\n'));
    expect(rule.help!.markdown).toContain('](https://github.com/cib-lint/cib-lint/blob/main/docs/rules/operation-duplicate.md)');
    expect(rule.help!.markdown).not.toMatch(/\]\((?!https?:|#)[^)]+\)/);
  });
});

describe("the Action on a runner without Pacemaker's schemas", () => {
  it('says so once per run, in a notice, instead of a note per file', () => {
    const workspace = folder({ 'cluster/a.xml': CLEAN, 'cluster/b.xml': CLEAN, 'cluster/c.xml': FINDINGS });
    const run = runAction(workspace, { files: 'cluster/' }, { env: { CIB_LINT_SCHEMA_DIR: join(workspace, 'no-schemas') } });
    const notices = run.stdout.split('\n').filter((line) => line.startsWith('::notice title=cib-lint: schema validation skipped::'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Schema validation was skipped for 3 files');
    expect(notices[0]).toContain('install-schemas: true');
    expect(run.stdout).not.toMatch(/^::(notice|warning|error) [^\n]*title=schema/m);
    const log = JSON.parse(readFileSync(join(workspace, 'cib-lint.sarif'), 'utf8')) as Log;
    expect(log.runs[0]!.results!.filter((result) => result.ruleId === 'schema')).toEqual([]);
    expect(run.summary).toContain('Schema validation was skipped for 3 files');
  });

  it('install-schemas: true runs apt-get install pacemaker-common, with apt-get update only when needed', (context) => {
    if (!existsSync(join(INSTALLED_SCHEMAS, 'pacemaker-3.0.rng'))) {
      console.warn(`install-schemas test skipped: no schemas in ${INSTALLED_SCHEMAS} for the stand-in apt-get to install`);
      context.skip(`no schemas in ${INSTALLED_SCHEMAS}`);
    }
    const workspace = folder({ 'cluster/cib.xml': CLEAN });
    const schemas = join(workspace, 'schemas');
    const bin = join(workspace, 'bin');
    const log = join(workspace, 'apt.log');
    // Stand-ins for sudo and apt-get: apt-get knows the package only after an update, and installs
    // it by copying the machine's schemas where CIB_LINT_SCHEMA_DIR points.
    mkdirSync(bin);
    writeFileSync(join(bin, 'sudo'), '#!/bin/sh\necho "sudo $*" >> "$APT_LOG"\n[ "$1" = -n ] && shift\nexec "$@"\n');
    writeFileSync(
      join(bin, 'apt-get'),
      [
        '#!/bin/sh',
        'echo "apt-get $*" >> "$APT_LOG"',
        'case "$1" in',
        `  update) touch "$APT_LOG.updated" ;;`,
        `  install) [ -e "$APT_LOG.updated" ] || { echo "E: Unable to locate package pacemaker-common" >&2; exit 100; }; mkdir -p "$CIB_LINT_SCHEMA_DIR" && cp ${INSTALLED_SCHEMAS}/*.rng "$CIB_LINT_SCHEMA_DIR"/ ;;`,
        'esac',
        '',
      ].join('\n'),
    );
    for (const name of ['sudo', 'apt-get']) chmodSync(join(bin, name), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, CIB_LINT_SCHEMA_DIR: schemas, APT_LOG: log };
    const run = runAction(workspace, { files: 'cluster/', 'install-schemas': 'true' }, { env });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const calls = readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('apt-get'));
    expect(calls).toEqual(['apt-get install -y -qq --no-install-recommends pacemaker-common', 'apt-get update -qq', 'apt-get install -y -qq --no-install-recommends pacemaker-common']);
    expect(readdirSync(schemas)).toContain('pacemaker-3.0.rng');
    expect(run.stdout).toContain(`installed Pacemaker's schemas (pacemaker-common) into ${schemas}`);
    expect(run.stdout).not.toContain('schema validation skipped');

    // Installed already: nothing runs again.
    copyFileSync(join(ROOT, 'fixtures/examples/clean.xml'), join(workspace, 'cluster/cib.xml'));
    const again = runAction(workspace, { files: 'cluster/', 'install-schemas': 'true' }, { env });
    expect(again.status).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('apt-get'))).toHaveLength(3);
    expect(again.stdout).toContain("Pacemaker's schemas are installed already");
  });

  it('a failed install is a warning, and the lint still runs', () => {
    const workspace = folder({ 'cluster/cib.xml': CLEAN });
    const bin = join(workspace, 'bin');
    mkdirSync(bin);
    for (const name of ['sudo', 'apt-get']) {
      writeFileSync(join(bin, name), '#!/bin/sh\necho "E: Could not open lock file" >&2\nexit 100\n');
      chmodSync(join(bin, name), 0o755);
    }
    const run = runAction(workspace, { files: 'cluster/', 'install-schemas': 'true' }, { env: { PATH: `${bin}:${process.env.PATH ?? ''}`, CIB_LINT_SCHEMA_DIR: join(workspace, 'none') } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^::warning title=cib-lint::cib-lint: install-schemas: apt-get install pacemaker-common failed \(exit 100\): E: Could not open lock file/m);
    expect(run.stdout).toContain('::notice title=cib-lint: schema validation skipped::Schema validation was skipped for 1 file:');
  });
});
