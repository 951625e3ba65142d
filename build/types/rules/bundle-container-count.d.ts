/**
 * A bundle is a container plus what runs in it: without a container element Pacemaker cannot
 * unpack the bundle at all and drops it; with several, the schema rejects the CIB, and Pacemaker
 * would pick one by its own precedence (docker, then rkt, then podman), not by document order, so
 * the container that runs may not be the one the author looked at. Either way the CIB does not
 * validate, so pcs cannot load it: the fix is an edit of the file.
 */
declare const _default: import("../src/core/rule.js").Rule<"missing" | "extra">;
export default _default;
