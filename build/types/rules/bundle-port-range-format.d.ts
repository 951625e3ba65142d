/**
 * Pacemaker hands a port-mapping's range to `docker run -p` / `podman run -p` unchecked, and the
 * schema pattern `[0-9-]+` admits `8000-`, `--` and `90-80`: the container runtime then refuses
 * the whole command line and the replica never starts. A lone port works (docker and podman
 * publish it, and Pacemaker forwards it like port=): a note that it is a `port` mapping written
 * in the wrong attribute.
 */
declare const _default: import("../src/core/rule.js").Rule<"malformed" | "singlePort">;
export default _default;
