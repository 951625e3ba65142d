/**
 * rkt is a dead project; Pacemaker deprecated rkt bundles in 2.1.8, and the schema upgrade of
 * Pacemaker 3 (to pacemaker-4.0) removes an rkt bundle from the CIB together with every
 * constraint that refers to it, so the service silently disappears on upgrade.
 */
declare const _default: import("../src/core/rule.js").Rule<"rkt">;
export default _default;
