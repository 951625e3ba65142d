/**
 * Pacemaker looks meta-attributes up by their exact names and ignores every other one (an agent
 * may read it as OCF_RESKEY_CRM_meta_<name>): `clone_max`, `inteleave` or `on_fail` change
 * nothing. An unknown attribute on an `<op>` element itself fails the schema.
 */
declare const _default: import("../src/core/rule.js").Rule<"unknown" | "opAttribute" | "lookAlike" | "actionName">;
export default _default;
