import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);

// src/core/rule.ts
var LEVELS = ["note", "warning", "error"];
function levelRank(level) {
  return LEVELS.indexOf(level);
}
function defineRule(rule) {
  return rule;
}
var MESSAGE_VALUE_LIMIT = 200;
function valueStart(value, limit) {
  const code = value.charCodeAt(limit - 1);
  return value.slice(0, code >= 55296 && code <= 56319 ? limit - 1 : limit);
}
function clipValue(value, limit = MESSAGE_VALUE_LIMIT) {
  return value.length <= limit ? value : `${valueStart(value, limit)}\u2026 (${value.length} characters)`;
}
function formatMessage(template, data = {}) {
  return template.replace(/("?)\{\{\s*(\w+)\s*\}\}("?)/g, (whole, open, key, close) => {
    if (!Object.hasOwn(data, key)) return whole;
    const value = String(data[key]);
    if (value.length <= MESSAGE_VALUE_LIMIT) return `${open}${value}${close}`;
    const start = valueStart(value, MESSAGE_VALUE_LIMIT);
    return open === '"' && close === '"' ? `"${start}\u2026" (${value.length} characters)` : `${open}${start}\u2026 (${value.length} characters)${close}`;
  });
}

// src/core/meta.ts
var TOOL_NAME = "cib-lint";
var TOOL_VERSION = "0.1.0";
var REPOSITORY_URL = "https://github.com/cib-lint/cib-lint";
function ruleDocsUrl(meta) {
  if (meta.docsUrl === void 0) return docsUrl(meta.id);
  return meta.docsUrl === "" ? void 0 : meta.docsUrl;
}
function docsUrl(ruleId, relative2 = false) {
  return relative2 ? `docs/rules/${ruleId}.md` : `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

// src/core/diagnostics.ts
var SOURCE = "cib-lint docs/diagnostics.md";
var DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/diagnostics.md`;
var DIAGNOSTICS = {
  internalError: {
    id: "internal-error",
    level: "error",
    description: "A rule failed while checking this file; its findings for the file are missing",
    constraint: { title: "Every rule completes on every file", source: SOURCE },
    tags: ["cib-lint"],
    docsUrl: DOCS_URL,
    messages: { threw: { text: 'Rule "{{rule}}" failed on this file: {{reason}}' } }
  },
  suppressionReason: {
    id: "suppression-reason",
    level: "warning",
    description: "An inline suppression comment gives a reason",
    constraint: { title: "Suppressions say why: (reason: ...)", source: SOURCE },
    tags: ["cib-lint", "suppressions"],
    docsUrl: DOCS_URL,
    messages: { missing: { text: 'This suppression of {{rules}} gives no reason; write "(reason: why this is acceptable)"' } }
  },
  unusedSuppression: {
    id: "unused-suppression",
    level: "warning",
    description: "A suppression suppresses at least one finding",
    constraint: { title: "Suppressions that suppress nothing are removed", source: SOURCE },
    tags: ["cib-lint", "suppressions"],
    docsUrl: DOCS_URL,
    messages: { unused: { text: "This suppression of {{rules}} suppresses nothing; remove it" } }
  },
  suppressionExpired: {
    id: "suppression-expired",
    level: "warning",
    description: "Suppressions in the configuration are renewed or removed when they expire",
    constraint: { title: "An expired suppression no longer applies", source: SOURCE },
    tags: ["cib-lint", "suppressions"],
    docsUrl: DOCS_URL,
    messages: {
      expired: { text: 'The suppression of {{rule}} for "{{id}}" in {{file}} expired on {{expires}}; the finding is reported again' }
    }
  }
};
var DIAGNOSTIC_METAS = Object.values(DIAGNOSTICS);

// src/core/order.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/output/report.ts
import { isAbsolute, relative, resolve, sep } from "node:path";
function docsLink(report, ruleId) {
  let links = docsLinks.get(report);
  if (!links) {
    links = /* @__PURE__ */ new Map();
    for (const meta of [...DIAGNOSTIC_METAS, ...report.rules]) links.set(meta.id, ruleDocsUrl(meta));
    docsLinks.set(report, links);
  }
  return links.get(ruleId);
}
var docsLinks = /* @__PURE__ */ new WeakMap();
function relativeInside(root, path) {
  const inside = relative(root, resolve(root, path));
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return void 0;
  return inside.split(sep).join("/");
}
function shownPath(filePath, root) {
  if (filePath === "<stdin>" || !isAbsolute(filePath)) return filePath;
  return relativeInside(root, filePath) ?? filePath;
}
function isActive(finding) {
  return !finding.suppressions || finding.suppressions.length === 0;
}
function countFindings(files) {
  const counts = { error: 0, warning: 0, note: 0, suppressed: 0, fileErrors: 0 };
  for (const file of files) {
    if (file.errors.length > 0) counts.fileErrors++;
    for (const finding of file.findings) {
      if (isActive(finding)) counts[finding.level]++;
      else counts.suppressed++;
    }
  }
  return counts;
}
function worstFirst(files) {
  const all = files.flatMap((file) => file.findings.filter(isActive).map((finding) => ({ file, finding })));
  return all.sort(
    (a, b) => levelRank(b.finding.level) - levelRank(a.finding.level) || compareText(a.file.filePath, b.file.filePath) || a.finding.line - b.finding.line || a.finding.column - b.finding.column
  );
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function summaryLine(counts) {
  const problems = counts.error + counts.warning + counts.note;
  const parts = [plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.note, "note")];
  let line = `${plural(problems, "problem")} (${parts.join(", ")})`;
  if (counts.suppressed > 0) line += `, ${counts.suppressed} suppressed`;
  if (counts.fileErrors > 0) line += `, ${plural(counts.fileErrors, "file")} not fully linted`;
  return line;
}
var XML_UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
var XML_TEXT_SPECIAL = /[&<>\r\n]/g;
var XML_ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/g;
var XML_REFERENCES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "	": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;"
};
function visibleCodeUnit(character) {
  return `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}
function xmlText(text) {
  return text.replace(XML_UNREPRESENTABLE, visibleCodeUnit).replace(XML_TEXT_SPECIAL, (c) => XML_REFERENCES[c]);
}
function xmlAttribute(text) {
  return text.replace(XML_UNREPRESENTABLE, visibleCodeUnit).replace(XML_ATTRIBUTE_SPECIAL, (c) => XML_REFERENCES[c]);
}

export {
  LEVELS,
  levelRank,
  defineRule,
  clipValue,
  formatMessage,
  TOOL_NAME,
  TOOL_VERSION,
  REPOSITORY_URL,
  ruleDocsUrl,
  DIAGNOSTICS,
  DIAGNOSTIC_METAS,
  compareText,
  docsLink,
  relativeInside,
  shownPath,
  isActive,
  countFindings,
  worstFirst,
  plural,
  summaryLine,
  xmlText,
  xmlAttribute
};
