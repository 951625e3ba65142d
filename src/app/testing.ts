/**
 * Fixture checking, shared by cib-lint's own tests and by teams testing their own rules: a fixture
 * is a CIB with `<!-- expect: rule-id -->` before each element that must be reported (several ids
 * separated by commas, an id repeated for several findings on the element) and
 * `<!-- expect-document: rule-id -->` for findings about the document as a whole. Markers bind to
 * elements, not lines, so editing a fixture never breaks its expectations.
 */
import type { FileResult } from '../core/finding.js';
import { lintSource } from './lint-files.js';
import type { Rule } from '../core/rule.js';
import { scanXml } from '../document/xml/scan.js';
import { decodeSource, LineIndex } from '../document/xml/source.js';

const MARKER = /^\s*expect(-document)?:\s*(.*?)\s*$/s;

/** One expected or actual finding: a rule id at an element (by document order) or the document. */
export interface FindingKey {
  ruleId: string;
  /** Element index in document order, or undefined for the document. */
  element: number | undefined;
  /** Line shown in failure messages. */
  line: number;
}

export function expectedFindings(bytes: Uint8Array): FindingKey[] {
  const text = decodeSource(bytes);
  const lines = new LineIndex(text);
  const keys: FindingKey[] = [];
  for (const comment of scanXml(text).comments) {
    const match = MARKER.exec(comment.text);
    if (!match) continue;
    const documentLevel = match[1] !== undefined;
    const target = documentLevel ? undefined : comment.nextElement;
    for (const ruleId of match[2]!.split(',').map((id) => id.trim()).filter(Boolean)) {
      keys.push({
        ruleId,
        element: target?.index,
        line: lines.position((target ?? comment).span.start).line,
      });
    }
  }
  return keys;
}

export function actualFindings(result: FileResult): FindingKey[] {
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    element: finding.elementIndex,
    line: finding.line,
  }));
}

function describeKeys(keys: FindingKey[]): string[] {
  return keys
    .map((key) => `${key.ruleId} at ${key.element === undefined ? 'document' : `element on line ${key.line}`}`)
    .sort();
}

export interface FixtureOutcome {
  result: FileResult;
  expected: string[];
  actual: string[];
  missing: string[];
  unexpected: string[];
}

/** Lints a fixture with the given rules alone and compares findings with its markers. */
export function checkFixture(bytes: Uint8Array, filePath: string, rules: Rule[]): FixtureOutcome {
  const result = lintSource(bytes, filePath, { rules: rules.map((rule) => ({ rule })) });
  const expected = describeKeys(expectedFindings(bytes));
  const actual = describeKeys(actualFindings(result));
  const remaining = [...actual];
  const missing: string[] = [];
  for (const key of expected) {
    const at = remaining.indexOf(key);
    if (at >= 0) remaining.splice(at, 1);
    else missing.push(key);
  }
  return { result, expected, actual, missing, unexpected: remaining };
}
