/**
 * With `control-port` and no `ip-range-start`, every replica's Pacemaker Remote listens on the
 * same port of the host, so only one replica fits on a host: Pacemaker forces replicas-per-host
 * to 1 and pcs does not check it.
 */
declare const _default: import("../src/core/rule.js").Rule<"tooMany">;
export default _default;
