/**
 * Pacemaker numbers replica addresses by counting up from ip-range-start, without looking at
 * host-netmask: after x.y.z.254 it jumps to x.y.(z+1).1, and once the third octet is above 253
 * the next replica gets no address at all (its IPaddr2 cannot start, and the replica after it
 * starts over at ip-range-start). Pacemaker says nothing about either.
 *
 * The subnet is checked only for an explicit host-netmask below 32. Unset, host-netmask means
 * cidr_netmask=32 on every IPaddr2: each replica's address is a host address of its own, which
 * IPaddr2 adds to whichever interface's subnet holds it (the usual floating-IP setup), so a /32
 * says nothing about where the range may go and every bundle with two replicas would be flagged.
 */
declare const _default: import("../src/core/rule.js").Rule<"noAddress" | "outsideSubnet">;
export default _default;
