#!/usr/bin/env node
// libxml2 runs as WebAssembly. V8 compiles it first with its quick baseline compiler (Liftoff),
// then recompiles the hot functions with its optimising compiler on another thread. In a run of a
// few hundred milliseconds that recompilation costs more than it brings: measured side by side
// (medians, 2 cores), a one-bundle CIB lints in 151 ms instead of 202 ms with Liftoff only, and a
// 4 MB CIB in 425 ms instead of 455 ms, while a 16 MB CIB takes 10% longer. So the flag is set
// unless the files to lint add up to more than LARGE_RUN_BYTES. It must be set before the bundle
// loads libxml2; hence this check here, on the raw arguments, before anything else.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

const LARGE_RUN_BYTES = 8 * 1024 * 1024;

/** Bytes of the files the arguments name, stopping once past the limit; globs count as large. */
function bytesToLint(args) {
  let total = 0;
  const add = (path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile()) total += stats.size;
    else if (stats?.isDirectory()) {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (total > LARGE_RUN_BYTES) return;
        if (entry.isDirectory() || entry.name.endsWith('.xml')) add(join(path, entry.name));
      }
    }
  };
  for (const arg of args) {
    if (/[*?[]/.test(arg)) return Infinity;
    // Option values ("json") and missing files name nothing here; the command reports the latter.
    if (!arg.startsWith('-')) add(arg);
    if (total > LARGE_RUN_BYTES) break;
  }
  return total;
}

if (bytesToLint(process.argv.slice(2)) <= LARGE_RUN_BYTES) setFlagsFromString('--liftoff-only');

await import('../build/cli.mjs');
