/**
 * A bundled resource runs inside a container on a bundle node, under Pacemaker Remote. Fencing
 * devices are run by the fencer, which exists only on full cluster nodes, and a device that
 * depends on a container it might have to fence cannot be trusted. Recent pcs leaves such a
 * bundle out of its exports ("contains stonith resource ..., which is unsupported"); crm_verify
 * says nothing.
 */
declare const _default: import("../src/core/rule.js").Rule<"fencingInBundle">;
export default _default;
