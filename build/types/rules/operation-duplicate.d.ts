/**
 * Pacemaker identifies a resource's operation by its name and interval alone (the operation key
 * `<rsc>_<name>_<interval>`, also in the status section): two ops with the same pair collide,
 * and the scheduler logs "Operation X is duplicate of Y" and uses only one of them. The role is
 * not part of the key, so a promotable resource needs different intervals for its Promoted and
 * Unpromoted monitors.
 */
declare const _default: import("../src/core/rule.js").Rule<"duplicate" | "duplicateSettings" | "duplicateRole">;
export default _default;
