import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  ruleDocsPage
} from "./chunk-4GJTKUWF.mjs";
import {
  jsonPieces,
  streamed
} from "./chunk-IDNPROLT.mjs";
import {
  outputText
} from "./chunk-6SVTRGOD.mjs";
import "./chunk-IKCZJ4ML.mjs";
import {
  DIAGNOSTIC_METAS,
  LEVELS,
  REPOSITORY_URL,
  TOOL_NAME,
  TOOL_VERSION,
  compareText,
  isActive,
  relativeInside,
  ruleDocsUrl
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/sarif.ts
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var FINGERPRINT_KEY = "cibLint/v1";
var SARIF_TEXT_LIMIT = 1024;
var SARIF_RESULT_LIMIT = 25e3;
var PROBLEM_SEVERITY = { error: "error", warning: "warning", note: "recommendation" };
function clip(text) {
  return text.length <= SARIF_TEXT_LIMIT ? text : `${text.slice(0, SARIF_TEXT_LIMIT - 1)}\u2026`;
}
function ruleName(id) {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}
function withAbsoluteLinks(markdown, pageUrl) {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#")) return whole;
    return `](${new URL(target, pageUrl).href})`;
  });
}
function sarifRule(meta) {
  const url = ruleDocsUrl(meta);
  const constraint = `${meta.constraint.title} (${meta.constraint.source})`;
  const page = url === void 0 ? void 0 : ruleDocsPage(meta.id);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: clip(meta.description) },
    fullDescription: { text: clip(`${meta.description}. Enforces: ${constraint}.`) },
    ...url && { helpUri: url },
    help: {
      text: `${meta.description}
Enforces: ${constraint}${url ? `
Documentation: ${url}` : ""}`,
      markdown: page !== void 0 && url !== void 0 ? `${withAbsoluteLinks(page.trimEnd(), url)}

[This page on GitHub](${url})` : `${meta.description}

**Enforces:** ${meta.constraint.title} \u2014 ${meta.constraint.source}${url ? `

[Documentation, examples and fixes](${url})` : ""}`
    },
    defaultConfiguration: { level: meta.level },
    properties: {
      tags: [...meta.tags],
      precision: "very-high",
      "problem.severity": PROBLEM_SEVERITY[meta.level]
    }
  };
}
function region(location) {
  return {
    startLine: location.line,
    startColumn: location.column,
    endLine: location.endLine,
    // SARIF regions need a non-empty span on one line: widen a point to one character.
    endColumn: location.endLine === location.line ? Math.max(location.endColumn, location.column + 1) : location.endColumn
  };
}
function sarifRoot(report) {
  return report.repositoryRoot ?? report.root;
}
function artifactLocation(filePath, report) {
  if (filePath === "<stdin>") return { uri: "stdin" };
  const absolute = resolve(report.root, filePath);
  const inside = relativeInside(sarifRoot(report), absolute);
  if (inside !== void 0) return { uri: inside.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
  return { uri: pathToFileURL(absolute).href };
}
function result(finding, filePath, report, ruleIndex) {
  const location = artifactLocation(filePath, report);
  const message = finding.suggestion ? `${finding.message}. Fix: ${finding.suggestion}` : finding.message;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    message: { text: message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(finding) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...finding.related.length > 0 && {
      relatedLocations: finding.related.map((related, id) => ({
        id,
        message: { text: related.message },
        physicalLocation: { artifactLocation: location, region: region(related) }
      }))
    },
    ...finding.suppressions && finding.suppressions.length > 0 && {
      suppressions: finding.suppressions.map((suppression) => ({
        kind: suppression.kind,
        justification: suppression.justification
      }))
    },
    // SARIF 2.1.0 §3.55: the safe fixes, as byte ranges of the file and the text that replaces them.
    ...finding.fixes && {
      fixes: finding.fixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: [{
          artifactLocation: location,
          replacements: fix.edits.map((edit) => ({
            deletedRegion: { byteOffset: edit.offset, byteLength: edit.endOffset - edit.offset },
            ...edit.text !== "" && { insertedContent: { text: edit.text } }
          }))
        }]
      }))
    },
    properties: {
      idPath: finding.idPath,
      ...finding.elementId !== void 0 && { elementId: finding.elementId }
    }
  };
}
function bucketOf(finding) {
  return finding.suppressions !== void 0 && finding.suppressions.length > 0 ? 3 : 2 - LEVELS.indexOf(finding.level);
}
var BUCKET_NAMES = ["error", "warning", "note", "suppressed"];
function sarifCap(report, limit = SARIF_RESULT_LIMIT, options = {}) {
  return capPlan(options.suppressed === true ? report : withoutSuppressed(report), limit).cap;
}
function withoutSuppressed(report) {
  return { ...report, files: report.files.map((file) => ({ ...file, findings: file.findings.filter(isActive) })) };
}
function capPlan(report, limit) {
  const perBucket = [0, 0, 0, 0];
  for (const file of report.files) for (const finding of file.findings) perBucket[bucketOf(finding)]++;
  const total = perBucket.reduce((sum, count) => sum + count, 0);
  if (total <= limit) return { cap: void 0, keep: () => true };
  const quota = [0, 0, 0, 0];
  let left = limit;
  for (const [bucket, count] of perBucket.entries()) {
    quota[bucket] = Math.min(count, left);
    left -= quota[bucket];
  }
  const omitted = Object.fromEntries(BUCKET_NAMES.map((name, bucket) => [name, perBucket[bucket] - quota[bucket]]));
  return {
    cap: { written: limit, total, omitted },
    keep: (finding) => {
      const bucket = bucketOf(finding);
      if (quota[bucket] <= 0) return false;
      quota[bucket]--;
      return true;
    }
  };
}
function capNote(cap) {
  const left = BUCKET_NAMES.filter((name) => cap.omitted[name] > 0).map((name) => `${cap.omitted[name]} ${name}`);
  return `SARIF holds ${cap.written} of ${cap.total} findings (the worst first; GitHub code scanning accepts ${SARIF_RESULT_LIMIT} results per run); left out: ${left.join(", ")}. Every finding is in the JSON or text report.`;
}
function buildSarif(report, limit = SARIF_RESULT_LIMIT, options = {}) {
  return sarifLog(report, limit, options).log;
}
function sarifLog(everything, limit, options) {
  const leftOut = options.suppressed === true ? 0 : everything.files.reduce((sum, file) => sum + file.findings.filter((finding) => !isActive(finding)).length, 0);
  const report = leftOut === 0 ? everything : withoutSuppressed(everything);
  const used = new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId)));
  const listed = new Set(report.rules.map((meta) => meta.id));
  const diagnostics = DIAGNOSTIC_METAS.filter((meta) => used.has(meta.id) && !listed.has(meta.id));
  const rules = [...report.rules, ...diagnostics].sort((a, b) => compareText(a.id, b.id));
  const indexById = new Map(rules.map((meta, index) => [meta.id, index]));
  const results = [];
  const { cap, keep } = capPlan(report, limit);
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (!keep(finding)) continue;
      const ruleIndex = indexById.get(finding.ruleId);
      if (ruleIndex === void 0) throw new Error(`finding of rule ${finding.ruleId}, which is not in rules[]`);
      results.push(result(finding, file.filePath, report, ruleIndex));
    }
  }
  const run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        semanticVersion: TOOL_VERSION,
        version: TOOL_VERSION,
        informationUri: REPOSITORY_URL,
        rules: rules.map(sarifRule)
      }
    },
    originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(sarifRoot(report).endsWith("/") ? sarifRoot(report) : `${sarifRoot(report)}/`).href } },
    results,
    columnKind: "utf16CodeUnits"
  };
  const versions = report.files.filter((file) => file.pacemaker !== void 0);
  if (versions.length > 0) {
    run.properties = {
      pacemakerVersions: versions.map((file) => ({ uri: artifactLocation(file.filePath, report).uri, ...file.pacemaker }))
    };
  }
  if (cap) {
    const note = capNote(cap);
    run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: [{ level: "warning", message: { text: note } }] }];
    run.properties = { ...run.properties, "cibLint/resultsCapped": { limit, written: cap.written, total: cap.total, omitted: cap.omitted } };
  }
  if (leftOut > 0) run.properties = { ...run.properties, "cibLint/suppressedLeftOut": leftOut };
  return { log: { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] }, cap };
}
function* sarifOutput(report, notice, limit = SARIF_RESULT_LIMIT, options = {}) {
  const { log, cap } = sarifLog(report, limit, options);
  const run = log.runs[0];
  if (cap) notice?.(capNote(cap));
  yield* jsonPieces({ ...log, runs: streamed([{ ...run, results: streamed(run.results ?? []) }]) });
  yield "\n";
}
function formatSarif(report) {
  return outputText(sarifOutput(report));
}
var formatter = {
  id: "sarif",
  description: "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers",
  needsSource: false,
  format: (report, context) => sarifOutput(report, context.notice, SARIF_RESULT_LIMIT, { suppressed: context.sarifSuppressed === true })
};
var sarif_default = formatter;
export {
  FINGERPRINT_KEY,
  SARIF_RESULT_LIMIT,
  SARIF_SCHEMA,
  buildSarif,
  capNote,
  sarif_default as default,
  formatSarif,
  sarifCap,
  sarifOutput,
  sarifRule
};
