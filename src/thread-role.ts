/**
 * Whether this copy of the bundle runs as the libxml2 thread (src/libxml-thread.ts) rather than as
 * the command or the Action. Every run asks, at its start; node:worker_threads would answer, but
 * loading it costs 1.2 ms (measured against an empty script), so the thread is also marked in its
 * environment, and only a copy that finds the mark loads the module to make sure.
 */
import type { WorkerOptions } from 'node:worker_threads';

const ROLE = 'cib-lint libxml2 thread';
const MARK = 'CIB_LINT_THREAD_ROLE';

/** The options that make a Worker the libxml2 thread, with `data` as its workerData. */
export function libxmlThreadOptions(data: object, transferList: WorkerOptions['transferList']): WorkerOptions {
  return { env: { ...process.env, [MARK]: ROLE }, workerData: { ...data, role: ROLE }, transferList };
}

/** The libxml2 thread's workerData, or undefined anywhere else. */
export function libxmlThreadData<T>(): T | undefined {
  if (process.env[MARK] !== ROLE) return undefined;
  const { isMainThread, workerData } = process.getBuiltinModule('node:worker_threads');
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE ? (workerData as T) : undefined;
}
