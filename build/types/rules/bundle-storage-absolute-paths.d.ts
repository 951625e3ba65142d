/**
 * Pacemaker passes the paths of a storage-mapping to the container runtime unchanged. A relative
 * source is not a host directory at all: docker and podman read a bare name as a volume and create
 * an empty one (newer CLIs resolve "./x" against the agent's working directory, which is no better);
 * a relative target is refused and the container does not start.
 */
declare const _default: import("../src/core/rule.js").Rule<"relativeSource" | "relativeTarget">;
export default _default;
