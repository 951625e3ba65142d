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
import type { Rule } from '../core/rule.js';
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
/**
 * The findings a fixture's markers expect. Pass the ids of the rules the fixture is checked with
 * so that `rule-id/messageId` is told apart from a prefixed rule id such as `acme/image-pinned`.
 */
export declare function expectedFindings(bytes: Uint8Array, ruleIds?: Iterable<string>): FindingKey[];
/**
 * The keys of a lint result's findings. `elementLine` gives the line of an element by index, so
 * that a finding on an attribute is shown at its element's line, as its marker is.
 */
export declare function actualFindings(result: FileResult, elementLine?: (index: number) => number | undefined): FindingKey[];
/**
 * Pairs markers with findings, as many as possible (a bipartite matching by augmenting paths), so
 * that a marker that leaves the message open never takes the finding a more precise one needs.
 * Returns, per expected key, the index of its actual key or -1.
 */
export declare function matchFindings(expected: FindingKey[], actual: FindingKey[]): number[];
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
export declare function checkFixture(bytes: Uint8Array, filePath: string, rules: Rule[]): FixtureOutcome;
