/**
 * A port-mapping forwards either one port or a range, and the schema allows exactly one. When a
 * CIB escapes validation, Pacemaker reads `port` first and ignores `range`, and with neither
 * logs "Invalid port directive" and drops the mapping.
 */
declare const _default: import("../src/core/rule.js").Rule<"both" | "neither">;
export default _default;
