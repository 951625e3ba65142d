/**
 * promoted-max makes the bundle's resource a promotable clone with that many promoted replicas.
 * Without a resource there is nothing to promote, and a clone cannot promote more instances than
 * it has replicas: in both cases the value silently has no effect, which usually means the
 * bundle is not configured the way its author believes.
 */
declare const _default: import("../src/core/rule.js").Rule<"noResource" | "moreThanReplicas">;
export default _default;
