/**
 * The addresses Pacemaker gives bundle replicas from `ip-range-start`, reproduced from
 * `allocate_ip()` and `next_ip()` in Pacemaker's `lib/pengine/bundle.c`, so that every rule about
 * replica addresses (and the `<bundle>-ip-<address>` resources made from them) agrees with the
 * scheduler instead of with ordinary address arithmetic.
 */

/** A strict dotted-quad IPv4 address (four decimal octets 0..255) as a 32-bit number. */
export function parseIpv4(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Whether `address` lies in the `/prefixLength` subnet of `base` (both from parseIpv4). */
export function inSubnet(address: number, base: number, prefixLength: number): boolean {
  const hostSize = 2 ** (32 - prefixLength);
  return Math.floor(address / hostSize) === Math.floor(base / hostSize);
}

/**
 * `sscanf(last, "%u.%u.%u.%u")` as next_ip() reads it: leading blanks and a sign before each
 * number, anything after the fourth number ignored, negative numbers wrapping as unsigned.
 */
function scanOctets(text: string): number[] | undefined {
  const match = /^\s*([+-]?\d+)\.\s*([+-]?\d+)\.\s*([+-]?\d+)\.\s*([+-]?\d+)/.exec(text);
  if (!match) return undefined;
  return match.slice(1).map((word) => {
    const value = Number.parseInt(word, 10);
    return value < 0 ? 2 ** 32 + value : value;
  });
}

/**
 * The address after `last`: the fourth octet counts up to 254, then the third octet goes up and
 * the fourth restarts at 1. Once the third octet is above 253 there is no next address, and
 * neither is there for anything that is not four numbers (IPv6 included).
 */
export function nextReplicaAddress(last: string): string | undefined {
  const octets = scanOctets(last);
  if (!octets) return undefined;
  const [first, second, third, fourth] = octets as [number, number, number, number];
  if (third > 253) return undefined;
  if (fourth > 253) return `${first}.${second}.${third + 1}.1`;
  return `${first}.${second}.${third}.${fourth + 1}`;
}

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
export function* replicaAddresses(start: string, replicas: number): Generator<ReplicaAddress> {
  let last: string | undefined;
  for (let replica = 0; replica < replicas; replica++) {
    const address: string | undefined = last === undefined ? start : nextReplicaAddress(last);
    yield { replica, address };
    last = address;
  }
}
