/**
 * With ip-range-start, Pacemaker tells the container runtime to add each replica's name and
 * address to /etc/hosts. With add-host true it passes docker/podman's --add-host; with add-host
 * false it passes --hosts-entry, a flag only rkt understands, so docker and podman refuse to
 * start the container.
 */
declare const _default: import("../src/core/rule.js").Rule<"hostsEntry">;
export default _default;
