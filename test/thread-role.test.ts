// Starting the libxml2 thread (src/thread-role.ts): a thread that cannot start, or fails, must
// leave the command to do the work on one thread, never stall or crash it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LibxmlThread } from '../src/libxml-thread.js';
import { launchLibxmlThread } from '../src/thread-role.js';

const dir = mkdtempSync(join(tmpdir(), 'cib-lint-thread-'));

describe('launchLibxmlThread', () => {
  it('starts no worker on a missing file (a partial build), which would never serve', () => {
    expect(launchLibxmlThread(pathToFileURL(join(dir, 'libxml-thread.mjs')))).toBeUndefined();
  });

  it('keeps a worker that fails from crashing the process', async () => {
    const entry = join(dir, 'failing-thread.mjs');
    writeFileSync(entry, "throw new Error('the thread failed');\n");
    const launched = launchLibxmlThread(pathToFileURL(entry));
    expect(launched).toBeDefined();
    // The worker's error reaches only the listener launchLibxmlThread added: an unhandled one would
    // be an uncaught exception here, and vitest would fail the run.
    const exitCode = await new Promise((resolve) => launched!.worker.once('exit', resolve));
    expect(exitCode).toBe(1);
    launched!.port.close();
  });
});

describe('LibxmlThread.startEarly', () => {
  it('starts no worker from TypeScript sources, as start() does not: there is no bundle to run', () => {
    LibxmlThread.startEarly();
    expect(LibxmlThread.takeStartedEarly()).toBeUndefined();
  });
});
