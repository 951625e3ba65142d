// `--format gitlab`: GitLab Code Quality JSON, checked against the report format GitLab documents
// (docs.gitlab.com, "Code Quality", "Code Quality report format") with Code Climate's own
// required fields, and fingerprints that are stable and unique.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildCodeQuality, FILE_ERROR_CHECK, formatGitlab, type CodeQualityIssue } from '../../src/output/gitlab.js';
import { runInProcess } from '../helpers.js';
import { docsOf, file, finding, HOSTILE, report } from './helpers.js';

/**
 * GitLab's documented fields, each required: `description`, `check_name`, `fingerprint`,
 * `severity` (info, minor, major, critical or blocker), `location.path` (a relative path in the
 * repository, not prefixed with `./`) and `location.lines.begin` (or `location.positions.begin.line`).
 * Code Climate's spec adds `type: "issue"` and at least one of its categories, which GitLab ignores.
 */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['type', 'description', 'check_name', 'categories', 'fingerprint', 'severity', 'location'],
    properties: {
      type: { const: 'issue' },
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      categories: {
        type: 'array',
        minItems: 1,
        items: { enum: ['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style'] },
      },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(\\./|/)' } },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
        },
      },
      content: { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: true }).compile(CODE_QUALITY_SCHEMA);

function expectValid(issues: unknown): void {
  validate(issues);
  expect(validate.errors ?? []).toEqual([]);
}

function expectUniqueFingerprints(issues: CodeQualityIssue[]): void {
  expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
}

describe('the schema itself', () => {
  it('rejects an issue GitLab would not show (so passing it means something)', () => {
    const good = buildCodeQuality(report([file('/repo/a.xml', [finding()])]));
    expectValid(good);
    for (const bad of [
      { ...good[0], severity: 'error' },
      { ...good[0], location: { path: './a.xml', lines: { begin: 3 } } },
      { ...good[0], location: { path: 'a.xml', lines: {} } },
      { ...good[0], fingerprint: undefined },
    ]) {
      expect(validate([bad])).toBe(false);
    }
  });
});

describe('--format gitlab on the examples', () => {
  it('has one valid issue per finding, paths relative to the repository root', async () => {
    const json = JSON.parse((await runInProcess(['fixtures/examples', '--format', 'json'])).stdout);
    const result = await runInProcess(['fixtures/examples', '--format', 'gitlab']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const issues = JSON.parse(result.stdout) as CodeQualityIssue[];
    expectValid(issues);
    expectUniqueFingerprints(issues);
    const findings = json.files.flatMap((entry: { path: string; findings: { ruleId: string; line: number; level: string }[] }) =>
      entry.findings.map((item) => [entry.path, item.ruleId, item.line, item.level]),
    );
    expect(issues.map((issue) => [issue.location.path, issue.check_name, issue.location.lines.begin, issue.severity])).toEqual(
      findings.map(([path, ruleId, line, level]: [string, string, number, 'error' | 'warning' | 'note']) => [
        path,
        ruleId,
        line,
        { error: 'major', warning: 'minor', note: 'info' }[level],
      ]),
    );
    expect(issues.every((issue) => issue.location.path === 'fixtures/examples/httpd-bundle.xml')).toBe(true);
  });
});

describe('buildCodeQuality', () => {
  it('maps note, warning and error to info, minor and major, and a file error to a critical file-error issue', () => {
    const issues = buildCodeQuality(
      report([
        file('/repo/a.xml', [finding({ level: 'note', fingerprint: 'n' }), finding({ level: 'warning', fingerprint: 'w' }), finding({ fingerprint: 'e' })]),
        file('/repo/missing.xml', [], ['no such file, directory or matching glob: missing.xml']),
      ]),
    );
    expectValid(issues);
    expect(issues.map((issue) => issue.severity)).toEqual(['info', 'minor', 'major', 'critical']);
    expect(issues[3]).toMatchObject({
      check_name: FILE_ERROR_CHECK,
      description: 'no such file, directory or matching glob: missing.xml',
      location: { path: 'missing.xml', lines: { begin: 1 } },
    });
  });

  it('keeps a fingerprint when the finding moves and differs by file; a repeated finding gets its own', () => {
    const before = buildCodeQuality(report([file('/repo/a.xml', [finding({ line: 3 })]), file('/repo/b.xml', [finding({ line: 3 })])]));
    const after = buildCodeQuality(report([file('/repo/a.xml', [finding({ line: 40, column: 2, message: 'reworded' })])]));
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint);
    expect(before[1]!.fingerprint).not.toBe(before[0]!.fingerprint);
    const twice = buildCodeQuality(report([file('/repo/a.xml', [finding({ line: 3 }), finding({ line: 9 })])]));
    expectUniqueFingerprints(twice);
    // The first of two keeps the fingerprint it had alone: a second one appearing is new, not both.
    expect(twice[0]!.fingerprint).toBe(before[0]!.fingerprint);
    // The checkout's location does not matter, only the path inside the repository.
    const elsewhere = buildCodeQuality({ ...report([file('/builds/x/a.xml', [finding({ line: 3 })])]), root: '/builds/x' });
    expect(elsewhere[0]!.fingerprint).toBe(before[0]!.fingerprint);
  });

  it('leaves suppressed findings out and carries the fix and docs link in content.body', () => {
    const issues = buildCodeQuality(
      report([
        file('/repo/a.xml', [
          finding({ suppressions: [{ kind: 'external', justification: 'known' }] }),
          finding({ fingerprint: 'kept', suggestion: 'pcs resource update x' }),
        ]),
      ]),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.content!.body).toBe(`**Fix:** pcs resource update x\n\n[Documentation](${docsOf('some-rule')})`);
  });

  it('puts rules about upgrades in Compatibility', () => {
    const upgrade = { ...report([file('/repo/a.xml', [finding({ ruleId: 'old-thing' })])]) };
    upgrade.rules = [{ ...upgrade.rules[0]!, id: 'old-thing', tags: ['bundle', 'deprecated'] }];
    expect(buildCodeQuality(upgrade)[0]!.categories).toEqual(['Compatibility']);
  });

  it('writes any message as valid JSON', () => {
    const text = formatGitlab(report([file(`/repo/${HOSTILE}.xml`, [finding({ message: HOSTILE })])]));
    const issues = JSON.parse(text) as CodeQualityIssue[];
    expectValid(issues);
    expect(issues[0]!.description).toBe(HOSTILE);
    expect(text.endsWith(']\n')).toBe(true);
    expect(formatGitlab(report([]))).toBe('[]\n');
  });
});
