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
import { lineStart, visible } from './escape.js';

export const FILE_ERROR_RULE = 'file-error';

/**
 * `text` on one line, its control characters (the tab too), line separators and bidi controls
 * shown as escapes: `\n`, `\x1b`, `\u202e` (src/output/escape.ts).
 */
export function oneLine(text: string): string {
  return visible(text, { tabs: false });
}

export function formatCompact(report: LintReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    // The path begins the line: one beginning with `::` must not read as a workflow command.
    const path = lineStart(shownPath(file.filePath, report.root));
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
