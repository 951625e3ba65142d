// `--format compact`: exactly one line per finding, `file:line:col: level: message [rule]`, the shape
// editors' error formats and problem matchers parse, whatever a message or a path holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_ERROR_RULE, formatCompact, oneLine } from '../../src/output/compact.js';
import { ROOT, runInProcess } from '../helpers.js';
import { file, finding, HOSTILE, report } from './helpers.js';

/** The VS Code problem matcher that docs/formats.md documents for this format: file, line, column, level, message, rule. */
const MATCHER = JSON.parse(`{${/```json\n("problemMatcher"[\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs/formats.md'), 'utf8'))![1]}}`).problemMatcher;
const LINE = new RegExp(MATCHER.pattern.regexp);

function lines(output: string): string[] {
  expect(output === '' || output.endsWith('\n')).toBe(true);
  return output === '' ? [] : output.slice(0, -1).split('\n');
}

describe('--format compact on the examples', () => {
  it('is what the documented problem matcher reads', () => {
    expect(MATCHER.pattern).toMatchObject({ file: 1, line: 2, column: 3, severity: 4, message: 5, code: 6 });
  });

  it('prints one matching line per finding, the same findings as the JSON format', async () => {
    const json = JSON.parse((await runInProcess(['fixtures/examples', '--format', 'json'])).stdout);
    const result = await runInProcess(['fixtures/examples', '--format', 'compact']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const parsed = lines(result.stdout).map((line) => {
      const match = LINE.exec(line);
      expect(match, line).not.toBeNull();
      const [, path, row, column, level, message, rule] = match!;
      return [path, Number(row), Number(column), level, message, rule];
    });
    const expected = json.files.flatMap((entry: { path: string; findings: { line: number; column: number; level: string; message: string; ruleId: string }[] }) =>
      entry.findings.map((item) => [entry.path, item.line, item.column, item.level, item.message, item.ruleId]),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(parsed).toEqual(expected);
  });

  it('prints nothing for a clean file', async () => {
    const result = await runInProcess(['fixtures/examples/clean.xml', '--format', 'compact']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints a file that cannot be read as a file-error line at 1:1', async () => {
    const result = await runInProcess(['no-such.xml', '--format', 'compact']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe(`no-such.xml:1:1: error: no such file, directory or matching glob: no-such.xml [${FILE_ERROR_RULE}]\n`);
  });
});

describe('formatCompact', () => {
  it('keeps one line per finding when messages and paths hold line breaks and control characters', () => {
    const findings = [finding({ message: HOSTILE }), finding({ message: 'plain', line: 9, level: 'note' })];
    const output = formatCompact(report([file(`/repo/dir/${HOSTILE}.xml`, findings, [`cannot read\n${HOSTILE}`])]));
    const printed = lines(output);
    expect(printed).toHaveLength(3);
    for (const line of printed) {
      expect(line).toMatch(LINE);
      // Nothing a terminal or an editor could take as a line break or a control sequence.
      expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
    }
    const path = `dir/${oneLine(HOSTILE)}.xml`;
    expect(printed[1]).toBe(`${path}:3:5: error: ${oneLine(HOSTILE)} [some-rule]`);
    expect(printed[2]).toBe(`${path}:9:5: note: plain [some-rule]`);
    expect(printed[0]!.startsWith(`${path}:1:1: error: cannot read\\n`)).toBe(true);
  });

  it('escapes visibly: \\n, \\r, \\t by name, other controls and bidi controls by code', () => {
    expect(oneLine('a\nb\r\nc\td\u0000e\u001Bf\u0085g\u2028h\u2029i\u007Fj')).toBe('a\\nb\\r\\nc\\td\\x00e\\x1bf\\x85g\\u2028h\\u2029i\\x7fj');
    expect(oneLine('user\u202Egnp.exe')).toBe('user\\u202egnp.exe');
    expect(oneLine('ünïcode “quotes” and a lone \uD800 stay')).toBe('ünïcode “quotes” and a lone \uD800 stay');
  });

  it('leaves suppressed findings out', () => {
    const output = formatCompact(report([file('/repo/a.xml', [finding({ suppressions: [{ kind: 'external', justification: 'known' }] })])]));
    expect(output).toBe('');
  });
});
