/**
 * A role Pacemaker does not know makes the whole CIB fail schema validation where the schema
 * lists roles (op, constraints, resource sets), and makes Pacemaker ignore the setting where it
 * does not (target-role: "Ignoring 'target-role' ... is not valid", and rule roles). The schema
 * takes roles only in their exact spelling, and Promoted/Unpromoted only from pacemaker-3.7 on.
 */
declare const _default: import("../src/core/rule.js").Rule<"unknown" | "wrongCase" | "unknownRuleRole" | "unknownTargetRole" | "tooNewForSchema">;
export default _default;
