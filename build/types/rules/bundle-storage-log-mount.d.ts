/**
 * For a bundle with a resource, Pacemaker mounts /var/log/pacemaker/bundles/<replica> of the host
 * on /var/log in each container, so Pacemaker Remote's log survives the container. It skips that
 * mount only when a storage-mapping's target-dir is exactly "/var/log": the mapping then takes
 * over, and replicas sharing one source-dir write to the same directory. "/var/log/" does not
 * match, so both mounts land on /var/log.
 */
declare const _default: import("../src/core/rule.js").Rule<"replacesLogMount" | "trailingSlash">;
export default _default;
