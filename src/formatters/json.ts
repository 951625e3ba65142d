/**
 * `--format json`: a stable, documented shape (README "JSON output"). Fields are only added,
 * never renamed, within a major version.
 */
import { TOOL_NAME, TOOL_VERSION } from '../meta.js';
import { countFindings, docsLink, type LintReport } from '../report.js';

export function formatJson(report: LintReport): string {
  const counts = countFindings(report.files);
  const output = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: {
      files: report.files.length,
      errors: counts.error,
      warnings: counts.warning,
      notes: counts.note,
      suppressed: counts.suppressed,
      fileErrors: counts.fileErrors,
    },
    files: report.files.map((file) => ({
      path: file.filePath,
      errors: file.errors,
      findings: file.findings.map((finding) => ({
        ruleId: finding.ruleId,
        level: finding.level,
        message: finding.message,
        ...(finding.fix !== undefined && { fix: finding.fix }),
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        elementId: finding.elementId ?? null,
        idPath: finding.idPath,
        attribute: finding.attribute ?? null,
        fingerprint: finding.fingerprint,
        related: finding.related,
        suppressed: finding.suppressions !== undefined && finding.suppressions.length > 0,
        ...(finding.suppressions && { suppressions: finding.suppressions }),
        docsUrl: docsLink(report, finding.ruleId) ?? null,
      })),
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
