/**
 * Pacemaker only notices that a resource failed when an operation tells it so: without a
 * recurring monitor, a crashed service stays "Started" in the cluster's view and is never
 * recovered. The same holds for fencing devices, whose failure shows only when fencing is needed.
 * crm_verify is silent: the configuration is valid, just blind.
 */
declare const _default: import("../src/core/rule.js").Rule<"missing" | "disabled" | "roleUnmonitored">;
export default _default;
