/**
 * Without fencing, Pacemaker cannot recover from a node that stops responding: it must either
 * guess that the node is down (and risk running a resource twice, corrupting shared data) or
 * block. Fencing is mandatory for supported clusters; crm_verify says nothing when it is off.
 */
declare const _default: import("../src/core/rule.js").Rule<"disabled" | "overridden" | "unknownOption">;
export default _default;
