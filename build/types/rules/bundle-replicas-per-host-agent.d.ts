/**
 * With replicas-per-host above 1, Pacemaker makes the bundle's implicit clone globally unique, so
 * that the replicas sharing a host can be told apart. Only OCF (and fencing) agents can run as
 * unique clones: for the other classes Pacemaker makes the clone anonymous (pe__force_anon()),
 * with a warning seen only at crm_verify -VV, which also caps it at one replica per node and no
 * more replicas than the cluster has nodes.
 */
declare const _default: import("../src/core/rule.js").Rule<"anonymousOnly">;
export default _default;
