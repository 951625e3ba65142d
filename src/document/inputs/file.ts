/** A file named on the command line or found by a directory walk or a glob. */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatSize, type ReadLimits, type ReadResult } from './limits.js';
import type { Input } from './operands.js';
import { describeFileError, displayBytes, isDescriptorPath, NOT_FOLLOWED, notRegularFile } from './paths.js';
import { readBounded } from './stream.js';

// Not every platform has these flags (Windows has neither); where one is missing, the look before opening still guards.
const NONBLOCK = constants.O_NONBLOCK ?? 0;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export function readFile(input: Extract<Input, { kind: 'file' }>, limits: ReadLimits): ReadResult {
  const path = input.path;
  const tooLarge = (size: string): ReadResult => ({
    name: path,
    error: `file is ${size}, over the --max-file-size limit of ${formatSize(limits.maxFileSize)}; raise the limit to lint it`,
  });
  const target = input.absolute ?? resolve(limits.cwd, path);
  // A pipe is read only as /dev/fd/N, the name `cib-lint <(pcs cluster cib)` gives: a FIFO
  // anywhere else may be committed to the repository being linted (see docs/security.md).
  const descriptor = input.found !== true && isDescriptorPath(typeof target === 'string' ? target : displayBytes(target));
  const noFollow = input.found === true || limits.followSymlinks === false;
  let fd: number | undefined;
  try {
    if (!descriptor) {
      // Looked at before opening: opening a FIFO waits for a writer, forever when none comes, and
      // opening a device can act on it.
      const refusal = notRegularFile(noFollow ? lstatSync(target) : statSync(target));
      if (refusal !== undefined) return { name: path, error: refusal };
    }
    fd = openSync(target, descriptor ? constants.O_RDONLY : constants.O_RDONLY | NONBLOCK | (noFollow ? NOFOLLOW : 0));
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { name: path, error: 'cannot read file: is a directory' };
    // Something else may have taken the file's place between the look and the open.
    const refusal = descriptor ? undefined : notRegularFile(stats);
    if (refusal !== undefined) return { name: path, error: refusal };
    if (stats.size > limits.maxFileSize) return tooLarge(formatSize(stats.size));
    if (stats.isFile()) return { name: path, bytes: readExactly(fd, stats.size) };
    // A pipe (`cib-lint <(pcs cluster cib)`) has no size to allocate for: read it, bounded.
    const { bytes, total } = readBounded(fd, limits.maxFileSize);
    return total > limits.maxFileSize ? tooLarge(`over ${formatSize(limits.maxFileSize)}`) : { name: path, bytes };
  } catch (error) {
    if (noFollow && (error as NodeJS.ErrnoException).code === 'ELOOP') return { name: path, error: NOT_FOLLOWED };
    return { name: path, error: `cannot read file: ${describeFileError(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file that is not a lint input (a baseline) read under the same rules: regular files only (or
 * /dev/fd/N), at most `maxFileSize` bytes; an Error with the reason otherwise.
 */
export function readRegularFile(path: string, maxFileSize: number): Buffer {
  const read = readFile({ kind: 'file', path, absolute: resolve(path) }, { cwd: '/', maxFileSize });
  if (read.error !== undefined) throw new Error(read.error);
  return read.bytes;
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
