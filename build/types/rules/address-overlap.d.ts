/**
 * Pacemaker gives every replica of a bundle with ip-range-start an IPaddr2 resource of its own,
 * counting up from that address (lib/pengine/bundle.c allocate_ip()). It never compares those
 * addresses with other bundles' or with the cluster's own IPaddr2 resources: two bundles whose
 * ranges overlap, or a floating IP inside a bundle's range, put one address on two hosts, and
 * whichever host answers ARP last gets the traffic.
 */
declare const _default: import("../src/core/rule.js").Rule<"bundles" | "floatingIp">;
export default _default;
