/**
 * Promoted and Unpromoted (Master and Slave before Pacemaker 2.1) are roles of promotable clones.
 * A bundle that is not promotable (no promoted-max, no meta promotable) has no such roles:
 * Pacemaker logs "Ignoring 'target-role' ... only makes sense for promotable clones" for the
 * bundle and every resource it generates, and runs them as if target-role were unset, so the role
 * asked for never takes effect.
 */
declare const _default: import("../src/core/rule.js").Rule<"notPromotable">;
export default _default;
