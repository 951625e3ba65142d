/**
 * Each replica of a bundle with a resource becomes a bundle node named `<bundle>-<i>`. Pacemaker
 * looks the name up among the nodes it already knows and, when one exists, adopts it: a cluster
 * node or guest node of that name and the bundle node become one node, so the bundled resource
 * is started on the real machine instead of in the container (crm_simulate shows it), and that
 * machine can no longer host the bundle's containers. `<node type="remote">` entries with that
 * name are fine: they hold the bundle node's own permanent attributes.
 */
declare const _default: import("../src/core/rule.js").Rule<"clusterNode" | "guestNode">;
export default _default;
