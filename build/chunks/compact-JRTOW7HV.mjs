import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  lineStart,
  visible
} from "./chunk-IKCZJ4ML.mjs";
import {
  isActive,
  shownPath
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/compact.ts
var FILE_ERROR_RULE = "file-error";
function oneLine(text) {
  return visible(text, { tabs: false });
}
function formatCompact(report) {
  const lines = [];
  for (const file of report.files) {
    const path = lineStart(shownPath(file.filePath, report.root));
    for (const error of file.errors) lines.push(`${path}:1:1: error: ${oneLine(error)} [${FILE_ERROR_RULE}]`);
    for (const finding of file.findings) {
      if (!isActive(finding)) continue;
      lines.push(`${path}:${finding.line}:${finding.column}: ${finding.level}: ${oneLine(finding.message)} [${oneLine(finding.ruleId)}]`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}
var formatter = {
  id: "compact",
  description: "one line per finding, file:line:col: level: message [rule], for editors and problem matchers",
  needsSource: false,
  format: (report) => formatCompact(report)
};
var compact_default = formatter;
export {
  FILE_ERROR_RULE,
  compact_default as default,
  formatCompact,
  oneLine
};
