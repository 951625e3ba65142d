// --fix, --fix-dry-run and --fix-rule on the command, and the fixes in every output format.
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { ROOT, runInProcess, sarifSchemaErrors } from './helpers.js';
import { FixSession, writeFixedFiles } from '../src/app/fix.js';
import { lintOperands, prepareRun } from '../src/app/run.js';

const EXAMPLE = join(ROOT, 'fixtures/examples/httpd-bundle.xml');

function copyOf(source: string, name = 'cib.xml'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cib-lint-fix-'));
  const file = join(dir, name);
  writeFileSync(file, readFileSync(source));
  return { dir, file };
}

describe('--fix', () => {
  it('writes the fixed file, lists each fix, and reports what is left', async () => {
    const { dir, file } = copyOf(EXAMPLE);
    const before = readFileSync(file, 'utf8');
    const result = await runInProcess(['--fix', 'cib.xml'], { cwd: dir });
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(result.stderr).toContain('cib-lint: fixed cib.xml:24: bundle-control-port-replicas-per-host: Set replicas-per-host to 1');
    expect(after).toContain('replicas-per-host="1"');
    expect(after).not.toContain('httpd-authkey');
    // The report is of the fixed file: the fixed problems are gone from it.
    expect(result.stdout).not.toContain('bundle-control-port-replicas-per-host');
    expect(result.stdout).not.toContain('fixable with --fix');
    // A second run changes nothing.
    const again = await runInProcess(['--fix', 'cib.xml'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(after);
    expect(again.stderr).not.toContain('fixed');
  });

  it('--fix-rule applies only that rule\'s fixes; an unknown id is a usage error', async () => {
    const { dir, file } = copyOf(EXAMPLE);
    await runInProcess(['--fix', '--fix-rule', 'bundle-authkey-location', 'cib.xml'], { cwd: dir });
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain('httpd-authkey');
    expect(after).toContain('replicas-per-host="2"');
    const unknown = await runInProcess(['--fix', '--fix-rule', 'bundle-authkey-locaton', 'cib.xml'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--fix-rule bundle-authkey-locaton: unknown rule');
    expect((await runInProcess(['--fix-rule', 'score-valid', 'cib.xml'], { cwd: dir })).stderr).toContain('--fix-rule limits --fix or --fix-dry-run');
  });

  /** A session that has fixed `file` in memory, through the command's own linter. */
  async function fixedInMemory(file: string): Promise<FixSession> {
    const prepared = await prepareRun({ cwd: ROOT, noConfig: true });
    const session = new FixSession({ report: 'fixed' });
    lintOperands(prepared, [file], { cwd: ROOT, warn: () => undefined, fixer: session.fixer });
    expect(session.files).toHaveLength(1);
    return session;
  }

  it('does not overwrite a file that changed on disk after it was read', async () => {
    const { file } = copyOf(EXAMPLE);
    const bytes = readFileSync(file);
    const session = await fixedInMemory(file);
    // Another program writes the file meanwhile.
    writeFileSync(file, `${bytes.toString()} `);
    const outcome = writeFixedFiles(session, tmpdir());
    expect(outcome.written).toEqual([]);
    expect(outcome.refused[0]!.reason).toContain('changed on disk');
    expect(readFileSync(file, 'utf8')).toBe(`${bytes.toString()} `);
  });

  it('notices a change that keeps the size and the modification time, by content', async () => {
    const { file } = copyOf(EXAMPLE);
    const bytes = readFileSync(file);
    const session = await fixedInMemory(file);
    const { mtime } = statSync(file);
    writeFileSync(file, bytes.toString().replace('httpd-bundle', 'httpd-bundlf'));
    utimesSync(file, mtime, mtime);
    expect(writeFixedFiles(session, tmpdir()).refused).toHaveLength(1);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff of only the changed lines and writes nothing', async () => {
    const { dir, file } = copyOf(EXAMPLE);
    const before = readFileSync(file, 'utf8');
    const result = await runInProcess(['--fix-dry-run', 'cib.xml'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['--- a/cib.xml', '+++ b/cib.xml']);
    const changed = result.stdout.split('\n').filter((line) => /^[-+][^-+]/.test(line));
    expect(changed).toEqual([
      '-        <docker image="pcmktest:http" replicas="3" replicas-per-host="2" network="host" options="--log-driver=journald"/>',
      '+        <docker image="pcmktest:http" replicas="3" replicas-per-host="1" network="host" options="--log-driver=journald"/>',
      '-          <storage-mapping id="httpd-authkey" source-dir="/etc/pacemaker/authkey" target-dir="/etc/pacemaker/authkey"/>',
      '-          <storage-mapping id="db-data" source-dir="/var/lib/mysql" target-dir="var/lib/mysql"/>',
      '+          <storage-mapping id="db-data" source-dir="/var/lib/mysql" target-dir="/var/lib/mysql"/>',
    ]);
    expect(result.stderr).toContain('--fix would apply 3 fixes in 1 file; nothing written');
    // The exit code is the lint's (the file still has errors).
    expect(result.status).toBe(1);
  });

  it('keeps standard output for the diff: a report there is refused', async () => {
    const result = await runInProcess(['--fix-dry-run', '--format', 'json', EXAMPLE]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--fix-dry-run prints the diff on standard output');
    expect((await runInProcess(['--fix', '--fix-dry-run', EXAMPLE])).status).toBe(2);
  });
});

describe('fixes in the formats', () => {
  it('json: fixes and suggestions with their edits', async () => {
    const json = JSON.parse((await runInProcess([EXAMPLE, '--format', 'json'])).stdout);
    const finding = json.files[0].findings.find((each: { ruleId: string }) => each.ruleId === 'bundle-control-port-replicas-per-host');
    const text = readFileSync(EXAMPLE);
    expect(finding.fixes).toEqual([
      {
        title: 'Set replicas-per-host to 1, the value Pacemaker uses',
        edits: [{ line: 24, column: 71, endLine: 24, endColumn: 72, offset: expect.any(Number), endOffset: expect.any(Number), text: '1' }],
        commands: [['pcs', 'resource', 'bundle', 'update', 'httpd-bundle', 'container', 'replicas-per-host=1']],
      },
    ]);
    const edit = finding.fixes[0].edits[0];
    expect(text.subarray(edit.offset, edit.endOffset).toString()).toBe('2');
    expect(finding.suggestions[0].title).toBe('Give each replica an address instead, so several fit on a host');
  });

  it('sarif: fixes[] with artifactChanges and replacements, valid against the SARIF schema', async () => {
    const log = JSON.parse((await runInProcess([EXAMPLE, '--format', 'sarif'])).stdout) as Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const result = log.runs[0]!.results!.find((each) => each.ruleId === 'bundle-authkey-location')!;
    expect(result.fixes).toEqual([
      {
        description: { text: 'Remove the storage mapping of the authkey, which Pacemaker makes itself' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'fixtures/examples/httpd-bundle.xml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { byteOffset: expect.any(Number), byteLength: expect.any(Number) } }],
          },
        ],
      },
    ]);
    const region = result.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion;
    expect(readFileSync(EXAMPLE).subarray(region.byteOffset!, region.byteOffset! + region.byteLength!).toString()).toMatch(/^ *<storage-mapping id="httpd-authkey"[^\n]*\n$/);
  });

  it('text: fixable findings are marked and counted', async () => {
    const { stdout } = await runInProcess([EXAMPLE]);
    expect(stdout).toContain('fixable: Set replicas-per-host to 1, the value Pacemaker uses (--fix)');
    expect(stdout).toContain('suggestion: Give each replica an address instead, so several fit on a host: pcs resource bundle update httpd-bundle network \'ip-range-start=<first-free-address>\'');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('  3 problems fixable with --fix');
  });

  it('pcs: a script of the safe fixes between saving and pushing the CIB', async () => {
    const { stdout, status } = await runInProcess([EXAMPLE, '--format', 'pcs']);
    expect(status).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('#!/bin/sh');
    expect(lines).toContain('pcs cluster cib "$orig"');
    expect(lines.filter((line) => line.startsWith('pcs -f'))).toEqual([
      'pcs -f "$new" resource bundle update httpd-bundle container replicas-per-host=1',
      'pcs -f "$new" resource bundle update httpd-bundle storage-map delete httpd-authkey',
      // pcs cannot change a storage mapping in place: it is deleted and added again, corrected.
      'pcs -f "$new" resource bundle update db-bundle storage-map delete db-data',
      'pcs -f "$new" resource bundle update db-bundle storage-map add id=db-data source-dir=/var/lib/mysql target-dir=/var/lib/mysql',
    ]);
    expect(lines.indexOf('pcs cluster cib-push "$new" diff-against="$orig"')).toBeGreaterThan(lines.indexOf('pcs cluster cib "$orig"'));
  });
});
