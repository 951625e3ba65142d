/**
 * Port and storage mappings are addressed by id: the schema requires one, pcs removes a mapping
 * only by its id (`port-map delete <id>`), and Pacemaker names the mapping by id in its own
 * errors. A mapping without an id fails validation, so Pacemaker rejects the CIB.
 */
declare const _default: import("../src/core/rule.js").Rule<"missing" | "empty">;
export default _default;
