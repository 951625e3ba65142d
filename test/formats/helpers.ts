// Helpers for the output-format tests: reports built by hand (with text no CIB should hold, but
// any may), and libxml2 (WebAssembly, a dependency) to parse and validate the XML formats.
import { XmlDocument, XmlLibError, XsdValidator } from 'libxml2-wasm';
import type { FileResult, Finding } from '../../src/core/linter.js';
import type { LintReport } from '../../src/output/report.js';
import type { RuleMeta } from '../../src/core/rule.js';

export const ROOT = '/repo';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'some-rule',
    level: 'error',
    messageId: 'm',
    message: 'something is wrong',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
    offset: 0,
    endOffset: 0,
    idPath: ['cib', 'configuration'],
    fingerprint: 'f00d',
    related: [],
    ...overrides,
  };
}

export function file(filePath: string, findings: Finding[], errors: string[] = []): FileResult {
  return { filePath, findings, errors };
}

/** The documentation link of the rules these reports list. */
export function docsOf(id: string): string {
  return `https://docs.example/${id}`;
}

export function meta(id: string, tags: string[] = []): RuleMeta {
  return {
    id,
    level: 'error',
    description: `the ${id} rule`,
    constraint: { title: 'a constraint', source: 'a test' },
    tags,
    messages: { m: { text: 'something is wrong' } },
    docsUrl: docsOf(id),
  } as RuleMeta;
}

export function report(files: FileResult[], ruleIds: string[] = ['some-rule', 'other-rule']): LintReport {
  return { files, rules: ruleIds.map((id) => meta(id)), root: ROOT };
}

/**
 * Text that XML 1.0 and one-line formats must survive: markup characters, line breaks, a tab,
 * C0 controls that XML 1.0 cannot carry at all (U+0001, U+0007, U+000B, U+001B), a lone surrogate,
 * U+FFFF, and NEL and LINE SEPARATOR, which XML allows but some editors break lines at.
 */
export const HOSTILE = 'a & b < c > d "q" \'s\' ]]> tab\there\nnew\r\nline \u0001\u0007\u000B\u001B[31m lone \uD800 end\uFFFF nel\u0085 ls\u2028.';

/** HOSTILE as an XML parser returns it from our output: what XML cannot carry is visible text. */
export const HOSTILE_IN_XML = 'a & b < c > d "q" \'s\' ]]> tab\there\nnew\r\nline \\u0001\\u0007\\u000B\\u001B[31m lone \\uD800 end\\uFFFF nel\u0085 ls\u2028.';

/** Parses `xml` with libxml2 (a parse error throws, naming libxml2's message) and hands it to `use`. */
export function withXml<T>(xml: string, use: (document: XmlDocument) => T): T {
  const document = XmlDocument.fromString(xml);
  try {
    return use(document);
  } finally {
    document.dispose();
  }
}

/** libxml2's complaints about `xml` against the XSD `xsd`, one line each; empty when it is valid. */
export function xsdProblems(xml: string, xsd: string): string[] {
  const schemaDocument = XmlDocument.fromString(xsd);
  const validator = XsdValidator.fromDoc(schemaDocument);
  try {
    return withXml(xml, (document) => {
      try {
        validator.validate(document);
        return [];
      } catch (error) {
        if (!(error instanceof XmlLibError)) throw error;
        return error.details.map((detail) => `${detail.line}: ${detail.message.trim()}`);
      }
    });
  } finally {
    validator.dispose();
    schemaDocument.dispose();
  }
}

/** The string value of an XPath expression (`string(...)`, `count(...)`) in `document`. */
export function xpathValue(document: XmlDocument, expression: string): string {
  return String(document.eval(expression));
}
