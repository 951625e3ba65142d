// Real CIBs written by other projects (test/realworld/SOURCES.md): every error cib-lint reports on
// them must be one the hand review found right (test/realworld/expected-errors.json), at the line
// it names; an error that is not listed, or a listed one that disappears, fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/app/lint-files.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test/realworld/cibs');
const expected = JSON.parse(readFileSync(join(ROOT, 'test/realworld/expected-errors.json'), 'utf8')) as Record<string, { line: number; finding: string; why: string }[]>;
const rules = builtinRules.map((rule) => ({ rule }));
// Without Pacemaker's schemas (pacemaker-common) the schema rule reports nothing but a note: its
// expected errors are then left out, visibly.
const schemaRule = builtinRules.find((rule) => rule.meta.id === 'schema')!;
const schemaUnavailable = schemaRule.meta.unavailable?.({});
if (schemaUnavailable) console.warn(`test/realworld: schema errors not checked: ${schemaUnavailable}`);
const checked = (entry: { finding: string }) => !schemaUnavailable || !entry.finding.startsWith('schema/');

describe('real CIBs from other projects', () => {
  const files = readdirSync(DIR).filter((name) => name.endsWith('.xml')).sort();
  it('are all here, and every expected error names one of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const name of Object.keys(expected)) expect(files).toContain(name);
    for (const entries of Object.values(expected)) for (const entry of entries) expect(entry.why.length, JSON.stringify(entry)).toBeGreaterThan(20);
  });
  for (const name of files) {
    it(name, () => {
      const result = lintSource(readFileSync(join(DIR, name)), name, { rules });
      expect(result.errors).toEqual([]);
      const errors = result.findings.filter((finding) => finding.level === 'error').map((finding) => `${finding.line} ${finding.ruleId}/${finding.messageId}`);
      expect(errors.sort()).toEqual((expected[name] ?? []).filter(checked).map((entry) => `${entry.line} ${entry.finding}`).sort());
    });
  }
});
