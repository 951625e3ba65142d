/**
 * What Pacemaker does with the schema a CIB names, by version (pcmk__update_configured_schema() in
 * lib/common/schemas.c; Pacemaker 3.0.0 release notes): Pacemaker 3 refuses a missing
 * validate-with, `none`, `pacemaker-next`, the 0.x series, `pacemaker-1.1` and unknown names, and
 * upgrades every older released schema (1.0, 1.2, 1.3, 2.x, 3.x) in memory each time it loads
 * the CIB. Pacemaker 2 still loads `none` and `pacemaker-next`, with little or no validation.
 */
declare const _default: import("../src/core/rule.js").Rule<"unknown" | "refused" | "missing" | "disabled" | "upgradedOnLoad" | "oldSchema">;
export default _default;
