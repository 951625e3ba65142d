/**
 * A bound on RelaxNG validation, which libxml2 cannot interrupt once it runs. Its time grows with
 * the square of the number of children of an element (interleave and choice patterns are matched
 * against every sibling), so one element with 200,000 children keeps it busy for minutes while a
 * CIB of the same size spread over many elements validates in a second. The cost is predicted from
 * the scanned tree before validating, and a document over the budget is not validated at all.
 * docs/security.md gives the measurements the limit comes from.
 */
import type { XmlElement } from './element.js';
/** What a skipped validation is said to have been spared. */
export declare const SCHEMA_BUDGET_SECONDS = 10;
/**
 * The sum over all elements of (number of children)² above which validation is predicted to take
 * longer than the budget: about 70,000 children of one element, which took about half the budget
 * on the machine measured, leaving room for a slower one.
 */
export declare const SCHEMA_COST_LIMIT = 5000000000;
export interface WideElement {
    /** The element with the most children. */
    element: XmlElement;
    children: number;
}
/**
 * The widest element below `root` when validating `root` is predicted to take longer than the
 * budget, else undefined. The content of `/cib/status` is not validated, so it does not count.
 */
export declare function tooWideToValidate(root: XmlElement): WideElement | undefined;
/** Thrown instead of validating a document predicted to take longer than the budget. */
export declare class SchemaValidationSkipped extends Error {
    readonly widest: WideElement;
    constructor(widest: WideElement);
}
