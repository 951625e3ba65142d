// `--format junit`: valid against Jenkins's JUnit schema (junit-jenkins.xsd beside this file, which
// says where it comes from), a test case per rule and file, failures from --fail-on up.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CASE, formatJunit } from '../../src/output/junit.js';
import { runInProcess } from '../helpers.js';
import { docsOf, file, finding, HOSTILE, HOSTILE_IN_XML, report, withXml, xpathValue, xsdProblems } from './helpers.js';

const DOCS = docsOf('some-rule');
const JUNIT_XSD = readFileSync(new URL('junit-jenkins.xsd', import.meta.url), 'utf8');

function expectValid(xml: string): void {
  expect(xsdProblems(xml, JUNIT_XSD)).toEqual([]);
}

/** The counts in every testsuite (and testsuites) equal its test cases, failures and errors. */
function expectConsistentCounts(xml: string): void {
  withXml(xml, (document) => {
    const suites = Number(xpathValue(document, 'count(/testsuites/testsuite)'));
    for (let index = 1; index <= suites; index++) {
      const suite = `/testsuites/testsuite[${index}]`;
      expect(xpathValue(document, `string(${suite}/@tests)`)).toBe(xpathValue(document, `count(${suite}/testcase)`));
      expect(xpathValue(document, `string(${suite}/@failures)`)).toBe(xpathValue(document, `count(${suite}/testcase[failure])`));
      expect(xpathValue(document, `string(${suite}/@errors)`)).toBe(xpathValue(document, `count(${suite}/testcase[error])`));
    }
    expect(xpathValue(document, 'string(/testsuites/@tests)')).toBe(xpathValue(document, 'count(//testcase)'));
    expect(xpathValue(document, 'string(/testsuites/@failures)')).toBe(xpathValue(document, 'count(//testcase[failure])'));
    expect(xpathValue(document, 'string(/testsuites/@errors)')).toBe(xpathValue(document, 'count(//testcase[error])'));
  });
}

describe('the JUnit schema itself', () => {
  it('rejects what Jenkins cannot read (so passing it means something)', () => {
    expect(xsdProblems('<testsuites><testsuite tests="1"><testcase/></testsuite></testsuites>', JUNIT_XSD)).not.toEqual([]);
    expect(xsdProblems('<testsuites><testsuite name="a" tests="1"><failure/></testsuite></testsuites>', JUNIT_XSD)).not.toEqual([]);
  });
});

describe('--format junit on the examples', () => {
  it('is valid, has a suite per file and a test case per rule, and fails the rules with errors', async () => {
    const json = JSON.parse((await runInProcess(['fixtures/examples', '--format', 'json'])).stdout);
    const result = await runInProcess(['fixtures/examples', '--format', 'junit']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expectValid(result.stdout);
    expectConsistentCounts(result.stdout);
    const rulesRun = JSON.parse((await runInProcess(['rules', '--format', 'json'])).stdout).filter((rule: { recommended: boolean }) => rule.recommended).length;
    withXml(result.stdout, (document) => {
      expect(xpathValue(document, 'count(/testsuites/testsuite)')).toBe('2');
      expect(xpathValue(document, "count(/testsuites/testsuite[@name='fixtures/examples/clean.xml']/testcase)")).toBe(String(rulesRun));
      expect(xpathValue(document, "count(/testsuites/testsuite[@name='fixtures/examples/clean.xml']/testcase[*])")).toBe('0');
      const bundle = "/testsuites/testsuite[@name='fixtures/examples/httpd-bundle.xml']";
      const findings = json.files.find((entry: { path: string }) => entry.path.endsWith('httpd-bundle.xml')).findings as { ruleId: string; level: string }[];
      const failing = [...new Set(findings.filter((entry) => entry.level === 'error').map((entry) => entry.ruleId))].sort();
      const below = [...new Set(findings.filter((entry) => entry.level !== 'error').map((entry) => entry.ruleId))].sort();
      expect(failing.length).toBeGreaterThan(0);
      expect(below.length).toBeGreaterThan(0);
      const names = (path: string) => document.find(path).map((node) => node.content).sort();
      expect(names(`${bundle}/testcase[failure]/@name`)).toEqual(failing);
      // Below --fail-on (default error): passing test cases that show the findings in system-out.
      expect(names(`${bundle}/testcase[system-out and not(failure)]/@name`)).toEqual(below);
      expect(xpathValue(document, `string(${bundle}/testcase[@name='${failing[0]}']/@classname)`)).toBe('fixtures/examples/httpd-bundle');
    });
  });

  it('takes the threshold from --fail-on: warning fails the warnings too, none fails nothing', async () => {
    const warning = await runInProcess(['fixtures/examples/httpd-bundle.xml', '--format', 'junit', '--fail-on', 'warning']);
    expectValid(warning.stdout);
    withXml(warning.stdout, (document) => {
      expect(xpathValue(document, 'count(//testcase[failure])')).toBe('5');
      expect(xpathValue(document, 'count(//system-out)')).toBe('0');
      expect(xpathValue(document, "string(//testcase[@name='bundle-authkey-location']/failure/@type)")).toBe('warning');
    });
    const none = await runInProcess(['fixtures/examples/httpd-bundle.xml', '--format', 'junit', '--fail-on', 'none']);
    expect(none.status).toBe(0);
    expectValid(none.stdout);
    withXml(none.stdout, (document) => {
      expect(xpathValue(document, 'string(/testsuites/@failures)')).toBe('0');
      expect(xpathValue(document, 'count(//testcase/system-out)')).toBe('5');
    });
  });

  it('reports a file that cannot be read as an error, and runs no rule on it', async () => {
    const result = await runInProcess(['fixtures/examples/clean.xml', 'no-such.xml', '--format', 'junit']);
    expect(result.status).toBe(2);
    expectValid(result.stdout);
    expectConsistentCounts(result.stdout);
    withXml(result.stdout, (document) => {
      const missing = "/testsuites/testsuite[@name='no-such.xml']";
      expect(xpathValue(document, `count(${missing}/testcase)`)).toBe('1');
      expect(xpathValue(document, `string(${missing}/testcase/@name)`)).toBe(FILE_ERROR_CASE);
      expect(xpathValue(document, `string(${missing}/testcase/error/@message)`)).toBe('no such file, directory or matching glob: no-such.xml');
      expect(xpathValue(document, 'string(/testsuites/@errors)')).toBe('1');
    });
  });
});

describe('formatJunit', () => {
  it('puts every finding of one rule in one failure (consumers show only the first), worst level as its type', () => {
    const xml = formatJunit(
      report([
        file('/repo/a.xml', [
          finding({ line: 2, message: 'first', level: 'warning' }),
          finding({ line: 7, message: 'second', suggestion: 'do this' }),
          finding({ line: 9, message: 'a note', level: 'note' }),
        ]),
      ]),
      'warning',
    );
    expectValid(xml);
    withXml(xml, (document) => {
      expect(xpathValue(document, 'count(//testcase[@name="some-rule"]/failure)')).toBe('1');
      expect(xpathValue(document, 'string(//failure/@type)')).toBe('error');
      expect(xpathValue(document, 'string(//failure/@message)')).toBe('2 findings, the first at line 2, column 5: first');
      expect(xpathValue(document, 'string(//failure)')).toBe(
        `a.xml:2:5: warning: first [some-rule]\n  docs: ${DOCS}\na.xml:7:5: error: second [some-rule]\n  fix: do this\n  docs: ${DOCS}`,
      );
      expect(xpathValue(document, 'string(//testcase[@name="some-rule"]/system-out)')).toBe(`a.xml:9:5: note: a note [some-rule]\n  docs: ${DOCS}`);
      // The other rule ran and found nothing: a passing test case.
      expect(xpathValue(document, 'count(//testcase[@name="other-rule"]/*)')).toBe('0');
    });
  });

  it('leaves suppressed findings out', () => {
    const suppressed = finding({ suppressions: [{ kind: 'inSource', justification: 'known' }] });
    const xml = formatJunit(report([file('/repo/a.xml', [suppressed])]));
    expectValid(xml);
    withXml(xml, (document) => {
      expect(xpathValue(document, 'string(/testsuites/@failures)')).toBe('0');
      expect(xpathValue(document, 'count(//testcase[@name="some-rule"]/*)')).toBe('0');
    });
  });

  it('shows a rule that failed as its internal-error finding and the file error, keeping the other rules', () => {
    const crash = finding({ ruleId: 'internal-error', message: 'Rule "other-rule" failed on this file: boom', line: 1, column: 1 });
    const xml = formatJunit(report([file('/repo/a.xml', [crash], ['rule other-rule failed: boom'])]));
    expectValid(xml);
    expectConsistentCounts(xml);
    withXml(xml, (document) => {
      expect(document.find('//testcase/@name').map((node) => node.content)).toEqual(['internal-error', 'other-rule', 'some-rule', FILE_ERROR_CASE]);
      expect(xpathValue(document, 'string(//testcase[error]/error)')).toBe('a.xml: rule other-rule failed: boom');
    });
  });

  it('keeps markup, line breaks and characters XML cannot carry from breaking the document', () => {
    const xml = formatJunit(report([file(`/repo/odd ${HOSTILE}.xml`, [finding({ message: HOSTILE, suggestion: HOSTILE })], [HOSTILE])]));
    expectValid(xml);
    withXml(xml, (document) => {
      const path = `odd ${HOSTILE_IN_XML}.xml`;
      expect(xpathValue(document, 'string(/testsuites/testsuite/@name)')).toBe(path);
      expect(xpathValue(document, 'string(//failure/@message)')).toBe(`line 3, column 5: ${HOSTILE_IN_XML}`);
      expect(xpathValue(document, 'string(//failure)')).toBe(`${path}:3:5: error: ${HOSTILE_IN_XML} [some-rule]\n  fix: ${HOSTILE_IN_XML}\n  docs: ${DOCS}`);
      expect(xpathValue(document, 'string(//error/@message)')).toBe(HOSTILE_IN_XML);
    });
  });

  it('writes a valid empty report when there are no files', () => {
    const xml = formatJunit(report([]));
    expectValid(xml);
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cib-lint" tests="0" failures="0" errors="0" time="0"/>\n');
  });
});
