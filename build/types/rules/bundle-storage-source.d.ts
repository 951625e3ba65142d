/**
 * A storage-mapping says where on the host the container's directory comes from: one fixed
 * directory (`source-dir`) or one subdirectory per replica under a root (`source-dir-root`).
 * The schema requires exactly one, so such a CIB does not validate (and pcs cannot load it: the
 * fix is an edit of the file). Were it loaded, Pacemaker would read source-dir first and ignore
 * source-dir-root beside it, and drop a mapping with neither ("Invalid mount directive").
 */
declare const _default: import("../src/core/rule.js").Rule<"noSource" | "bothSources">;
export default _default;
