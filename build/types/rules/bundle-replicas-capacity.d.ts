/**
 * Pacemaker places at most replicas-per-host replicas of a bundle on one node, so replicas beyond
 * nodes x replicas-per-host can never start: they stay Stopped for good, and crm_verify says
 * nothing. The rule only runs when the CIB lists its nodes (CIBs written by hand often do not).
 */
declare const _default: import("../src/core/rule.js").Rule<"tooMany">;
export default _default;
