/**
 * One lint run over many inputs, shared by the command line and the GitHub Action. Each input is
 * read and linted on its own: an unreadable or oversized file becomes an error on that file, and
 * every other file is still linted.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintSource, type FileResult, type LintSettings } from './engine.js';
import { timed } from './timing.js';
import { LibxmlThread, type Ticket } from './libxml-thread.js';
import type { Input } from './files.js';

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
  /**
   * `auto` (the default) gives libxml2's work a thread of its own once the CIBs to lint are
   * expected to add up to LARGE_RUN_BYTES (see runLooksLarge); `on` always, `off` never.
   */
  concurrency?: Concurrency;
}

export const CONCURRENCY_CHOICES = ['auto', 'on', 'off'] as const;
export type Concurrency = (typeof CONCURRENCY_CHOICES)[number];

/**
 * Measured side by side (medians, 2 cores): the thread pays off once the rules' JavaScript takes
 * longer than libxml2's share plus the thread's start (it loads the bundle too). A 16 MB CIB
 * lints in 626 instead of 790 ms (`npm run bench`); a 1 MB one took 216 instead of 178 ms, and
 * 128 small CIBs (2.5 MB) 343 instead of 331 ms. The corpus of small CIBs (904 files, 21 MB)
 * takes 996 ms with the thread from its first file, 1114 ms when it starts only after 8 MB were
 * read, and 1180 ms without; hence the projection below.
 */
const LARGE_RUN_BYTES = 8 * 1024 * 1024;
/** Files read before their average size is taken to project the whole run's size. */
const FILES_TO_PROJECT_FROM = 4;
/**
 * Files read and handed to the libxml2 thread ahead of the one the rules are on, up to this many
 * files or bytes. The two threads' shares differ from file to file (a schema version to compile
 * there, many rules' findings here), and a deep queue lets each run on through the other's slow
 * files: with 4 files ahead, the thread sat idle for 200 ms of a corpus run and the main thread
 * then waited for it (corpus, medians of 9 interleaved: 1012 -> 939 ms).
 */
const READ_AHEAD_FILES = 256;
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

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

export function readInput(input: Input, settings: Pick<RunSettings, 'cwd' | 'maxFileSize' | 'stdinFilename'>, shared = false): { name: string; bytes?: Buffer; error?: string } {
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
    return { name: input.path, bytes: readExactly(fd, stats.size, shared) };
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

/**
 * A regular file's bytes, as many as it had when its size was taken (as readFileSync does). In
 * shared memory when the libxml2 thread will get them: it then reads the very bytes this thread
 * scans, with no copy (21 MB over the corpus).
 */
function readExactly(fd: number, size: number, shared: boolean): Buffer {
  const bytes = shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

/**
 * Whether `--concurrency auto` starts the libxml2 thread, with `filesRead` of `inputCount` inputs
 * read: the bytes read add up to LARGE_RUN_BYTES, or, once a few files were read, their average
 * size times the number of inputs does. Many small files are a large run too, and the thread helps
 * them most from the start.
 */
export function runLooksLarge(bytesRead: number, filesRead: number, inputCount: number): boolean {
  if (bytesRead >= LARGE_RUN_BYTES) return true;
  return filesRead >= FILES_TO_PROJECT_FROM && (bytesRead / filesRead) * inputCount >= LARGE_RUN_BYTES;
}

export function lintInputs(inputs: Input[], settings: RunSettings): FileResult[] {
  const concurrency = settings.concurrency ?? 'auto';
  // `on` starts the thread now; `auto` takes the one the command started early for a large run, or
  // starts one as soon as the run looks large.
  let thread = concurrency === 'off' ? undefined : (LibxmlThread.takeStartedEarly() ?? (concurrency === 'on' ? LibxmlThread.start() : undefined));
  // Started at most once: where threads are refused, start() says so every time.
  let threadAsked = thread !== undefined || concurrency !== 'auto';
  let bytesRead = 0;
  const validateDeclaredSchema = settings.rules.some(({ rule }) => rule.meta.validatesDeclaredSchema);
  // Files read ahead, each with its ticket on the libxml2 thread once handed over.
  const ahead: { name: string; bytes?: Buffer; error?: string; ticket?: Ticket }[] = [];
  let bytesAhead = 0;
  let nextToRead = 0;
  // Before `auto` has decided, enough files to project the run's size from, read before linting any.
  const wanted = (): boolean => {
    if (thread) return ahead.length < READ_AHEAD_FILES && (ahead.length === 0 || bytesAhead < READ_AHEAD_BYTES);
    return ahead.length < (threadAsked ? 1 : FILES_TO_PROJECT_FROM);
  };
  const readAhead = (): void => {
    while (nextToRead < inputs.length && wanted()) {
      const read: (typeof ahead)[number] = timed('stage: reading files', () => readInput(inputs[nextToRead++]!, settings, thread?.usable === true));
      bytesRead += read.bytes?.length ?? 0;
      bytesAhead += read.bytes?.length ?? 0;
      if (!threadAsked && runLooksLarge(bytesRead, nextToRead, inputs.length)) {
        threadAsked = true;
        thread = LibxmlThread.start();
      }
      if (thread?.usable && read.bytes) read.ticket = thread.send({ bytes: read.bytes, validateDeclaredSchema, schemaDir: settings.options?.schemaDir });
      ahead.push(read);
    }
  };
  const results: FileResult[] = [];
  try {
    for (let index = 0; index < inputs.length; index++) {
      readAhead();
      const { name, bytes, error, ticket } = ahead.shift()!;
      bytesAhead -= bytes?.length ?? 0;
      if (error !== undefined || !bytes) {
        results.push({ filePath: name, findings: [], errors: [error ?? 'cannot read file'] });
      } else {
        try {
          results.push(lintSource(bytes, name, settings, ticket));
        } catch (failure) {
          // Defensive: the engine guards rules itself; anything reaching here is our own bug.
          results.push({ filePath: name, findings: [], errors: [`internal error: ${(failure as Error).message}`] });
        } finally {
          // Answers come in order: this file's must be taken before the next file's.
          if (ticket) tryAnswer(ticket);
        }
      }
      settings.onFile?.(index + 1, inputs.length);
    }
  } finally {
    thread?.close();
  }
  return results;
}

function tryAnswer(ticket: Ticket): void {
  try {
    ticket.answer();
  } catch {
    /* the file's result already says what went wrong */
  }
}

