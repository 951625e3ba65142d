/**
 * internal-port renames the single port a mapping forwards; a range is always forwarded to the
 * same ports inside the container. Pacemaker reads internal-port only next to port and ignores
 * it otherwise, and the schema rejects it.
 */
declare const _default: import("../src/core/rule.js").Rule<"withoutPort">;
export default _default;
