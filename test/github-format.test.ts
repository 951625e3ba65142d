// The `github` formatter (workflow commands): GitHub shows at most 10 error, 10 warning and 10
// notice annotations per step, so file errors come first, then the worst findings, then one notice.
import { describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '../src/core/linter.js';
import { ANNOTATION_LIMIT, escapeData, escapeProperty, formatGithub } from '../src/output/github.js';
import type { LintReport } from '../src/output/report.js';
import type { Level } from '../src/core/rule.js';

function finding(line: number, level: Level = 'error', ruleId = 'some-rule'): Finding {
  return {
    ruleId,
    level,
    messageId: 'm',
    message: `problem on line ${line}`,
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    offset: 0,
    endOffset: 0,
    idPath: [],
    fingerprint: `${ruleId}:${line}`,
    related: [],
  };
}

function report(files: FileResult[]): LintReport {
  return { files, rules: [], root: '/repo' };
}

function commands(text: string): string[] {
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text.split('\n').filter((line) => line !== '');
}

const kind = (command: string) => /^::(\w+)/.exec(command)![1];
const countOf = (lines: string[], name: string) => lines.filter((line) => kind(line) === name).length;

/** 12 error findings in one file, and a second file that could not be read. */
const twelvePlusMissing = report([
  { filePath: '/repo/cluster/a.xml', findings: Array.from({ length: 12 }, (_, i) => finding(12 - i)), errors: [] },
  { filePath: '/repo/cluster/missing.xml', findings: [], errors: ['no such file, directory or matching glob: cluster/missing.xml'] },
]);
const FILE_ERROR = '::error file=cluster/missing.xml,title=cib-lint::no such file, directory or matching glob: cluster/missing.xml';

describe('formatGithub within the annotation limits', () => {
  it('puts the file error first, then the worst findings in line order, then one notice (CLI: 10 errors)', () => {
    const lines = commands(formatGithub(twelvePlusMissing));
    expect(lines[0]).toBe(FILE_ERROR);
    expect(countOf(lines, 'error')).toBe(ANNOTATION_LIMIT);
    const findingLines = lines.slice(1, 10).map((line) => Number(/,line=(\d+),/.exec(line)![1]));
    expect(findingLines).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lines[1]).toBe('::error file=cluster/a.xml,line=1,col=3,endLine=1,endColumn=9,title=some-rule::problem on line 1');
    expect(lines.slice(10)).toEqual([
      '::notice title=cib-lint::3 more findings not annotated (GitHub shows 10 per level); see the job summary, the SARIF file or `cib-lint` output.',
    ]);
  });

  it('keeps one error slot for the caller when asked (the Action’s failure line)', () => {
    const lines = commands(formatGithub(twelvePlusMissing, { reserveError: true, summaryHint: 'the job summary' }));
    expect(lines[0]).toBe(FILE_ERROR);
    expect(countOf(lines, 'error')).toBe(ANNOTATION_LIMIT - 1);
    expect(lines.at(-1)).toBe('::notice title=cib-lint::4 more findings not annotated (GitHub shows 10 per level); see the job summary.');
    expect(lines).toHaveLength(ANNOTATION_LIMIT);
  });

  it('reserves nothing and adds no notice when everything fits', () => {
    const small = report([{ filePath: 'a.xml', findings: [finding(2), finding(1, 'warning')], errors: ['rule x failed'] }]);
    const lines = commands(formatGithub(small, { reserveError: true }));
    expect(lines.map(kind)).toEqual(['error', 'error', 'warning']);
    expect(lines[0]).toBe('::error file=a.xml,title=cib-lint::rule x failed');
    expect(formatGithub(report([{ filePath: 'a.xml', findings: [], errors: [] }]))).toBe('');
  });

  it('counts file errors left out in the notice, and never more than 10 per level', () => {
    const files: FileResult[] = Array.from({ length: 12 }, (_, i) => ({ filePath: `f${String(i).padStart(2, '0')}.xml`, findings: [], errors: [`cannot read f${i}`] }));
    files[0]!.findings = [
      ...Array.from({ length: 15 }, (_, i) => finding(i + 1, 'error')),
      ...Array.from({ length: 15 }, (_, i) => finding(i + 100, 'warning')),
      ...Array.from({ length: 15 }, (_, i) => finding(i + 200, 'note')),
    ];
    const lines = commands(formatGithub(report(files), { reserveError: true }));
    expect(countOf(lines, 'error')).toBe(ANNOTATION_LIMIT - 1);
    expect(lines.filter((line) => kind(line) === 'error').every((line) => line.includes('title=cib-lint::cannot read'))).toBe(true);
    expect(countOf(lines, 'warning')).toBe(ANNOTATION_LIMIT);
    expect(countOf(lines, 'notice')).toBe(ANNOTATION_LIMIT);
    // 15 errors + 5 warnings + 6 notes (one notice slot is the closing notice) and 3 file errors.
    expect(lines.at(-1)).toBe(
      '::notice title=cib-lint::26 more findings and 3 file errors not annotated (GitHub shows 10 per level); see the job summary, the SARIF file or `cib-lint` output.',
    );
    const onlyFiles = commands(formatGithub(report(files.map((file) => ({ ...file, findings: [] })))));
    expect(countOf(onlyFiles, 'error')).toBe(ANNOTATION_LIMIT);
    expect(onlyFiles.at(-1)).toMatch(/^::notice title=cib-lint::2 more file errors not annotated/);
  });

  it('keeps exactly 10 notes when nothing else is left out', () => {
    const notes = report([{ filePath: 'a.xml', findings: Array.from({ length: 10 }, (_, i) => finding(i + 1, 'note')), errors: [] }]);
    const lines = commands(formatGithub(notes));
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => line.startsWith('::notice file=a.xml,'))).toBe(true);
  });
});

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    // % first: an already-escaped-looking sequence is escaped again, not decoded.
    expect(escapeProperty('%0A')).toBe('%250A');
  });

  it('escapes paths, titles and messages of annotations', () => {
    const odd: Finding = { ...finding(4, 'warning', 'rule:with,odd%chars'), message: 'line one\nline two: 50%', suggestion: 'do\rthis' };
    const lines = commands(formatGithub(report([{ filePath: '/repo/dir,x/a:b%.xml', findings: [odd], errors: ['bad\nthing, 1%'] }])));
    // Line breaks of the input itself are shown as escapes; only the format's own become %0A.
    expect(lines).toEqual([
      '::error file=dir%2Cx/a%3Ab%25.xml,title=cib-lint::bad\\nthing, 1%25',
      '::warning file=dir%2Cx/a%3Ab%25.xml,line=4,col=3,endLine=4,endColumn=9,title=rule%3Awith%2Codd%25chars::line one\\nline two: 50%25%0AFix: do\\rthis',
    ]);
  });
});
