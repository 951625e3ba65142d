/**
 * Checkstyle XML, read by Jenkins Warnings NG (`recordIssues(tools: [checkStyle(...)])`), reviewdog
 * and many editors: `<checkstyle>` with a `<file>` per linted file (clean ones too, as Checkstyle
 * lists every file it audited) holding an `<error>` per finding. Levels map
 * to Checkstyle's severities (note is `info`); `source` is `cib-lint.rules.<rule-id>`, which Warnings
 * NG shows as the type (after the last dot) and the category (`Rules`), as for ESLint's checkstyle.
 * A file that could not be (fully) linted has an `error` with source `cib-lint.file-error` on line 1.
 *
 * Suppressed findings are left out. test/formats/checkstyle.test.ts checks the shape with libxml2.
 */
import type { Formatter } from './formatter.js';
import type { Level } from '../core/rule.js';
import { isActive, shownPath, xmlAttribute, type LintReport } from './report.js';

export const CHECKSTYLE_SEVERITY: Record<Level, string> = { error: 'error', warning: 'warning', note: 'info' };
export const FILE_ERROR_SOURCE = 'cib-lint.file-error';
/** The Checkstyle format version that consumers expect (ESLint's checkstyle formatter writes the same). */
const FORMAT_VERSION = '4.3';

export function formatCheckstyle(report: LintReport): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<checkstyle version="${FORMAT_VERSION}">`];
  for (const file of report.files) {
    const errors: string[] = [];
    for (const error of file.errors) {
      errors.push(`    <error line="1" severity="error" message="${xmlAttribute(error)}" source="${FILE_ERROR_SOURCE}"/>`);
    }
    for (const finding of file.findings) {
      if (!isActive(finding)) continue;
      errors.push(
        `    <error line="${finding.line}" column="${finding.column}" severity="${CHECKSTYLE_SEVERITY[finding.level]}" ` +
          `message="${xmlAttribute(finding.message)}" source="cib-lint.rules.${xmlAttribute(finding.ruleId)}"/>`,
      );
    }
    const name = xmlAttribute(shownPath(file.filePath, report.root));
    out.push(errors.length === 0 ? `  <file name="${name}"/>` : `  <file name="${name}">\n${errors.join('\n')}\n  </file>`);
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}

const formatter: Formatter = {
  id: 'checkstyle',
  description: 'Checkstyle XML for Jenkins Warnings NG and editors',
  needsSource: false,
  format: (report) => formatCheckstyle(report),
};
export default formatter;
