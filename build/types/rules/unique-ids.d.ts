/**
 * XML ids in the configuration must be unique: Pacemaker's schema declares `id` as type ID, and
 * constraints, id-refs and tools address elements by id. A duplicate makes the whole CIB invalid,
 * and crm_verify does not always name it ("Extra element network in interleave").
 */
declare const _default: import("../src/core/rule.js").Rule<"duplicate">;
export default _default;
