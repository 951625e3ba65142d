/**
 * The addresses Pacemaker gives bundle replicas from `ip-range-start`, reproduced from
 * `allocate_ip()` and `next_ip()` in Pacemaker's `lib/pengine/bundle.c`, so that every rule about
 * replica addresses (and the `<bundle>-ip-<address>` resources made from them) agrees with the
 * scheduler instead of with ordinary address arithmetic.
 */
/** A strict dotted-quad IPv4 address (four decimal octets 0..255) as a 32-bit number. */
export declare function parseIpv4(text: string | undefined): number | undefined;
export declare function formatIpv4(value: number): string;
/** Whether `address` lies in the `/prefixLength` subnet of `base` (both from parseIpv4). */
export declare function inSubnet(address: number, base: number, prefixLength: number): boolean;
/**
 * The address after `last`: the fourth octet counts up to 254, then the third octet goes up and
 * the fourth restarts at 1. Once the third octet is above 253 there is no next address, and
 * neither is there for anything that is not four numbers (IPv6 included).
 */
export declare function nextReplicaAddress(last: string): string | undefined;
export interface ReplicaAddress {
    /** The replica's number: the replica is named `<bundle>-<replica>`. */
    replica: number;
    /** Its address, or undefined when Pacemaker gives it none. */
    address: string | undefined;
}
/**
 * The address of each of `replicas` replicas, lazily, in replica order. Replica 0 gets
 * `ip-range-start` exactly as written; each later one gets the address after its predecessor's.
 * A replica after one without an address starts again at `ip-range-start` (Pacemaker forgets
 * where it was), so the sequence repeats from there: a consumer that only needs distinct
 * situations may stop after the first replica without an address.
 */
export declare function replicaAddresses(start: string, replicas: number): Generator<ReplicaAddress>;
