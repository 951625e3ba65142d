/**
 * Pacemaker gives the first replica ip-range-start exactly as written and counts the later
 * replicas' addresses up from it with sscanf("%u.%u.%u.%u"). IPaddr2 accepts only a plain dotted
 * quad (no blanks, no leading zeros, no suffix), so anything else breaks the first replica's
 * address, and IPv6 or a host name leaves the next replica without one. Pacemaker says nothing.
 */
declare const _default: import("../src/core/rule.js").Rule<"empty" | "ipv6" | "notIpv4">;
export default _default;
