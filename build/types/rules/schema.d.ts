/**
 * Pacemaker validates every CIB against the RelaxNG schema its `validate-with` names and refuses
 * one that does not validate. crm_verify then says only "CIB did not pass schema validation";
 * this rule shows each error at its element with libxml2's message.
 */
declare const _default: import("../src/core/rule.js").Rule<"invalid" | "skipped" | "tooSlow">;
export default _default;
