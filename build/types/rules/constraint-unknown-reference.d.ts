/**
 * A constraint that names nothing makes the whole CIB invalid: the schema declares `rsc`,
 * `with-rsc`, `first`, `then`, `resource_ref` ids and every `id-ref` as IDREFs, so Pacemaker (and
 * pcs, and cibadmin) refuse the CIB. A name that exists but is not a resource, template or tag
 * passes the schema, and Pacemaker's scheduler ignores the constraint instead. A location's `node`
 * may name a node that has not joined yet, so an unknown node name is only a warning.
 */
declare const _default: import("../src/core/rule.js").Rule<"unknownResource" | "notAResource" | "unknownIdRef" | "unknownNode">;
export default _default;
