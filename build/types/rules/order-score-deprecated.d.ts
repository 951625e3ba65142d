/**
 * `score` on an ordering is the pre-1.0 way to say how strict it is: Pacemaker still reads it
 * when `kind` is absent (0 means Optional, anything else Mandatory) and warns that support will
 * be removed (get_ordering_type() in lib/pacemaker/pcmk_sched_ordering.c). A score other than 0
 * or INFINITY reads like a weight, and a negative one like an anti-order, while both are simply
 * Mandatory.
 */
declare const _default: import("../src/core/rule.js").Rule<"deprecated" | "misleading">;
export default _default;
