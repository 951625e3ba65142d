// The Action's job summary shows the diff `cib-lint --fix` would apply (src/action/summary.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../src/action/summary.js';
import { fixDiff, FixSession } from '../src/app/fix.js';
import { lintOperands, prepareRun } from '../src/app/run.js';
import { ROOT } from './helpers.js';

async function lintedWithFixes(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cib-lint-action-fix-'));
  writeFileSync(join(dir, 'cib.xml'), text);
  const prepared = await prepareRun({ cwd: dir, noConfig: true });
  const fixing = new FixSession({ report: 'original' });
  const files = lintOperands(prepared, ['cib.xml'], { cwd: dir, warn: () => undefined, fixer: fixing.fixer });
  const report = { files, rules: prepared.enabled.map(({ rule }) => rule.meta), root: dir };
  const fixes = { count: fixing.changed.reduce((sum, file) => sum + file.applied.length, 0), files: fixing.changed.length, diff: fixing.changed.map(fixDiff).join('') };
  return { report, fixes, dir };
}

describe('the job summary', () => {
  it('has a section with the diff --fix would apply, and the file is not written', async () => {
    const original = readFileSync(join(ROOT, 'fixtures/examples/httpd-bundle.xml'), 'utf8');
    const { report, fixes, dir } = await lintedWithFixes(original);
    expect(readFileSync(join(dir, 'cib.xml'), 'utf8')).toBe(original);
    // The findings reported are the file's as it is.
    expect(report.files[0]!.findings.some((finding) => finding.ruleId === 'bundle-control-port-replicas-per-host')).toBe(true);
    const summary = renderSummary(report, { fixes });
    expect(summary).toContain('### Safe fixes');
    expect(summary).toContain('`cib-lint --fix` would apply 3 fixes in 1 file');
    expect(summary).toContain('```diff\n--- a/cib.xml\n+++ b/cib.xml\n');
    expect(summary).toContain('+        <docker image="pcmktest:http" replicas="3" replicas-per-host="1" network="host" options="--log-driver=journald"/>');
  });

  it('fences the diff so that CIB text cannot close the block', async () => {
    const original = readFileSync(join(ROOT, 'fixtures/examples/httpd-bundle.xml'), 'utf8').replace('The bundle from', '```` The bundle from');
    const { report, fixes } = await lintedWithFixes(original);
    expect(renderSummary(report, { fixes })).toContain('`````diff\n');
  });

  it('says where to see a diff too large for the summary', async () => {
    const { report, fixes } = await lintedWithFixes(readFileSync(join(ROOT, 'fixtures/examples/httpd-bundle.xml'), 'utf8'));
    const summary = renderSummary(report, { fixes, limit: 3000 });
    expect(summary).not.toContain('```diff');
    expect(summary).toContain('`cib-lint --fix-dry-run` on the files shows it');
  });

  it('has no such section when nothing is fixable', async () => {
    const { report, fixes } = await lintedWithFixes(readFileSync(join(ROOT, 'fixtures/examples/clean.xml'), 'utf8'));
    expect(fixes.count).toBe(0);
    expect(renderSummary(report, { fixes })).not.toContain('Safe fixes');
  });
});
