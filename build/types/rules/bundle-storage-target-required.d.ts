/**
 * `target-dir` is where the host directory appears inside the container; without it there is
 * nothing to mount onto. The schema requires it (the scheduler would drop the mapping with
 * "Invalid mount directive"); an empty one passes the schema and Pacemaker hands docker or podman
 * a mount without a destination, which they refuse.
 */
declare const _default: import("../src/core/rule.js").Rule<"missing" | "empty">;
export default _default;
