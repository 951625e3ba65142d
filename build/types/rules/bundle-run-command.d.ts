/**
 * In a bundle with a resource, the container's first process must be Pacemaker Remote: the
 * cluster reaches the resource only through it. Pacemaker starts /usr/sbin/pacemaker-remoted by
 * default; a custom run-command replaces that, and nothing checks that it still starts the
 * daemon. The old name pacemaker_remoted is what Pacemaker Explained tells users of images with
 * a Pacemaker older than 2.0 to set; it disappears only with Pacemaker 3 inside the image. What
 * runs inside the image is not in the CIB, so both findings are advice, never about the cluster.
 */
declare const _default: import("../src/core/rule.js").Rule<"customCommand" | "legacyDaemon">;
export default _default;
