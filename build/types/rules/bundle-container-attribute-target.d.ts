/**
 * container-attribute-target chooses where the bundle's resource reads and writes user-defined
 * node attributes (promotion scores, for example): "host" means the physical host running the
 * container; anything else means the bundle node itself. Pacemaker 2.1 compares the value with
 * "host" case-insensitively when it looks up node attributes, but exactly when it builds clone
 * notifications, so "Host" works only halfway and "hosts" or "physical" silently mean the default.
 */
declare const _default: import("../src/core/rule.js").Rule<"notHost" | "wrongCase">;
export default _default;
