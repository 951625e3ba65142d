/**
 * Pacemaker's schema (score.rng) allows every `score` attribute (constraints, rules, resource
 * sets, nvsets, nodes) to be an integer or exactly INFINITY, +INFINITY or -INFINITY. Anything
 * else makes the whole CIB fail validation, so the cluster refuses it (and pcs and cibadmin
 * cannot load the file); Pacemaker 3's own score parser also rejects it and ignores the
 * constraint. Its parser is more lenient than the schema (any case of "infinity", the node-health
 * colours red/yellow/green), which is why those spellings get their own explanation here.
 */
declare const _default: import("../src/core/rule.js").Rule<"invalid" | "infinityCase" | "healthColour">;
export default _default;
