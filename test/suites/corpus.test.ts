// Every CIB of Pacemaker's and pcs's test suites (../shared/corpus, GPL test data read in place,
// never copied), linted with every rule: no crash, valid SARIF, and a committed summary of the
// findings per rule so a change in behaviour shows in review. Then the `schema` rule against
// crm_verify 2.1.5's verdicts on the same files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { type FileResult } from '../../src/core/linter.js';
import { lintSource } from '../../src/app/lint-files.js';
import { xmlFilesBelow } from '../../src/document/inputs/operands.js';
import { buildSarif } from '../../src/output/sarif.js';
import { DIAGNOSTIC_METAS } from '../../src/core/diagnostics.js';
import { githubSarifProblems, ROOT, sarifSchemaErrors } from '../helpers.js';
import { available, CORPUS, HAS_CORPUS } from './tools.js';

const SUMMARY = join(ROOT, 'test/corpus-summary.json');
const run = available('the Pacemaker corpus (../shared/corpus)', HAS_CORPUS);

interface Verdict {
  exit: number;
  messages: string;
}

function crmVerifyVerdicts(): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  const lines = readFileSync(join(CORPUS, 'crm_verify-2.1.5.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (!line.trim()) continue;
    const [file, exit, , messages] = line.split('\t');
    verdicts.set(file!, { exit: Number(exit), messages: messages ?? '' });
  }
  return verdicts;
}

describe.runIf(run)('the Pacemaker and pcs corpus', () => {
  const files = run ? xmlFilesBelow(CORPUS) : [];
  const results = new Map<string, FileResult>();
  const rules = builtinRules.map((rule) => ({ rule }));
  for (const file of files) {
    results.set(relative(CORPUS, file), lintSource(readFileSync(file), relative(CORPUS, file), { rules }));
  }

  it('lints every file without a rule failing', () => {
    expect(files.length).toBeGreaterThan(900);
    const failures = [...results].filter(([, result]) => result.errors.length > 0).map(([file, result]) => `${file}: ${result.errors.join('; ')}`);
    expect(failures).toEqual([]);
  });

  it('produces valid SARIF for every file', () => {
    const metas = [...builtinRules.map((rule) => rule.meta), ...DIAGNOSTIC_METAS];
    const problems: string[] = [];
    for (const [file, result] of results) {
      const log = buildSarif({ files: [result], rules: metas, root: CORPUS });
      const errors = sarifSchemaErrors(log);
      if (errors.length > 0) problems.push(`${file}: ${JSON.stringify(errors[0])}`);
      for (const problem of githubSarifProblems(log)) problems.push(`${file}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('matches the committed summary (CIB_LINT_UPDATE_SUMMARY=1 rewrites it)', () => {
    const perRule: Record<string, { error: number; warning: number; note: number; files: number }> = {};
    const errorFindings: string[] = [];
    for (const [file, result] of [...results].sort(([a], [b]) => a.localeCompare(b))) {
      const seen = new Set<string>();
      for (const finding of result.findings) {
        const entry = (perRule[finding.ruleId] ??= { error: 0, warning: 0, note: 0, files: 0 });
        entry[finding.level]++;
        if (!seen.has(finding.ruleId)) entry.files++;
        seen.add(finding.ruleId);
        if (finding.level === 'error' && finding.ruleId.startsWith('bundle-')) {
          errorFindings.push(`${file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
        }
      }
    }
    const summary = {
      about: 'Findings of every rule over ../shared/corpus (run by .ci/run). Every error-level bundle finding is listed and justified in its rule\'s docs.',
      files: results.size,
      rules: Object.fromEntries(Object.entries(perRule).sort(([a], [b]) => a.localeCompare(b))),
      bundleErrors: errorFindings,
    };
    const text = `${JSON.stringify(summary, null, 2)}\n`;
    if (process.env.CIB_LINT_UPDATE_SUMMARY === '1') writeFileSync(SUMMARY, text);
    expect(text).toBe(readFileSync(SUMMARY, 'utf8'));
  });

  describe('the schema rule agrees with crm_verify 2.1.5', () => {
    const verdicts = run ? crmVerifyVerdicts() : new Map<string, Verdict>();
    const schemaErrors = (file: string) => (results.get(file)?.findings ?? []).filter((finding) => finding.ruleId === 'schema' && finding.level === 'error');
    const skipped = (file: string) => (results.get(file)?.findings ?? []).some((finding) => finding.ruleId === 'schema' && finding.messageId === 'skipped');

    /**
     * Files where the two differ, each with the reason. crm_verify 2.1.5 ships schemas up to
     * pacemaker-3.9 and calls a newer validate-with a schema failure; the schema rule, with the
     * same schemas installed, says it could not validate (a note) instead of inventing errors.
     */
    const explainedDifference = (file: string): string | undefined => {
      const source = readFileSync(join(CORPUS, file), 'utf8');
      if (/validate-with="pacemaker-3\.10"/.test(source) && skipped(file)) {
        return 'pacemaker-3.10 is newer than the schemas Pacemaker 2.1.5 installs: both cannot validate it';
      }
      return undefined;
    };

    it('reports a schema error wherever crm_verify rejects a file for its schema, or explains why not', () => {
      const differences: string[] = [];
      for (const [file, verdict] of verdicts) {
        if (!verdict.messages.includes('did not pass schema validation')) continue;
        if (schemaErrors(file).length > 0) continue;
        const reason = explainedDifference(file);
        if (reason === undefined) differences.push(file);
      }
      expect(differences).toEqual([]);
    });

    it('reports no schema error where crm_verify accepts the schema', () => {
      const differences: string[] = [];
      for (const [file, verdict] of verdicts) {
        if (verdict.exit === 76 || verdict.messages.includes('did not pass schema validation')) continue;
        const errors = schemaErrors(file);
        if (errors.length > 0) differences.push(`${file}: ${errors[0]!.message}`);
      }
      expect(differences).toEqual([]);
    });
  });
});
