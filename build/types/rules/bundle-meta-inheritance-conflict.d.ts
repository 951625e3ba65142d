/**
 * Meta-attributes set on a bundle are inherited by the resource inside and by the resources
 * Pacemaker creates for it. When the resource sets its own target-role or is-managed, its value
 * wins for the resource while the containers follow the bundle's: the bundle says one thing and
 * its service does another, typically after `pcs resource disable`/`unmanage` was run on the
 * inner resource and later undone on the bundle only.
 */
declare const _default: import("../src/core/rule.js").Rule<"conflict">;
export default _default;
