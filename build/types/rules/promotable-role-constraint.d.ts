/**
 * Only promotable clones and bundles have the Promoted and Unpromoted roles and the promote and
 * demote actions. A constraint on them for any other resource never applies; worse, Pacemaker
 * still creates the missing action or role as something that can never happen, so a mandatory
 * ordering after a promote, or a mandatory colocation with a Promoted or Unpromoted instance,
 * keeps the other resource stopped for good (crm_simulate: "due to unrunnable A promote
 * (blocked)", "due to colocation with A (blocked)"). crm_verify says nothing.
 */
declare const _default: import("../src/core/rule.js").Rule<"roleIgnored" | "orderBlocked" | "orderIgnored" | "colocationBlocked">;
export default _default;
