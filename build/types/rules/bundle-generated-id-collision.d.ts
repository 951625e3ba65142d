/**
 * Pacemaker invents resource ids for every bundle replica (`<bundle>-<i>`, `<bundle>-docker-<i>`,
 * `<bundle>-ip-<address>`, `<bundle>-clone`) without checking them against the CIB, except for
 * the remote connection, which it quietly renames when the colliding resource comes first. The
 * names are only visible in the scheduler, so neither the schema nor crm_verify notice a collision.
 */
declare const _default: import("../src/core/rule.js").Rule<"collision" | "generatedTwice">;
export default _default;
