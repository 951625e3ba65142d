// Inline suppressions: regions per rule, stable fingerprints of the suppression diagnostics, and
// the docs link of the engine's own diagnostics. Unit tests on lintSource, then the built command.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { DIAGNOSTIC_METAS, DIAGNOSTICS } from '../src/core/diagnostics.js';
import { type Finding } from '../src/core/linter.js';
import { lintSource } from '../src/app/lint-files.js';
import { REPOSITORY_URL, ruleDocsUrl } from '../src/core/meta.js';
import { defineRule } from '../src/core/rule.js';
import { postProcessFor, type SuppressionOptions } from '../src/core/suppressions.js';
import { ROOT, runCli } from './helpers.js';

/** A rule reporting every `<item>` element, so each item has one finding per rule. */
const itemRule = (id: string) =>
  defineRule({
    meta: {
      id,
      level: 'warning',
      description: `Test rule ${id}`,
      constraint: { title: 'test', source: 'test' },
      tags: ['test'],
      anyDocument: true,
      messages: { item: { text: 'item {{id}}' } },
    },
    check({ cib, report }) {
      for (const element of cib.elementsByName.get('item') ?? []) report({ messageId: 'item', node: element, data: { id: element.id ?? '' } });
    },
  });

const RULES = ['rule-a', 'rule-b', 'rule-c'].map((id) => ({ rule: itemRule(id) }));

function lint(source: string, options: Partial<SuppressionOptions> = {}): Finding[] {
  const postProcess = postProcessFor({ suppressions: [], file: undefined }, { inline: true, reportUnused: false, date: '2024-01-01', ...options });
  const result = lintSource(new TextEncoder().encode(source), 'test.xml', { rules: RULES, postProcess });
  expect(result.errors).toEqual([]);
  return result.findings;
}

/** `rule@item` for each finding that is reported (not suppressed), sorted. */
function active(findings: Finding[]): string[] {
  return findings
    .filter((finding) => !finding.suppressions?.length && finding.ruleId.startsWith('rule-'))
    .map((finding) => `${finding.ruleId}@${finding.elementId}`)
    .sort();
}

const doc = (...lines: string[]) => ['<root>', ...lines.map((line) => `  ${line}`), '</root>', ''].join('\n');

describe('disable ... enable regions, per rule', () => {
  it('a disable comment covers the element after it and that element\'s subtree, nothing after them', () => {
    const findings = lint(
      doc('<item id="i1"/>', '<!-- cib-lint-disable rule-a (reason: x) -->', '<group id="g"><item id="i2"/><item id="i3"/></group>', '<item id="i4"/>'),
    );
    expect(active(findings)).toEqual(['rule-a@i1', 'rule-a@i4', 'rule-b@i1', 'rule-b@i2', 'rule-b@i3', 'rule-b@i4', 'rule-c@i1', 'rule-c@i2', 'rule-c@i3', 'rule-c@i4']);
  });

  it('findings at a line no element carries are covered up to the next element after the subtree', () => {
    const lineRule = defineRule({
      meta: {
        id: 'rule-line',
        level: 'warning',
        description: 'Test rule reporting lines',
        constraint: { title: 'test', source: 'test' },
        tags: ['test'],
        anyDocument: true,
        messages: { line: { text: 'line' } },
      },
      check({ document, reportAt }) {
        document.text.split('\n').forEach((text, index) => {
          if (text.includes('<item')) reportAt({ messageId: 'line', line: index + 1 });
        });
      },
    });
    const postProcess = postProcessFor({ suppressions: [], file: undefined }, { inline: true, reportUnused: false, date: '2024-01-01' });
    const source = doc('<item id="i1"/>', '<!-- cib-lint-disable rule-line (reason: x) -->', '<group id="g">', '<item id="i2"/>', '</group>', '<item id="i3"/>');
    const result = lintSource(new TextEncoder().encode(source), 'test.xml', { rules: [{ rule: lineRule }], postProcess });
    const lines = result.findings.filter((finding) => finding.ruleId === 'rule-line').map((finding) => `${finding.line}${finding.suppressions ? ' suppressed' : ''}`);
    expect(lines).toEqual(['2', '5 suppressed', '7']);
  });

  it('enable with some ids ends the region for those ids only, inside the element', () => {
    const findings = lint(
      doc(
        '<item id="i1"/>',
        '<!-- cib-lint-disable rule-a, rule-b (reason: x) -->',
        '<group id="g">',
        '  <item id="i2"/>',
        '  <!-- cib-lint-enable rule-a -->',
        '  <item id="i3"/>',
        '  <!-- cib-lint-enable rule-b -->',
        '  <item id="i4"/>',
        '</group>',
        '<item id="i5"/>',
      ),
    );
    expect(active(findings)).toEqual(
      ['rule-a@i1', 'rule-b@i1', 'rule-c@i1', 'rule-c@i2', 'rule-a@i3', 'rule-c@i3', 'rule-a@i4', 'rule-b@i4', 'rule-c@i4', 'rule-a@i5', 'rule-b@i5', 'rule-c@i5'].sort(),
    );
  });

  it('a region left open by a partial enable ends with the element, or at an enable without ids', () => {
    const toEnd = lint(
      doc('<!-- cib-lint-disable rule-a, rule-b (reason: x) -->', '<group id="g">', '<item id="i1"/>', '<!-- cib-lint-enable rule-a -->', '<item id="i2"/>', '</group>', '<item id="i3"/>'),
    );
    expect(active(toEnd)).toEqual(['rule-a@i2', 'rule-a@i3', 'rule-b@i3', 'rule-c@i1', 'rule-c@i2', 'rule-c@i3']);
    const enableAll = lint(
      doc(
        '<!-- cib-lint-disable rule-a, rule-b (reason: x) -->',
        '<group id="g">',
        '<!-- cib-lint-enable rule-a -->',
        '<item id="i1"/>',
        '<!-- cib-lint-enable -->',
        '<item id="i2"/>',
        '</group>',
      ),
    );
    expect(active(enableAll)).toEqual(['rule-a@i1', 'rule-a@i2', 'rule-b@i2', 'rule-c@i1', 'rule-c@i2']);
  });

  it('a blanket disable followed by enable of one rule reports that rule again, and only that one', () => {
    const findings = lint(
      doc(
        '<!-- cib-lint-disable (reason: x) -->',
        '<group id="g">',
        '<item id="i1"/>',
        '<!-- cib-lint-enable rule-a -->',
        '<item id="i2"/>',
        '<!-- cib-lint-enable rule-b, rule-a -->',
        '<item id="i3"/>',
        '</group>',
      ),
    );
    expect(active(findings)).toEqual(['rule-a@i2', 'rule-a@i3', 'rule-b@i3']);
    const closed = lint(doc('<!-- cib-lint-disable (reason: x) -->', '<!-- cib-lint-enable rule-a -->', '<!-- cib-lint-enable -->', '<item id="i1"/>'));
    expect(active(closed)).toEqual(['rule-a@i1', 'rule-b@i1', 'rule-c@i1']);
  });

  it('a disable before the end of the file covers nothing and is reported as unused', () => {
    const findings = lint(doc('<item id="i1"/>').replace('</root>', '</root>\n<!-- cib-lint-disable (reason: x) -->'), { reportUnused: true });
    expect(active(findings)).toEqual(['rule-a@i1', 'rule-b@i1', 'rule-c@i1']);
    expect(findings.filter((finding) => finding.ruleId === 'unused-suppression')).toHaveLength(1);
  });

  it('a directive split in pieces is used when any piece suppressed something, and reported once', () => {
    // rule-a's piece is empty (enabled at once); rule-b's piece suppresses i1.
    const used = lint(
      doc('<!-- cib-lint-disable rule-a, rule-b -->', '<!-- cib-lint-enable rule-a -->', '<item id="i1"/>', '<!-- cib-lint-enable rule-b -->'),
      { reportUnused: true },
    );
    expect(used.filter((finding) => finding.ruleId === 'unused-suppression')).toEqual([]);
    expect(used.filter((finding) => finding.ruleId === 'suppression-reason')).toHaveLength(1);
    const idle = lint(doc('<item id="i1"/>', '<!-- cib-lint-disable -->', '<!-- cib-lint-enable rule-a -->', '<!-- cib-lint-enable rule-b -->', '<!-- cib-lint-enable -->'), {
      reportUnused: true,
    });
    expect(idle.filter((finding) => finding.ruleId === 'unused-suppression')).toHaveLength(1);
    expect(idle.filter((finding) => finding.ruleId === 'suppression-reason')).toHaveLength(1);
  });

  it('disable-next-element still covers the next element and its subtree', () => {
    const findings = lint(doc('<!-- cib-lint-disable-next-element rule-a (reason: x) -->', '<group id="g"><item id="i1"/></group>', '<item id="i2"/>'));
    expect(active(findings)).toEqual(['rule-a@i2', 'rule-b@i1', 'rule-b@i2', 'rule-c@i1', 'rule-c@i2']);
  });
});

describe('fingerprints of suppression-reason and unused-suppression', () => {
  const source = doc(
    '<!-- cib-lint-disable-next-element rule-a -->',
    '<item id="i1"/>',
    '<!-- cib-lint-disable-next-element unknown-rule -->',
    '<item id="i2"/>',
    '<!-- cib-lint-disable unknown-rule -->',
    '<!-- cib-lint-enable -->',
    '<!-- cib-lint-disable unknown-rule -->',
    '<!-- cib-lint-enable -->',
    '<item id="i3"/>',
  );
  const diagnostics = (text: string) =>
    lint(text, { reportUnused: true })
      .filter((finding) => finding.ruleId === 'suppression-reason' || finding.ruleId === 'unused-suppression')
      .map(({ ruleId, fingerprint, line }) => ({ ruleId, fingerprint, line }));

  it('do not change when a blank line is inserted at the top', () => {
    const before = diagnostics(source);
    const after = diagnostics(`\n${source}`);
    expect(before.map((finding) => finding.ruleId).sort()).toEqual([
      'suppression-reason',
      'suppression-reason',
      'suppression-reason',
      'suppression-reason',
      'unused-suppression',
      'unused-suppression',
      'unused-suppression',
    ]);
    expect(after.map((finding) => finding.line)).toEqual(before.map((finding) => finding.line + 1));
    expect(after.map((finding) => finding.fingerprint)).toEqual(before.map((finding) => finding.fingerprint));
  });

  it('are distinct for distinct directives, identical ones included', () => {
    const fingerprints = diagnostics(source).map((finding) => finding.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('do not change when the directive moves away from its element by reformatting', () => {
    const spread = source.replace('<!-- cib-lint-disable-next-element rule-a -->\n', '<!-- cib-lint-disable-next-element rule-a -->\n\n\n');
    expect(diagnostics(spread).map((finding) => finding.fingerprint)).toEqual(diagnostics(source).map((finding) => finding.fingerprint));
  });
});

describe('docs link of the engine diagnostics', () => {
  it('points at docs/diagnostics.md, which exists and documents every one', () => {
    const page = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
    for (const meta of DIAGNOSTIC_METAS) {
      expect(ruleDocsUrl(meta)).toBe(`${REPOSITORY_URL}/blob/main/docs/diagnostics.md`);
      expect(existsSync(join(ROOT, `docs/rules/${meta.id}.md`))).toBe(false);
      expect(page).toContain(`\`${meta.id}\``);
    }
  });
});

describe('through the built command', () => {
  const EXAMPLE = join(ROOT, 'fixtures/examples/httpd-bundle.xml');
  const withComment = (comment: string, prefix = '') =>
    prefix + readFileSync(EXAMPLE, 'utf8').replace('      <bundle id="httpd-bundle">', `      ${comment}\n      <bundle id="httpd-bundle">`);

  it('SARIF links the suppression diagnostics to docs/diagnostics.md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cib-lint-suppressions-'));
    writeFileSync(join(dir, 'cib.xml'), withComment('<!-- cib-lint-disable-next-element unique-ids -->'));
    const log = JSON.parse(runCli(['cib.xml', '--format', 'sarif', '--report-unused-suppressions'], { cwd: dir }).stdout) as Log;
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const id of [DIAGNOSTICS.suppressionReason.id, DIAGNOSTICS.unusedSuppression.id]) {
      const rule = rules.find((candidate) => candidate.id === id);
      expect(rule?.helpUri).toBe(`${REPOSITORY_URL}/blob/main/docs/diagnostics.md`);
    }
  });

  it('a baselined suppression diagnostic stays baselined after a blank line is inserted at the top', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cib-lint-suppressions-'));
    writeFileSync(join(dir, 'cib.xml'), withComment('<!-- cib-lint-disable-next-element unique-ids -->'));
    const written = runCli(['cib.xml', '--report-unused-suppressions', '--write-baseline', 'baseline.json'], { cwd: dir });
    expect(written.status, written.stderr).not.toBe(2);
    // The XML declaration-free fixture may start with a blank line.
    writeFileSync(join(dir, 'cib.xml'), withComment('<!-- cib-lint-disable-next-element unique-ids -->', '\n'));
    const result = runCli(['cib.xml', '--report-unused-suppressions', '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(result.stdout).files[0].findings as { ruleId: string }[];
    expect(findings.map((finding) => finding.ruleId)).not.toContain('suppression-reason');
    expect(findings.map((finding) => finding.ruleId)).not.toContain('unused-suppression');
  });
});
