/**
 * A group is an ordered, colocated list of primitives; a bundle is not a primitive and cannot
 * be a member. The schema rejects it, and pcs refuses to add a bundle to a group: the ordering
 * and colocation a group would give are expressed with constraints on the bundle instead.
 */
declare const _default: import("../src/core/rule.js").Rule<"grouped">;
export default _default;
