import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  jsonPieces,
  streamed
} from "./chunk-IDNPROLT.mjs";
import {
  outputText
} from "./chunk-6SVTRGOD.mjs";
import "./chunk-IKCZJ4ML.mjs";
import {
  TOOL_NAME,
  TOOL_VERSION,
  countFindings,
  docsLink
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/json.ts
function formatJson(report) {
  return outputText(jsonOutput(report));
}
function* jsonOutput(report) {
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
      fileErrors: counts.fileErrors
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
            })())
          };
        }
      })()
    )
  };
  yield* jsonPieces(output);
  yield "\n";
}
function jsonFinding(report, finding) {
  const shown = { ruleId: finding.ruleId, messageId: finding.messageId, level: finding.level, message: finding.message };
  if (finding.suggestion !== void 0) {
    shown.fix = finding.suggestion;
    shown.suggestion = finding.suggestion;
  }
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
  shown.suppressed = finding.suppressions !== void 0 && finding.suppressions.length > 0;
  if (finding.suppressions) shown.suppressions = finding.suppressions;
  shown.docsUrl = docsLink(report, finding.ruleId) ?? null;
  return shown;
}
var formatter = {
  id: "json",
  description: "every finding with its position, id path and fingerprint (docs/formats.md)",
  needsSource: false,
  format: (report) => jsonOutput(report)
};
var json_default = formatter;
export {
  json_default as default,
  formatJson,
  jsonOutput
};
