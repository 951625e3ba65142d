import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  visible
} from "./chunk-IKCZJ4ML.mjs";
import {
  docsLink,
  plural,
  shownPath,
  worstFirst
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/github.ts
var ANNOTATION_LIMIT = 10;
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeInputData(value) {
  return escapeData(visible(value, { tabs: false }));
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var COMMAND = { error: "error", warning: "warning", note: "notice" };
function formatGithub(report, options = {}) {
  const lines = [];
  const budget = { error: ANNOTATION_LIMIT - (options.reserveError ? 1 : 0), warning: ANNOTATION_LIMIT, note: ANNOTATION_LIMIT };
  const fileErrors = report.files.flatMap((file) => file.errors.map((error) => ({ file, error })));
  const shownFileErrors = fileErrors.slice(0, Math.max(0, budget.error));
  budget.error -= shownFileErrors.length;
  const omittedFileErrors = fileErrors.length - shownFileErrors.length;
  for (const { file, error } of shownFileErrors) {
    lines.push(`::error file=${escapeProperty(visible(shownPath(file.filePath, report.root), { tabs: false }))},title=cib-lint::${escapeInputData(error)}`);
  }
  const findings = worstFirst(report.files);
  const total = { error: 0, warning: 0, note: 0 };
  for (const { finding } of findings) total[finding.level]++;
  const overflow = omittedFileErrors > 0 || total.error > budget.error || total.warning > budget.warning || total.note > budget.note;
  if (overflow) budget.note--;
  let omitted = 0;
  for (const { file, finding } of findings) {
    if (budget[finding.level] <= 0) {
      omitted++;
      continue;
    }
    budget[finding.level]--;
    const properties = [
      `file=${escapeProperty(visible(shownPath(file.filePath, report.root), { tabs: false }))}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(visible(finding.ruleId, { tabs: false }))}`
    ].join(",");
    const docs = docsLink(report, finding.ruleId);
    const body = [finding.message, ...finding.suggestion ? [`Fix: ${finding.suggestion}`] : [], ...docs ? [`Docs: ${docs}`] : []].map((part) => visible(part, { tabs: false })).join("\n");
    lines.push(`::${COMMAND[finding.level]} ${properties}::${escapeData(body)}`);
  }
  if (omitted > 0 || omittedFileErrors > 0) {
    const where = options.summaryHint ?? "the job summary, the SARIF file or `cib-lint` output";
    const what = omitted > 0 ? `${plural(omitted, "more finding")}${omittedFileErrors > 0 ? ` and ${plural(omittedFileErrors, "file error")}` : ""}` : plural(omittedFileErrors, "more file error");
    lines.push(`::notice title=cib-lint::${escapeData(`${what} not annotated (GitHub shows ${ANNOTATION_LIMIT} per level); see ${where}.`)}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}
var formatter = {
  id: "github",
  description: "GitHub Actions workflow commands: annotations on the pull request",
  needsSource: false,
  format: (report) => formatGithub(report)
};
var github_default = formatter;
export {
  ANNOTATION_LIMIT,
  github_default as default,
  escapeData,
  escapeInputData,
  escapeProperty,
  formatGithub
};
