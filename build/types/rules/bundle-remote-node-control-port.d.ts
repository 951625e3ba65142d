/**
 * A Pacemaker Remote node runs its own pacemaker-remoted on port 3121. A bundle replica placed
 * on that node publishes its container's Pacemaker Remote on the node too, at control-port, so
 * the two collide unless the bundle uses another port: RHEL's documentation allows bundles with
 * a resource on Pacemaker Remote nodes only with a distinct control-port.
 */
declare const _default: import("../src/core/rule.js").Rule<"defaultPort">;
export default _default;
