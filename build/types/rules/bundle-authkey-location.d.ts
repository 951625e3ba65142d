/**
 * With a resource, Pacemaker maps the host's /etc/pacemaker/authkey into every container itself,
 * and Pacemaker Remote inside must find it there: a custom PCMK_authkey_location breaks the
 * connection, and a storage-mapping of the same target duplicates the automatic mount.
 */
declare const _default: import("../src/core/rule.js").Rule<"customLocation" | "redundantMapping">;
export default _default;
