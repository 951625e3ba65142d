/**
 * Pacemaker wraps the bundle's resource in an implicit clone, one instance per replica, and
 * looks only for the first <primitive> child: a group, clone or nested bundle is never run, and
 * a second resource is ignored (the schema allows one primitive; pcs refuses to add a second).
 * A template reference is a primitive whose agent lives elsewhere: Pacemaker resolves it and runs
 * the bundle (crm_simulate 2.1.5 does), but pcs never creates one in a bundle, so it is a warning,
 * not an error.
 */
declare const _default: import("../src/core/rule.js").Rule<"extra" | "notPrimitive" | "templateReference">;
export default _default;
