/**
 * Moving or banning a resource works by adding a location constraint, and the constraint stays
 * after the move is done: the resource keeps its preference (or ban) for that node until someone
 * clears it, which silently limits where the cluster can recover it later.
 */
declare const _default: import("../src/core/rule.js").Rule<"prefer" | "ban" | "standby">;
export default _default;
