/**
 * A bundle is already a clone of sorts: `replicas` starts several copies and `promoted-max`
 * makes them promotable, through an implicit clone Pacemaker builds itself. Wrapping the bundle
 * in a clone or master is not allowed (the schema rejects it, pcs refuses it).
 */
declare const _default: import("../src/core/rule.js").Rule<"cloned">;
export default _default;
