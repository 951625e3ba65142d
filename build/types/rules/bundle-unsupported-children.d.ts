/**
 * A bundle is not a resource agent instance: it has no operations, utilization or instance
 * attributes of its own; those belong on the primitive inside it (Pacemaker even moves the
 * primitive's utilization to the implicit container resources). The schema rejects operations
 * and utilization on a bundle; it admits instance_attributes, which Pacemaker then never reads.
 */
declare const _default: import("../src/core/rule.js").Rule<"ignored" | "rejected">;
export default _default;
