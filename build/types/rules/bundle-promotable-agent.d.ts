/**
 * A promotable bundle turns its resource into a promotable clone, and only OCF agents have
 * promote and demote actions. Pacemaker rejects any other class ("cannot be used as a promotable
 * clone resource") and ignores the whole bundle, containers included.
 */
declare const _default: import("../src/core/rule.js").Rule<"notOcf">;
export default _default;
