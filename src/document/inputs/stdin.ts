/** `-`: the CIB on standard input (`pcs cluster cib | cib-lint -`). */
import { formatSize, type ReadLimits, type ReadResult } from './limits.js';
import { readBounded } from './stream.js';

export function readStdin(limits: ReadLimits): ReadResult {
  const name = limits.stdinFilename ?? '<stdin>';
  try {
    const { bytes, total } =
      limits.stdin !== undefined ? { bytes: Buffer.from(limits.stdin.subarray(0, limits.maxFileSize + 1)), total: limits.stdin.length } : readBounded(0, limits.maxFileSize);
    if (total > limits.maxFileSize) return { name, error: `standard input is over the --max-file-size limit of ${formatSize(limits.maxFileSize)}` };
    return { name, bytes };
  } catch (error) {
    return { name, error: `cannot read standard input: ${(error as Error).message}` };
  }
}
