/**
 * Operation settings Pacemaker cannot use as written: it either falls back to a default (an
 * unreadable timeout or interval, an on-fail value not allowed for the action), reads another
 * value than the one meant (units by first letter, decimals dropped), or ignores the operation
 * or attribute (a recurring start, a role on a one-off operation).
 */
declare const _default: import("../src/core/rule.js").Rule<"timeoutUnreadable" | "timeoutZero" | "timeoutZeroLegacy" | "startDelayUnreadable" | "intervalUnreadable" | "unitMisread" | "isoDaysMisread" | "fractionDropped" | "cannotRecur" | "onFailStop" | "onFailDemote" | "onFailFenceDisabled" | "onFailUnknown" | "roleIgnored" | "nameUnknown">;
export default _default;
