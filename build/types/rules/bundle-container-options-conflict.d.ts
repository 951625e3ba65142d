/**
 * Pacemaker builds the docker/podman command line itself and appends the container's `options`
 * to it: network, hostname, restart policy, the Pacemaker Remote port and its publication come
 * first. Repeating them in `options` gives the engine two conflicting values (or publishes a
 * port twice), which it either rejects or resolves differently from what Pacemaker expects.
 */
declare const _default: import("../src/core/rule.js").Rule<"duplicateFlag">;
export default _default;
