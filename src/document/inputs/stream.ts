import { readSync } from 'node:fs';

/**
 * Reads a descriptor with no size to go by (standard input, a pipe, a device) to its end, or
 * until it holds more than `limit` bytes: then the rest is not read, so `/dev/zero` or a runaway
 * pipe cannot exhaust memory. `total` over `limit` means the input was too large.
 */
export function readBounded(fd: number, limit: number): { bytes: Buffer; total: number } {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(65536);
  let total = 0;
  while (total <= limit) {
    let read: number;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN') throw error;
      // A non-blocking descriptor with nothing yet: wait a little instead of spinning.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, read)));
    total += read;
  }
  return { bytes: Buffer.concat(chunks), total };
}
