import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  compareText,
  docsLink,
  isActive,
  levelRank,
  plural,
  shownPath,
  xmlAttribute,
  xmlText
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/junit.ts
var FILE_ERROR_CASE = "file-error";
function describe(report, path, finding) {
  const lines = [`${path}:${finding.line}:${finding.column}: ${finding.level}: ${finding.message} [${finding.ruleId}]`];
  if (finding.suggestion) lines.push(`  fix: ${finding.suggestion}`);
  const docs = docsLink(report, finding.ruleId);
  if (docs) lines.push(`  docs: ${docs}`);
  return lines.join("\n");
}
function ruleCase(report, path, ruleId, findings, failOn) {
  const fails = (finding) => failOn !== "none" && levelRank(finding.level) >= levelRank(failOn);
  const failing = findings.filter(fails);
  const passing = findings.filter((finding) => !fails(finding));
  const testCase = { name: ruleId };
  const first = failing[0];
  if (first) {
    const worst = failing.reduce((level, finding) => levelRank(finding.level) > levelRank(level) ? finding.level : level, first.level);
    const where = `line ${first.line}, column ${first.column}: ${first.message}`;
    testCase.failure = {
      type: worst,
      message: failing.length === 1 ? where : `${plural(failing.length, "finding")}, the first at ${where}`,
      body: failing.map((finding) => describe(report, path, finding)).join("\n")
    };
  }
  if (passing.length > 0) testCase.output = passing.map((finding) => describe(report, path, finding)).join("\n");
  return testCase;
}
function fileCases(report, file, path, failOn) {
  const byRule = /* @__PURE__ */ new Map();
  for (const finding of file.findings) {
    if (!isActive(finding)) continue;
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  const linted = file.errors.length === 0 || file.findings.length > 0;
  const ruleIds = new Set(byRule.keys());
  if (linted) for (const meta of report.rules) ruleIds.add(meta.id);
  const cases = [...ruleIds].sort(compareText).map((ruleId) => ruleCase(report, path, ruleId, byRule.get(ruleId) ?? [], failOn));
  if (file.errors.length > 0) {
    const [first = ""] = file.errors;
    cases.push({
      name: FILE_ERROR_CASE,
      error: {
        message: file.errors.length === 1 ? first : `${plural(file.errors.length, "error")}, the first: ${first}`,
        body: file.errors.map((error) => `${path}: ${error}`).join("\n")
      }
    });
  }
  return cases;
}
function className(path) {
  return path.replace(/(?<=[^/])\.[^./]*$/, "");
}
function testCaseXml(testCase, classname) {
  const open = `    <testcase name="${xmlAttribute(testCase.name)}" classname="${xmlAttribute(classname)}" time="0"`;
  const children = [];
  if (testCase.error) {
    children.push(`      <error type="${FILE_ERROR_CASE}" message="${xmlAttribute(testCase.error.message)}">${xmlText(testCase.error.body)}</error>`);
  }
  if (testCase.failure) {
    const { type, message, body } = testCase.failure;
    children.push(`      <failure type="${type}" message="${xmlAttribute(message)}">${xmlText(body)}</failure>`);
  }
  if (testCase.output !== void 0) children.push(`      <system-out>${xmlText(testCase.output)}</system-out>`);
  return children.length === 0 ? `${open}/>` : `${open}>
${children.join("\n")}
    </testcase>`;
}
function formatJunit(report, failOn = "error") {
  const totals = { tests: 0, failures: 0, errors: 0 };
  const suites = [];
  for (const file of report.files) {
    const path = shownPath(file.filePath, report.root);
    const cases = fileCases(report, file, path, failOn);
    const failures = cases.filter((testCase) => testCase.failure).length;
    const errors = cases.filter((testCase) => testCase.error).length;
    totals.tests += cases.length;
    totals.failures += failures;
    totals.errors += errors;
    const attributes = `name="${xmlAttribute(path)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0"`;
    const classname = className(path);
    suites.push(
      cases.length === 0 ? `  <testsuite ${attributes}/>` : `  <testsuite ${attributes}>
${cases.map((testCase) => testCaseXml(testCase, classname)).join("\n")}
  </testsuite>`
    );
  }
  const root = `<testsuites name="cib-lint" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="0"`;
  const body = suites.length === 0 ? `${root}/>` : `${root}>
${suites.join("\n")}
</testsuites>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
${body}
`;
}
var formatter = {
  id: "junit",
  description: "JUnit XML for Jenkins, GitLab and Azure test reports: a test case per rule and file",
  needsSource: false,
  format: (report, context) => formatJunit(report, context.failOn)
};
var junit_default = formatter;
export {
  FILE_ERROR_CASE,
  junit_default as default,
  formatJunit
};
