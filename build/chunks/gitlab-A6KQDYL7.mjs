import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  DIAGNOSTIC_METAS,
  docsLink,
  isActive,
  shownPath
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/gitlab.ts
import { hash } from "node:crypto";
var GITLAB_SEVERITY = { note: "info", warning: "minor", error: "major" };
var FILE_ERROR_SEVERITY = "critical";
var FILE_ERROR_CHECK = "file-error";
var COMPATIBILITY_TAGS = /* @__PURE__ */ new Set(["deprecated", "upgrade", "pacemaker3"]);
function categories(meta) {
  return meta?.tags.some((tag) => COMPATIBILITY_TAGS.has(tag)) ? ["Compatibility"] : ["Bug Risk"];
}
function fingerprint(...parts) {
  return hash("sha256", parts.join("\0")).slice(0, 32);
}
function buildCodeQuality(report) {
  const metas = new Map([...DIAGNOSTIC_METAS, ...report.rules].map((meta) => [meta.id, meta]));
  const issues = [];
  for (const file of report.files) {
    const path = shownPath(file.filePath, report.root);
    for (const error of file.errors) {
      issues.push({
        type: "issue",
        check_name: FILE_ERROR_CHECK,
        description: error,
        categories: ["Bug Risk"],
        severity: FILE_ERROR_SEVERITY,
        fingerprint: fingerprint(path, FILE_ERROR_CHECK, error),
        location: { path, lines: { begin: 1, end: 1 } }
      });
    }
    const seen = /* @__PURE__ */ new Map();
    for (const finding of file.findings) {
      if (!isActive(finding)) continue;
      const occurrence = (seen.get(finding.fingerprint) ?? 0) + 1;
      seen.set(finding.fingerprint, occurrence);
      const body = [
        ...finding.suggestion ? [`**Fix:** ${finding.suggestion}`] : [],
        ...docsLink(report, finding.ruleId) ? [`[Documentation](${docsLink(report, finding.ruleId)})`] : []
      ].join("\n\n");
      issues.push({
        type: "issue",
        check_name: finding.ruleId,
        description: finding.message,
        categories: categories(metas.get(finding.ruleId)),
        severity: GITLAB_SEVERITY[finding.level],
        // The first occurrence keeps the plain hash, so a second one appearing does not renew the first.
        fingerprint: occurrence === 1 ? fingerprint(path, finding.fingerprint) : fingerprint(path, finding.fingerprint, String(occurrence)),
        location: { path, lines: { begin: finding.line, end: finding.endLine } },
        ...body && { content: { body } }
      });
    }
  }
  return issues;
}
function formatGitlab(report) {
  return `${JSON.stringify(buildCodeQuality(report), null, 2)}
`;
}
var formatter = {
  id: "gitlab",
  description: "GitLab Code Quality (Code Climate) JSON for the merge request widget",
  needsSource: false,
  format: (report) => formatGitlab(report)
};
var gitlab_default = formatter;
export {
  FILE_ERROR_CHECK,
  FILE_ERROR_SEVERITY,
  GITLAB_SEVERITY,
  buildCodeQuality,
  gitlab_default as default,
  formatGitlab
};
