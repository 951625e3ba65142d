/**
 * A bundle that holds a resource runs Pacemaker Remote inside each container, and the cluster
 * must reach it: either at a per-replica address (`ip-range-start`) or at a port on the host
 * network (`control-port`). Without either, Pacemaker logs "Cannot control X inside Y without
 * either ip-range-start or control-port" and ignores the whole bundle.
 */
declare const _default: import("../src/core/rule.js").Rule<"neither" | "noNetwork">;
export default _default;
