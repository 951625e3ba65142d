/**
 * Pacemaker builds the clone behind a bundle itself and gives it ordered, clone-max (replicas),
 * clone-node-max (replicas-per-host), globally-unique (replicas-per-host > 1) and, when the
 * container's promoted-max is above 0, promotable and promoted-max. A resource's own meta wins
 * over what its parent passes down, so those clone options set as bundle meta are silently
 * ignored. Only promoted-max gets through when the container sets none, and then it only works
 * together with meta promotable=true, a roundabout way to say what the container's promoted-max
 * says. A meta value that equals the derived one (TripleO sets ordered=true) changes nothing, and
 * nothing is reported for it.
 */
declare const _default: import("../src/core/rule.js").Rule<"cloneOption" | "inheritedPromotedMax">;
export default _default;
