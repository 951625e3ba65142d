/**
 * For a bundle with a resource, Pacemaker publishes the control port (3121 unless control-port
 * says otherwise) itself. A port-mapping of the same port makes it pass `-p` for that port
 * twice: redundant at best, and a second binding of one host port the runtime may refuse.
 */
declare const _default: import("../src/core/rule.js").Rule<"duplicate">;
export default _default;
