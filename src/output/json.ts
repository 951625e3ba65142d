/**
 * `--format json`: a stable, documented shape (README "JSON output"). Fields are only added,
 * never renamed, within a major version.
 */
import type { Formatter } from './formatter.js';
import { TOOL_NAME, TOOL_VERSION } from '../core/meta.js';
import { countFindings, docsLink, type LintReport } from './report.js';
import type { Finding } from '../core/linter.js';
import { outputText } from './chunks.js';
import { jsonPieces, streamed } from './json-stream.js';

export function formatJson(report: LintReport): string {
  return outputText(jsonOutput(report));
}

/**
 * The report in pieces: each finding is made and written on its own, so a report of any size
 * stays valid JSON (as one string, about a million findings are more than V8 can hold).
 */
export function* jsonOutput(report: LintReport): Generator<string> {
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
    files: streamed(
      (function* () {
        for (const file of report.files) {
          yield {
            path: file.filePath,
            // The Pacemaker version the file was checked against, and why; null when it was not parsed.
            pacemaker: file.pacemaker ?? null,
            errors: file.errors,
            findings: streamed((function* () {
              for (const finding of file.findings) yield jsonFinding(report, finding);
            })()),
          };
        }
      })(),
    ),
  };
  yield* jsonPieces(output);
  yield '\n';
}

/**
 * One finding as the JSON report shows it, its fields in this order. Built by assignment rather
 * than conditional spreads: a directory of CIBs has thousands of findings, and the report is
 * formatted after the last file, when nothing else is left to overlap it.
 */
function jsonFinding(report: LintReport, finding: Finding): Record<string, unknown> {
  const shown: Record<string, unknown> = { ruleId: finding.ruleId, messageId: finding.messageId, level: finding.level, message: finding.message };
  // `fix` is the name version 1 of the format promised; `suggestion` says what the text is.
  if (finding.suggestion !== undefined) {
    shown.fix = finding.suggestion;
    shown.suggestion = finding.suggestion;
  }
  // Fixes and suggestions as edits: byte offsets and line/column of each replaced span (docs/fixes.md).
  if (finding.fixes) shown.fixes = finding.fixes;
  if (finding.suggestions) shown.suggestions = finding.suggestions;
  shown.line = finding.line;
  shown.column = finding.column;
  shown.endLine = finding.endLine;
  shown.endColumn = finding.endColumn;
  shown.elementId = finding.elementId ?? null;
  shown.idPath = finding.idPath;
  shown.attribute = finding.attribute ?? null;
  shown.fingerprint = finding.fingerprint;
  shown.related = finding.related;
  shown.suppressed = finding.suppressions !== undefined && finding.suppressions.length > 0;
  if (finding.suppressions) shown.suppressions = finding.suppressions;
  shown.docsUrl = docsLink(report, finding.ruleId) ?? null;
  return shown;
}

const formatter: Formatter = {
  id: 'json',
  description: 'every finding with its position, id path and fingerprint (docs/formats.md)',
  needsSource: false,
  format: (report) => jsonOutput(report),
};
export default formatter;
