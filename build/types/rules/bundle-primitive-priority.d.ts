/**
 * Pacemaker places a bundle's replicas as a whole, by the bundle's priority, and the bundled
 * resource inherits the bundle's meta-attributes. A priority on the resource inside does not
 * change the order in which the scheduler serves resources, so it only misleads whoever reads
 * the configuration.
 */
declare const _default: import("../src/core/rule.js").Rule<"primitivePriority">;
export default _default;
