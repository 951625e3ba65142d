/**
 * With fencing enabled (the default) and no fencing device, Pacemaker can fence nothing, and
 * since a resource may only start where a failed node could be fenced, it refuses to start any
 * resource: "Resource start-up disabled since no STONITH resources have been defined". SBD's
 * watchdog self-fencing (have-watchdog=true) counts as a fencing mechanism, as in Pacemaker.
 */
declare const _default: import("../src/core/rule.js").Rule<"noDevicesByDefault" | "noDevices">;
export default _default;
