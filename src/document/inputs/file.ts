/** A file named on the command line or found by a directory walk or a glob. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatSize, type ReadLimits, type ReadResult } from './limits.js';
import { readBounded } from './stream.js';

export function readFile(path: string, absolute: string | undefined, limits: ReadLimits): ReadResult {
  const tooLarge = (size: string): ReadResult => ({
    name: path,
    error: `file is ${size}, over the --max-file-size limit of ${formatSize(limits.maxFileSize)}; raise the limit to lint it`,
  });
  let fd: number | undefined;
  try {
    fd = openSync(absolute ?? resolve(limits.cwd, path), 'r');
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { name: path, error: 'cannot read file: is a directory' };
    if (stats.size > limits.maxFileSize) return tooLarge(formatSize(stats.size));
    if (stats.isFile()) return { name: path, bytes: readExactly(fd, stats.size) };
    // A pipe (`cib-lint <(pcs cluster cib)`) has no size to allocate for: read it, bounded.
    const { bytes, total } = readBounded(fd, limits.maxFileSize);
    return total > limits.maxFileSize ? tooLarge(`over ${formatSize(limits.maxFileSize)}`) : { name: path, bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' :
      code === 'EACCES' ? 'permission denied' :
      code === 'EISDIR' ? 'is a directory' :
      (error as Error).message;
    return { name: path, error: `cannot read file: ${reason}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A regular file's bytes, as many as it had when its size was taken (as readFileSync does). */
function readExactly(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}
