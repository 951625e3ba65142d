/**
 * Pacemaker refuses a CIB that is not well-formed XML (Pacemaker 3 ignores no syntax error at
 * all), and every other rule needs a `<cib>` document to say anything useful.
 */
declare const _default: import("../src/core/rule.js").Rule<"syntax" | "notCib">;
export default _default;
