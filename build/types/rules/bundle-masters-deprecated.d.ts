/**
 * `masters` is the pre-2.0 name of `promoted-max`: Pacemaker still reads it (with a deprecation
 * warning) and its Pacemaker 3 schema upgrade renames it. The schema offers the two as a choice,
 * so a container carrying both does not validate, and Pacemaker would read only promoted-max.
 */
declare const _default: import("../src/core/rule.js").Rule<"deprecated" | "both">;
export default _default;
