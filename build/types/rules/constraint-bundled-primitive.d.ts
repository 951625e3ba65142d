/**
 * The primitive inside a bundle is not a resource of its own to the scheduler: Pacemaker
 * replicates it per container and only the bundle can be constrained. A constraint naming the
 * inner primitive is ignored ("Ignoring constraint ... because 'X' is not a valid resource or
 * tag"), so the placement or ordering the administrator wanted silently does not happen.
 */
declare const _default: import("../src/core/rule.js").Rule<"bundled">;
export default _default;
