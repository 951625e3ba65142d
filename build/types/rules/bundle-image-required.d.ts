/**
 * The image is what the container runs: Pacemaker passes it to `docker run` / `podman run` as
 * is. A missing `image` fails the schema; an empty one passes it (the schema types it as text)
 * but every start of the container fails, and pcs refuses to create such a bundle.
 */
declare const _default: import("../src/core/rule.js").Rule<"missing" | "empty">;
export default _default;
