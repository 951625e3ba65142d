/**
 * Pacemaker validates the CIB against the schema named in `validate-with`, and each bundle
 * feature arrived in a given schema version: an older `validate-with` makes the CIB invalid, and
 * crm_verify only says "Invalid attribute" or "Extra element" without naming the version to use.
 * rkt went the other way: the pacemaker-4.0 schema no longer has it.
 */
declare const _default: import("../src/core/rule.js").Rule<"tooOld" | "removed">;
export default _default;
