/**
 * Whether this copy of the bundle runs as the libxml2 thread (src/libxml-thread.ts) rather than as
 * the command or the Action. Every run asks, at its start; node:worker_threads would answer, but
 * loading it costs 1.2 ms (measured against an empty script), so the thread is also marked in its
 * environment, and only a copy that finds the mark loads the module to make sure.
 */
import type { MessagePort, Worker, WorkerOptions } from 'node:worker_threads';

const ROLE = 'cib-lint libxml2 thread';
const MARK = 'CIB_LINT_THREAD_ROLE';

/** The options that make a Worker the libxml2 thread, with `data` as its workerData. */
function libxmlThreadOptions(data: object, transferList: WorkerOptions['transferList']): WorkerOptions {
  return { env: { ...process.env, [MARK]: ROLE }, workerData: { ...data, role: ROLE }, transferList };
}

/** The libxml2 thread's workerData, or undefined anywhere else. */
export function libxmlThreadData<T>(): T | undefined {
  if (process.env[MARK] !== ROLE) return undefined;
  const { isMainThread, workerData } = process.getBuiltinModule('node:worker_threads');
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE ? (workerData as T) : undefined;
}

/** A started libxml2 thread: the worker, the main thread's end of its channel, its shared signal cells. */
export interface LaunchedThread {
  worker: Worker;
  port: MessagePort;
  signal: SharedArrayBuffer;
}

/**
 * Starts a worker on `entry` as the libxml2 thread (LibxmlThread in libxml-thread.ts speaks with
 * it); undefined where threads are refused. bin/cib-lint.js calls this too, built as
 * build/thread-role.cjs, to start a large run's thread before the command's bundle runs.
 */
export function launchLibxmlThread(entry: URL): LaunchedThread | undefined {
  // A worker whose file is missing (a partial build) would never serve: the main thread would wait
  // out START_DEADLINE_MS (libxml-thread.ts) before doing the work itself.
  if (entry.protocol === 'file:' && !process.getBuiltinModule('node:fs').existsSync(entry)) return undefined;
  const { MessageChannel, Worker } = process.getBuiltinModule('node:worker_threads');
  const channel = new MessageChannel();
  const signal = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  let worker: Worker;
  try {
    worker = new Worker(entry, libxmlThreadOptions({ port: channel.port2, signal }, [channel.port2]));
  } catch {
    // Threads refused (a restricted environment): one thread does it all, as with --concurrency off.
    channel.port1.close();
    return undefined;
  }
  // A thread that fails (an uncaught error, out of memory) must not crash the command: the main
  // thread notices it does not answer (libxml-thread.ts) and does the work itself.
  worker.on('error', () => {});
  // Neither keeps the process alive: the command ends when its work does.
  worker.unref();
  channel.port1.unref();
  return { worker, port: channel.port1, signal };
}

/**
 * What bin/cib-lint.js found before the bundle ran, under a global symbol. It adds up the sizes of
 * the files its arguments name (for V8's flags; LARGE_RUN_BYTES in lint.ts is the same 8 MB), and
 * for a large run it starts the libxml2 thread itself, unless --concurrency off: 30 ms sooner than
 * the command could.
 */
const BIN_HANDOFF = Symbol.for('cib-lint.bin-handoff');

interface BinHandoff {
  largeRun: boolean;
  thread?: LaunchedThread;
}

function binHandoff(): BinHandoff | undefined {
  return (globalThis as { [BIN_HANDOFF]?: BinHandoff })[BIN_HANDOFF];
}

export function argumentsNameALargeRun(): boolean {
  return binHandoff()?.largeRun === true;
}

/** The thread bin/cib-lint.js started, given out once. */
export function threadStartedByBin(): LaunchedThread | undefined {
  const handoff = binHandoff();
  const thread = handoff?.thread;
  if (handoff) delete handoff.thread;
  return thread;
}
