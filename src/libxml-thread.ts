/**
 * A second thread for libxml2's share of linting: deciding well-formedness and validating against
 * the schema a CIB's validate-with names. It runs beside the JavaScript rules, on another core,
 * while the main thread scans the same bytes; on a large CIB or many files that takes the
 * WebAssembly work (about half of a run) off the critical path. Requests are answered in order.
 *
 * The thread runs build/libxml-thread.mjs beside the command's bundle, or the Action's same bundle
 * (import.meta.url): the module notices it is the worker and serves requests instead of running
 * the command. From TypeScript sources (the unit tests) there is no bundle to start, and
 * everything stays on one thread.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import type { XmlDocument } from 'libxml2-wasm';
import { parseWithLibxml, type Verdict } from './xml/load.js';
import { timed } from './timing.js';
import { launchLibxmlThread, libxmlThreadData, threadStartedByBin, type LaunchedThread } from './thread-role.js';
import { declaredSchemaFile, schemaErrors, type SchemaError } from './schemas.js';

/**
 * The thread's module, relative to this bundle: the command's build defines it (its small bundle
 * of the thread alone, src/libxml-thread-entry.ts: the thread serves 15-20 ms sooner); elsewhere
 * (the Action's one file) the thread runs this same bundle.
 */
declare const CIB_LINT_THREAD_ENTRY: string | undefined;

/** The thread's module: see CIB_LINT_THREAD_ENTRY. */
function threadEntry(): URL {
  return new URL(typeof CIB_LINT_THREAD_ENTRY === 'string' ? CIB_LINT_THREAD_ENTRY : import.meta.url, import.meta.url);
}

/** How long the main thread waits for one answer before it gives up on the thread. */
const ANSWER_DEADLINE_MS = 10 * 60 * 1000;
/**
 * How long the thread may take to start serving (it loads the bundle: well under a second). A
 * thread that failed to start sends no event the blocked main thread could see; after this, the
 * main thread does the work itself.
 */
const START_DEADLINE_MS = 30 * 1000;
/** Cells of the shared signal: answers posted so far, and whether the thread serves. */
const ANSWERS = 0;
const SERVING = 1;

/** The thread startEarly() started, until a run takes it; null once taken or refused. */
let startedEarly: LibxmlThread | null | undefined;

/** The thread cannot answer: the caller does the file's libxml2 work itself. */
export class LibxmlThreadUnavailable extends Error {}

export interface LibxmlRequest {
  bytes: Uint8Array;
  /** Validate against the schema the CIB's validate-with names, found in this directory. */
  validateDeclaredSchema: boolean;
  schemaDir: string | undefined;
}

export interface LibxmlAnswer {
  verdict: Verdict;
  /** Present when validation was asked for and the declared schema is installed. */
  validation?: { schemaPath: string; errors: SchemaError[] } | { schemaPath: string; failure: string };
  /** Something unexpected went wrong on the thread for this file. */
  failure?: string;
}

/** One request's answer, received at most once, in the order the requests were sent. */
export interface Ticket {
  answer(): LibxmlAnswer;
}

export class LibxmlThread {
  private received = 0;
  private sent = 0;
  private broken = false;

  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;

  private constructor({ worker, port, signal }: LaunchedThread) {
    this.worker = worker;
    this.port = port;
    this.signal = new Int32Array(signal);
  }

  /**
   * Starts the thread now, for a run that will want it from its first file: it takes 50-100 ms to
   * load, which then overlaps reading the configuration, expanding operands and reading files.
   * bin/cib-lint.js may have started it already, before this bundle ran (see thread-role.ts).
   */
  static startEarly(): void {
    if (startedEarly !== undefined) return;
    const startedByBin = threadStartedByBin();
    startedEarly = (startedByBin ? new LibxmlThread(startedByBin) : LibxmlThread.start()) ?? null;
  }

  /** The thread startEarly() started, once: the first run over the inputs takes it. */
  static takeStartedEarly(): LibxmlThread | undefined {
    const thread = startedEarly ?? undefined;
    if (thread) startedEarly = null;
    return thread;
  }

  /** Starts the thread; undefined when not running from a bundle (no file a worker could load) or when threads are refused. */
  static start(): LibxmlThread | undefined {
    if (!/\.m?js$/.test(new URL(import.meta.url).pathname)) return undefined;
    const launched = launchLibxmlThread(threadEntry());
    return launched && new LibxmlThread(launched);
  }

  /** False once the thread failed to start or to answer: then it gets no more work. */
  get usable(): boolean {
    return !this.broken;
  }

  send(request: LibxmlRequest): Ticket {
    // Posted bytes are copied twice (into the message, then out of it); shared memory is not.
    // Files are read into shared memory when a thread is running (lint.ts): those go as they are.
    let shared = request.bytes;
    if (!(shared.buffer instanceof SharedArrayBuffer)) {
      shared = new Uint8Array(new SharedArrayBuffer(request.bytes.length));
      shared.set(request.bytes);
    }
    this.port.postMessage({ ...request, bytes: shared });
    const number = this.sent++;
    let answer: LibxmlAnswer | undefined;
    return {
      answer: () => {
        if (answer === undefined) {
          if (this.broken) throw new LibxmlThreadUnavailable('the libxml2 thread is not answering');
          if (number !== this.received) throw new Error('libxml2 thread answers taken out of order');
          // In CIB_LINT_TIMING's table: time here means the thread, not this one, was the longer path.
          answer = timed('stage: waiting for the libxml2 thread', () => this.receive());
        }
        return answer;
      },
    };
  }

  /** Blocks until the next answer is in: the rules that need it run synchronously. */
  private receive(): LibxmlAnswer {
    if (this.broken) throw new LibxmlThreadUnavailable('the libxml2 thread is not answering');
    const started = performance.now();
    for (;;) {
      const seen = Atomics.load(this.signal, ANSWERS);
      const message = threads().receiveMessageOnPort(this.port);
      if (message) {
        this.received++;
        return message.message as LibxmlAnswer;
      }
      const serving = Atomics.load(this.signal, SERVING) === 1;
      const deadline = serving ? ANSWER_DEADLINE_MS : START_DEADLINE_MS;
      // Short waits until the thread serves, so that a thread that never started is noticed.
      Atomics.wait(this.signal, ANSWERS, seen, serving ? deadline : 100);
      if (performance.now() - started > deadline) {
        this.broken = true;
        throw new LibxmlThreadUnavailable(serving ? 'the libxml2 thread stopped answering' : 'the libxml2 thread did not start');
      }
    }
  }

  close(): void {
    void this.worker.terminate();
  }
}

/** The answer, and the document to free once it is posted (freeing a large one takes a while). */
function answer(request: LibxmlRequest): { reply: LibxmlAnswer; document?: XmlDocument } {
  const parsed = parseWithLibxml(request.bytes, { validationOnly: true });
  if (!parsed.ok) return { reply: { verdict: { ok: false, message: parsed.message, position: parsed.position } } };
  const { document } = parsed;
  const root = document.root;
  const schemaPath = request.validateDeclaredSchema && root.name === 'cib' ? declaredSchemaFile(root.attr('validate-with')?.value, request.schemaDir) : undefined;
  if (schemaPath === undefined) return { reply: { verdict: { ok: true } }, document };
  try {
    return { reply: { verdict: { ok: true }, validation: { schemaPath, errors: schemaErrors(schemaPath, document) } }, document };
  } catch (error) {
    return { reply: { verdict: { ok: true }, validation: { schemaPath, failure: (error as Error).message } }, document };
  }
}

function serve(port: MessagePort, signal: Int32Array): void {
  Atomics.store(signal, SERVING, 1);
  port.on('message', (request: LibxmlRequest) => {
    let reply: LibxmlAnswer;
    let document: XmlDocument | undefined;
    try {
      ({ reply, document } = answer(request));
    } catch (error) {
      reply = { verdict: { ok: true }, failure: (error as Error).message };
    }
    port.postMessage(reply);
    Atomics.add(signal, ANSWERS, 1);
    Atomics.notify(signal, ANSWERS);
    document?.dispose();
  });
}

/** node:worker_threads, loaded when a thread is used (see thread-role.ts). */
function threads(): typeof import('node:worker_threads') {
  return process.getBuiltinModule('node:worker_threads');
}

const threadData = libxmlThreadData<{ port: MessagePort; signal: SharedArrayBuffer }>();
if (threadData) serve(threadData.port, new Int32Array(threadData.signal));
