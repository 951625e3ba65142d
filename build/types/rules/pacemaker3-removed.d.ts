/**
 * Pacemaker 3 no longer supports these; when a CIB is upgraded to the pacemaker-4.0 schema
 * (xml/upgrade-3.10-*.xsl, run by `cibadmin --upgrade` and by Pacemaker 3 on load) they are
 * dropped, or renamed, mostly with at most a warning: resources vanish together with every
 * constraint on them. What is removed, and how to find it, is in src/cib/pacemaker3.ts; each
 * message here says what the upgrade does, mirroring Pacemaker's own upgrade warnings.
 */
declare const _default: import("../src/core/rule.js").Rule<"masterResource" | "restartType" | "operationMeta" | "renamedOption" | "removeAfterStop" | "poweroff" | "moon" | "pingNode" | "fencingLevelIndex" | "removedClass" | "emptiedCollective" | "lifetimeDropped" | "lifetimeConverted">;
export default _default;
