/**
 * One line per finding, `file:line:column: level: message [rule-id]`, the shape that Vim's quickfix
 * (`errorformat=%f:%l:%c:\ %t%*[^:]:\ %m`), Emacs's compilation mode and VS Code problem matchers
 * read. The promise is one line per finding whatever the CIB holds: line breaks, other control
 * characters and bidi controls in a message or a path (a message quotes attribute values, which
 * may hold `&#10;`) are written as visible escapes (`\n`, `\t`, `\x85`, `\u202e`). A file that
 * could not be (fully) linted is a line at 1:1 with `[file-error]`. Nothing else is printed: no
 * summary, nothing when the files are clean.
 *
 * Suppressed findings are left out. test/formats/compact.test.ts checks the shape.
 */
import type { Formatter } from './formatter.js';
import { isActive, shownPath, type LintReport } from './report.js';

export const FILE_ERROR_RULE = 'file-error';

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * C0 controls (the tab too), DEL and C1 controls (U+0085 NEXT LINE is one), the line and paragraph
 * separators that some editors break lines at, and the bidi embeddings, overrides and isolates,
 * which would make the line an editor or a log shows differ from its bytes.
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `text` on one line, its control characters shown as escapes: `\n`, `\x1b`, `\u202e`. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const named = NAMED_ESCAPES[character];
    if (named !== undefined) return named;
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function formatCompact(report: LintReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const path = oneLine(shownPath(file.filePath, report.root));
    for (const error of file.errors) lines.push(`${path}:1:1: error: ${oneLine(error)} [${FILE_ERROR_RULE}]`);
    for (const finding of file.findings) {
      if (!isActive(finding)) continue;
      lines.push(`${path}:${finding.line}:${finding.column}: ${finding.level}: ${oneLine(finding.message)} [${oneLine(finding.ruleId)}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const formatter: Formatter = {
  id: 'compact',
  description: 'one line per finding, file:line:col: level: message [rule], for editors and problem matchers',
  needsSource: false,
  format: (report) => formatCompact(report),
};
export default formatter;
