import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  isActive,
  shownPath,
  xmlAttribute
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/checkstyle.ts
var CHECKSTYLE_SEVERITY = { error: "error", warning: "warning", note: "info" };
var FILE_ERROR_SOURCE = "cib-lint.file-error";
var FORMAT_VERSION = "4.3";
function formatCheckstyle(report) {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<checkstyle version="${FORMAT_VERSION}">`];
  for (const file of report.files) {
    const errors = [];
    for (const error of file.errors) {
      errors.push(`    <error line="1" severity="error" message="${xmlAttribute(error)}" source="${FILE_ERROR_SOURCE}"/>`);
    }
    for (const finding of file.findings) {
      if (!isActive(finding)) continue;
      errors.push(
        `    <error line="${finding.line}" column="${finding.column}" severity="${CHECKSTYLE_SEVERITY[finding.level]}" message="${xmlAttribute(finding.message)}" source="cib-lint.rules.${xmlAttribute(finding.ruleId)}"/>`
      );
    }
    const name = xmlAttribute(shownPath(file.filePath, report.root));
    out.push(errors.length === 0 ? `  <file name="${name}"/>` : `  <file name="${name}">
${errors.join("\n")}
  </file>`);
  }
  out.push("</checkstyle>");
  return `${out.join("\n")}
`;
}
var formatter = {
  id: "checkstyle",
  description: "Checkstyle XML for Jenkins Warnings NG and editors",
  needsSource: false,
  format: (report) => formatCheckstyle(report)
};
var checkstyle_default = formatter;
export {
  CHECKSTYLE_SEVERITY,
  FILE_ERROR_SOURCE,
  checkstyle_default as default,
  formatCheckstyle
};
