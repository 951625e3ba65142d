/**
 * Fixture checking, shared by cib-lint's own tests and by teams testing their own rules: a fixture
 * is a CIB with `<!-- expect: rule-id/messageId -->` before each element that must be reported and
 * `<!-- expect-document: rule-id/messageId -->` for findings about the document as a whole. When
 * the finding points at an attribute, `rule-id/messageId@attribute` pins that attribute too (and
 * with it the finding's exact span). Several findings are separated by commas, an entry repeated
 * for several findings on the element. A plain `rule-id` (or `rule-id@attribute`) still works and
 * matches any message of the rule; `unpinned` in the outcome lists the markers that leave the
 * message id or the attribute open, for test suites that require them (cib-lint's own does).
 * Markers bind to elements, not lines, so editing a fixture never breaks its expectations.
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
  /** The message id; absent when a marker leaves it open. Actual findings always have one. */
  messageId?: string;
  /** The attribute the finding points at; absent when it points at the element (or a marker leaves it open). */
  attribute?: string;
  /** Element index in document order, or undefined for the document. */
  element: number | undefined;
  /** Line shown in failure messages. */
  line: number;
}

/** What one marker entry names: `rule-id`, `rule-id/messageId`, either with `@attribute`. */
interface MarkerEntry {
  ruleId: string;
  messageId?: string;
  attribute?: string;
}

/**
 * Reads one marker entry. Rule ids may carry one prefix (`acme/image-pinned`), so `a/b` is either
 * that rule id or rule `a` with message `b`: the rule ids, when known, decide; without them it is
 * read as a rule id, as markers were written before message ids. `a/b/c` is always rule `a/b`,
 * message `c`.
 */
function parseEntry(entry: string, ruleIds: ReadonlySet<string> | undefined): MarkerEntry {
  const at = entry.indexOf('@');
  const attribute = at >= 0 ? entry.slice(at + 1).trim() : undefined;
  const name = (at >= 0 ? entry.slice(0, at) : entry).trim();
  const parts = name.split('/');
  let ruleId = name;
  let messageId: string | undefined;
  if (parts.length >= 3 || (parts.length === 2 && ruleIds !== undefined && !ruleIds.has(name) && ruleIds.has(parts[0]!))) {
    const slash = name.lastIndexOf('/');
    ruleId = name.slice(0, slash);
    messageId = name.slice(slash + 1);
  }
  const parsed: MarkerEntry = { ruleId };
  if (messageId) parsed.messageId = messageId;
  if (attribute) parsed.attribute = attribute;
  return parsed;
}

/**
 * The findings a fixture's markers expect. Pass the ids of the rules the fixture is checked with
 * so that `rule-id/messageId` is told apart from a prefixed rule id such as `acme/image-pinned`.
 */
export function expectedFindings(bytes: Uint8Array, ruleIds?: Iterable<string>): FindingKey[] {
  const known = ruleIds === undefined ? undefined : new Set(ruleIds);
  const text = decodeSource(bytes);
  const lines = new LineIndex(text);
  const keys: FindingKey[] = [];
  for (const comment of scanXml(text).comments) {
    const match = MARKER.exec(comment.text);
    if (!match) continue;
    const documentLevel = match[1] !== undefined;
    const target = documentLevel ? undefined : comment.nextElement;
    for (const entry of match[2]!.split(',').map((item) => item.trim()).filter(Boolean)) {
      keys.push({
        ...parseEntry(entry, known),
        element: target?.index,
        line: lines.position((target ?? comment).span.start).line,
      });
    }
  }
  return keys;
}

/**
 * The keys of a lint result's findings. `elementLine` gives the line of an element by index, so
 * that a finding on an attribute is shown at its element's line, as its marker is.
 */
export function actualFindings(result: FileResult, elementLine?: (index: number) => number | undefined): FindingKey[] {
  return result.findings.map((finding) => {
    const key: FindingKey = {
      ruleId: finding.ruleId,
      messageId: finding.messageId,
      element: finding.elementIndex,
      line: (finding.elementIndex === undefined ? undefined : elementLine?.(finding.elementIndex)) ?? finding.line,
    };
    if (finding.attribute !== undefined) key.attribute = finding.attribute;
    return key;
  });
}

/** A key as a marker entry: `rule-id/messageId@attribute`, with only the parts it has. */
function entryOf(key: FindingKey): string {
  return `${key.ruleId}${key.messageId === undefined ? '' : `/${key.messageId}`}${key.attribute === undefined ? '' : `@${key.attribute}`}`;
}

function describeKey(key: FindingKey): string {
  return `${entryOf(key)} at ${key.element === undefined ? 'document' : `element on line ${key.line}`}`;
}

function fits(expected: FindingKey, actual: FindingKey): boolean {
  return (
    expected.ruleId === actual.ruleId &&
    expected.element === actual.element &&
    (expected.messageId === undefined || expected.messageId === actual.messageId) &&
    (expected.attribute === undefined || expected.attribute === actual.attribute)
  );
}

/**
 * Pairs markers with findings, as many as possible (a bipartite matching by augmenting paths), so
 * that a marker that leaves the message open never takes the finding a more precise one needs.
 * Returns, per expected key, the index of its actual key or -1.
 */
export function matchFindings(expected: FindingKey[], actual: FindingKey[]): number[] {
  const actualOwner = new Array<number>(actual.length).fill(-1);
  const candidates = expected.map((key) => actual.flatMap((other, index) => (fits(key, other) ? [index] : [])));
  const assign = (which: number, seen: boolean[]): boolean => {
    for (const index of candidates[which]!) {
      if (seen[index]) continue;
      seen[index] = true;
      if (actualOwner[index] === -1 || assign(actualOwner[index]!, seen)) {
        actualOwner[index] = which;
        return true;
      }
    }
    return false;
  };
  // Matched markers stay matched, so the most precise go first: when not every marker can have a
  // finding, the one left over is the least precise (in marker order among equals).
  const precision = (key: FindingKey): number => (key.messageId === undefined ? 0 : 2) + (key.attribute === undefined ? 0 : 1);
  const order = expected.map((_, which) => which).sort((a, b) => precision(expected[b]!) - precision(expected[a]!) || a - b);
  for (const which of order) assign(which, []);
  const matched = new Array<number>(expected.length).fill(-1);
  actualOwner.forEach((which, index) => {
    if (which >= 0) matched[which] = index;
  });
  return matched;
}

export interface FixtureOutcome {
  result: FileResult;
  /** The markers, as `rule-id/messageId@attribute at element on line N` (only the parts written). */
  expected: string[];
  /** The findings, in the same form, with every part they have. */
  actual: string[];
  /** Markers no finding matched. */
  missing: string[];
  /** Findings no marker matched. */
  unexpected: string[];
  /**
   * Markers that matched a finding without naming its message id, or without the `@attribute`
   * of a finding that points at an attribute; each says the entry to write instead.
   */
  unpinned: string[];
}

/** Lints a fixture with the given rules alone and compares findings with its markers. */
export function checkFixture(bytes: Uint8Array, filePath: string, rules: Rule[]): FixtureOutcome {
  const result = lintSource(bytes, filePath, { rules: rules.map((rule) => ({ rule })) });
  const text = decodeSource(bytes);
  const lines = new LineIndex(text);
  const { elements } = scanXml(text);
  const expectedKeys = expectedFindings(bytes, rules.map((rule) => rule.meta.id));
  const actualKeys = actualFindings(result, (index) => {
    const element = elements[index];
    return element === undefined ? undefined : lines.position(element.span.start).line;
  });
  const matched = matchFindings(expectedKeys, actualKeys);
  const taken = new Set(matched);
  const missing: string[] = [];
  const unpinned: string[] = [];
  expectedKeys.forEach((key, which) => {
    const found = actualKeys[matched[which]!];
    if (found === undefined) missing.push(describeKey(key));
    else if (key.messageId === undefined || (found.attribute !== undefined && key.attribute === undefined)) {
      const where = key.element === undefined ? 'the document marker' : `the marker of the element on line ${key.line}`;
      unpinned.push(`${where}: "${entryOf(key)}" should be "${entryOf(found)}"`);
    }
  });
  const unexpected = actualKeys.filter((_, index) => !taken.has(index)).map(describeKey);
  return {
    result,
    expected: expectedKeys.map(describeKey).sort(),
    actual: actualKeys.map(describeKey).sort(),
    missing: missing.sort(),
    unexpected: unexpected.sort(),
    unpinned,
  };
}
