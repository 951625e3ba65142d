/**
 * JUnit XML, for the test views of Jenkins (`junit`), GitLab (`artifacts: reports: junit`) and
 * Azure Pipelines (PublishTestResults, `JUnit`). Each file is a test suite and each rule that ran a
 * test case in it, so the view shows which rules pass on which CIB:
 *
 * - findings at or above `--fail-on` fail their rule's test case: one `<failure>` listing them
 *   all, because Jenkins and GitLab show only a test case's first failure;
 * - findings below it leave the test case passing and are listed in its `<system-out>`;
 * - a file that could not be (fully) linted has a `file-error` test case with an `<error>`.
 *
 * Suppressed findings are left out. Jenkins's JUnit schema checks the shape in
 * test/formats/junit.test.ts.
 */
import type { Formatter } from './formatter.js';
import type { FileResult, Finding } from '../core/linter.js';
import { levelRank, type Level } from '../core/rule.js';
import { compareText } from '../core/order.js';
import { docsLink, isActive, plural, shownPath, xmlAttribute, xmlText, type LintReport } from './report.js';

/** The name of the test case that carries a file's errors (unreadable, a rule that failed). */
export const FILE_ERROR_CASE = 'file-error';

interface TestCase {
  name: string;
  failure?: { type: string; message: string; body: string };
  error?: { message: string; body: string };
  output?: string;
}

/** A finding as a line of a failure or of system-out: the place, the level, the message, the fix. */
function describe(report: LintReport, path: string, finding: Finding): string {
  const lines = [`${path}:${finding.line}:${finding.column}: ${finding.level}: ${finding.message} [${finding.ruleId}]`];
  if (finding.suggestion) lines.push(`  fix: ${finding.suggestion}`);
  const docs = docsLink(report, finding.ruleId);
  if (docs) lines.push(`  docs: ${docs}`);
  return lines.join('\n');
}

function ruleCase(report: LintReport, path: string, ruleId: string, findings: Finding[], failOn: Level | 'none'): TestCase {
  const fails = (finding: Finding) => failOn !== 'none' && levelRank(finding.level) >= levelRank(failOn);
  const failing = findings.filter(fails);
  const passing = findings.filter((finding) => !fails(finding));
  const testCase: TestCase = { name: ruleId };
  const first = failing[0];
  if (first) {
    const worst = failing.reduce((level, finding) => (levelRank(finding.level) > levelRank(level) ? finding.level : level), first.level);
    const where = `line ${first.line}, column ${first.column}: ${first.message}`;
    testCase.failure = {
      type: worst,
      message: failing.length === 1 ? where : `${plural(failing.length, 'finding')}, the first at ${where}`,
      body: failing.map((finding) => describe(report, path, finding)).join('\n'),
    };
  }
  if (passing.length > 0) testCase.output = passing.map((finding) => describe(report, path, finding)).join('\n');
  return testCase;
}

function fileCases(report: LintReport, file: FileResult, path: string, failOn: Level | 'none'): TestCase[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of file.findings) {
    if (!isActive(finding)) continue;
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  // A rule that fails still leaves an internal-error finding, so errors without any finding mean the
  // file was not linted at all (unreadable, missing): no rule ran on it, and none passed.
  const linted = file.errors.length === 0 || file.findings.length > 0;
  const ruleIds = new Set(byRule.keys());
  if (linted) for (const meta of report.rules) ruleIds.add(meta.id);
  const cases = [...ruleIds].sort(compareText).map((ruleId) => ruleCase(report, path, ruleId, byRule.get(ruleId) ?? [], failOn));
  if (file.errors.length > 0) {
    const [first = ''] = file.errors;
    cases.push({
      name: FILE_ERROR_CASE,
      error: {
        message: file.errors.length === 1 ? first : `${plural(file.errors.length, 'error')}, the first: ${first}`,
        body: file.errors.map((error) => `${path}: ${error}`).join('\n'),
      },
    });
  }
  return cases;
}

/** Jenkins reads a class name as `package.Class`: without the extension, `a.xml` is not split at `.xml`. */
function className(path: string): string {
  return path.replace(/(?<=[^/])\.[^./]*$/, '');
}

function testCaseXml(testCase: TestCase, classname: string): string {
  const open = `    <testcase name="${xmlAttribute(testCase.name)}" classname="${xmlAttribute(classname)}" time="0"`;
  const children: string[] = [];
  if (testCase.error) {
    children.push(`      <error type="${FILE_ERROR_CASE}" message="${xmlAttribute(testCase.error.message)}">${xmlText(testCase.error.body)}</error>`);
  }
  if (testCase.failure) {
    const { type, message, body } = testCase.failure;
    children.push(`      <failure type="${type}" message="${xmlAttribute(message)}">${xmlText(body)}</failure>`);
  }
  if (testCase.output !== undefined) children.push(`      <system-out>${xmlText(testCase.output)}</system-out>`);
  return children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n    </testcase>`;
}

export function formatJunit(report: LintReport, failOn: Level | 'none' = 'error'): string {
  const totals = { tests: 0, failures: 0, errors: 0 };
  const suites: string[] = [];
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
      cases.length === 0
        ? `  <testsuite ${attributes}/>`
        : `  <testsuite ${attributes}>\n${cases.map((testCase) => testCaseXml(testCase, classname)).join('\n')}\n  </testsuite>`,
    );
  }
  const root = `<testsuites name="cib-lint" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="0"`;
  const body = suites.length === 0 ? `${root}/>` : `${root}>\n${suites.join('\n')}\n</testsuites>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

const formatter: Formatter = {
  id: 'junit',
  description: 'JUnit XML for Jenkins, GitLab and Azure test reports: a test case per rule and file',
  needsSource: false,
  format: (report, context) => formatJunit(report, context.failOn),
};
export default formatter;
