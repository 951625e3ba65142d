/**
 * Reads a descriptor with no size to go by (standard input, a pipe, a device) to its end, or
 * until it holds more than `limit` bytes: then the rest is not read, so `/dev/zero` or a runaway
 * pipe cannot exhaust memory. `total` over `limit` means the input was too large.
 */
export declare function readBounded(fd: number, limit: number): {
    bytes: Buffer;
    total: number;
};
