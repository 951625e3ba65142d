/**
 * A container on the host network shares the host's ports: its Pacemaker Remote listens on
 * control-port (3121 when unset) of every host it runs on. Two such bundles on the same port
 * collide as soon as replicas of both land on one node, and 3121 is also the port of a Pacemaker
 * Remote node's own daemon. Hence a distinct control-port per host-networked bundle.
 */
declare const _default: import("../src/core/rule.js").Rule<"unset" | "shared">;
export default _default;
