/**
 * One lint run over many inputs, shared by the command line and the GitHub Action. Each input is
 * read and linted on its own: an unreadable or oversized file becomes an error on that file, and
 * every other file is still linted.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintSource, type FileResult, type LintSettings } from '../core/linter.js';
import { timed } from '../core/timing.js';
import type { Input } from '../document/inputs/operands.js';

/**
 * 64 MiB: four times the largest real CIBs (tens of MB), and peak memory stays near 1 GiB at the limit
 * (16-20 bytes of memory per byte of CIB); a 256 MiB file would exhaust the JavaScript heap.
 */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

export interface RunSettings extends LintSettings {
  cwd: string;
  /** Files larger than this many bytes are not read. */
  maxFileSize: number;
  /** Name to show for standard input. */
  stdinFilename?: string;
  /** Called after each file, for progress output. */
  onFile?: (done: number, total: number) => void;
}

/**
 * Reads standard input to its end, or until it holds more than `limit` bytes (then the rest is
 * not read: a runaway pipe must not exhaust memory before the size check).
 */
export function readStdin(limit: number): { bytes: Buffer; total: number } {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(65536);
  let total = 0;
  while (total <= limit) {
    let read: number;
    try {
      read = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN') throw error;
      // A non-blocking stdin with nothing yet: wait a little instead of spinning.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, read)));
    total += read;
  }
  return { bytes: Buffer.concat(chunks), total };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

export function readInput(input: Input, settings: Pick<RunSettings, 'cwd' | 'maxFileSize' | 'stdinFilename'>): { name: string; bytes?: Buffer; error?: string } {
  if (input.kind === 'stdin') {
    const name = settings.stdinFilename ?? '<stdin>';
    try {
      const { bytes, total } = readStdin(settings.maxFileSize);
      if (total > settings.maxFileSize) {
        return { name, error: `standard input is over the --max-file-size limit of ${formatSize(settings.maxFileSize)}` };
      }
      return { name, bytes };
    } catch (error) {
      return { name, error: `cannot read standard input: ${(error as Error).message}` };
    }
  }
  const path = input.absolute ?? resolve(settings.cwd, input.path);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { name: input.path, error: 'cannot read file: is a directory' };
    if (stats.size > settings.maxFileSize) {
      return { name: input.path, error: `file is ${formatSize(stats.size)}, over the --max-file-size limit of ${formatSize(settings.maxFileSize)}; raise the limit to lint it` };
    }
    // A pipe or device (`cib-lint <(pcs cluster cib)`) has no size to allocate for: read to its end.
    if (!stats.isFile()) return { name: input.path, bytes: readFileSync(fd) };
    return { name: input.path, bytes: readExactly(fd, stats.size) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' :
      code === 'EACCES' ? 'permission denied' :
      code === 'EISDIR' ? 'is a directory' :
      (error as Error).message;
    return { name: input.path, error: `cannot read file: ${reason}` };
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

/** Reads and lints each input in turn: a file that cannot be read is an error on that file only. */
export function lintInputs(inputs: Input[], settings: RunSettings): FileResult[] {
  const results: FileResult[] = [];
  for (const [index, input] of inputs.entries()) {
    const { name, bytes, error } = timed('stage: reading files', () => readInput(input, settings));
    if (error !== undefined || !bytes) {
      results.push({ filePath: name, findings: [], errors: [error ?? 'cannot read file'] });
    } else {
      try {
        results.push(lintSource(bytes, name, settings));
      } catch (failure) {
        // Defensive: the engine guards rules itself; anything reaching here is our own bug.
        results.push({ filePath: name, findings: [], errors: [`internal error: ${(failure as Error).message}`] });
      }
    }
    settings.onFile?.(index + 1, inputs.length);
  }
  return results;
}
