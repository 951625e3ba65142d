/**
 * Pacemaker documents that restarting Pacemaker while a bundle is unmanaged, or while the
 * cluster is in maintenance mode, can make the bundle fail: its bundle nodes and containers are
 * rediscovered without the scheduler being allowed to put them right. Both states are usually
 * left over from maintenance work, and nothing warns about them.
 */
declare const _default: import("../src/core/rule.js").Rule<"bundleMeta" | "defaultsMeta" | "clusterMaintenance">;
export default _default;
