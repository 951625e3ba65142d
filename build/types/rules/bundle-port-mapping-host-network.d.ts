/**
 * A container on the host network already listens on the host's own ports, so there is nothing
 * to forward: Pacemaker drops port-mappings of a network="host" container without
 * ip-range-start, and docker/podman discard published ports in host network mode. The mapping
 * does nothing, and usually means the bundle was meant to have its own addresses.
 */
declare const _default: import("../src/core/rule.js").Rule<"ignored">;
export default _default;
