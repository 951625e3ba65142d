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
export const SCHEMA_BUDGET_SECONDS = 10;
/**
 * The sum over all elements of (number of children)² above which validation is predicted to take
 * longer than the budget: about 70,000 children of one element, which took about half the budget
 * on the machine measured, leaving room for a slower one.
 */
export const SCHEMA_COST_LIMIT = 5e9;

export interface WideElement {
  /** The element with the most children. */
  element: XmlElement;
  children: number;
}

/**
 * The widest element below `root` when validating `root` is predicted to take longer than the
 * budget, else undefined. The content of `/cib/status` is not validated, so it does not count.
 */
export function tooWideToValidate(root: XmlElement): WideElement | undefined {
  let cost = 0;
  let widest: WideElement | undefined;
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.name === 'status' && element.parent === root && root.name === 'cib') continue;
    const count = element.children.length;
    cost += count * count;
    if (!widest || count > widest.children) widest = { element, children: count };
    for (const child of element.children) stack.push(child);
  }
  return cost > SCHEMA_COST_LIMIT ? widest : undefined;
}

/** Thrown instead of validating a document predicted to take longer than the budget. */
export class SchemaValidationSkipped extends Error {
  constructor(readonly widest: WideElement) {
    super(
      `schema validation skipped: it would take longer than ${SCHEMA_BUDGET_SECONDS} s (${widest.element.describe()} has ` +
        `${widest.children} child elements, and RelaxNG validation time grows with the square of that number)`,
    );
  }
}
