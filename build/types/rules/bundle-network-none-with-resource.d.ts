/**
 * A bundle with a resource is managed through Pacemaker Remote inside each container, which the
 * cluster nodes must reach over the network. A container without networking (`none`) can never
 * be reached: the connection fails and the resource inside never runs. crm_verify is silent.
 */
declare const _default: import("../src/core/rule.js").Rule<"networkAttribute" | "networkOption">;
export default _default;
