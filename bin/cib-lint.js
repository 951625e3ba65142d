#!/usr/bin/env node
// Runs the command's bundle, build/cli.script.js (build/cli.mjs rewritten as a script by
// scripts/esm-to-script.mjs), with the V8 code cache the build recorded beside it: compiling the
// bundle and the functions of a lint otherwise takes about 20 ms of every cold run. Its
// `import.meta.url` is build/cli.mjs, so its chunks, libxml2.wasm and the libxml2 thread (which
// starts the module itself) are found as before.
//
// V8 is tuned for long-running programs; a lint is over in a fraction of a second. Two of its
// defaults cost more than they bring here, so the command changes them before the bundle runs (and
// after the code cache is read: V8 rejects a cache recorded under other flags):
// - Its optimising compiler (TurboFan) inlines callees into every hot function, and a lint has
//   many: compiling them kept the second core busy while libxml2 needs it. `--no-turbo-inlining`
//   and a larger `--interrupt-budget` (fewer, later optimisations) measured, medians of 7, side by
//   side: 16 MB CIB 758 -> 667 ms, 4 MB 384 -> 333 ms, 1 MB 188 -> 175 ms, one bundle 121 -> 115
//   ms, the corpus (904 files) 1229 -> 1129 ms.
// - libxml2 runs as WebAssembly, compiled first with V8's quick baseline compiler (Liftoff), then
//   recompiled hot with TurboFan on another thread. In a short run that recompilation costs more
//   than it brings: a one-bundle CIB lints in 151 ms instead of 202 ms with Liftoff only, a 4 MB
//   CIB in 425 ms instead of 455 ms, while a 16 MB CIB takes 10% longer. So `--liftoff-only` is
//   set unless the files to lint add up to more than LARGE_RUN_BYTES, decided here, on the raw
//   arguments.
// - A large run still recompiles too much: by default a function is queued for TurboFan after
//   about 1.8 MB of its code ran, and on two cores that compiling competes with both threads. With
//   a budget 33 times as large only the hottest functions are recompiled, later: CPU 1116 -> 1039
//   ms and wall 649 -> 608 ms over the corpus, 16 MB CIB 586 -> 551 ms (medians of 11-15,
//   interleaved).
// CommonJS (bin/package.json says so), not an ES module: Node.js starts a CommonJS entry 1.7 ms
// sooner (medians of 21), and this file needs nothing from the module loader; the bundle's own
// dynamic imports still work. The file keeps its name: npx links the bin by file name.
'use strict';
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

const SHORT_RUN_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=400000'];
const LARGE_RUN_BYTES = 8 * 1024 * 1024;
const LARGE_RUN_WASM_TIERING = '--wasm-tiering-budget=60000000';

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

/** `--concurrency off` (or `=off`): the user wants no second thread. */
function concurrencyOff(args) {
  return args.some((arg, index) => arg === '--concurrency=off' || (arg === '--concurrency' && args[index + 1] === 'off'));
}

const buildDirectory = join(__dirname, '..', 'build');
const bundleUrl = pathToFileURL(join(buildDirectory, 'cli.mjs')).href;
const scriptPath = join(buildDirectory, 'cli.script.js');
const cachePath = join(buildDirectory, 'cli.script.cache');
// Set by scripts/build.mjs only: this run records the cache, under V8's default flags.
const recordingCache = process.env.CIB_LINT_WRITE_CODE_CACHE === '1';

if (!existsSync(scriptPath)) {
  process.stderr.write(`cib-lint: ${scriptPath} is missing: build the command first (npm ci, or npm run build)\n`);
  process.exit(2);
}
const script = new Script(readFileSync(scriptPath, 'utf8'), {
  filename: scriptPath,
  cachedData: !recordingCache && existsSync(cachePath) ? readFileSync(cachePath) : undefined,
});
if (!recordingCache) {
  for (const flag of SHORT_RUN_FLAGS) setFlagsFromString(flag);
  const args = process.argv.slice(2);
  const largeRun = bytesToLint(args) > LARGE_RUN_BYTES;
  setFlagsFromString(largeRun ? LARGE_RUN_WASM_TIERING : '--liftoff-only');
  // A large run's libxml2 thread starts now, 30 ms before the bundle could start it: its 50-100 ms
  // of loading then overlap the bundle's. src/thread-role.ts takes both over from here.
  const startThread = largeRun && !concurrencyOff(args);
  globalThis[Symbol.for('cib-lint.bin-handoff')] = {
    largeRun,
    thread: startThread ? require(join(buildDirectory, 'thread-role.cjs')).launchLibxmlThread(pathToFileURL(join(buildDirectory, 'libxml-thread.mjs'))) : undefined,
  };
}
// At exit, the cache holds every function the run compiled, not only the top level.
if (recordingCache) {
  process.on('exit', () => {
    try {
      writeFileSync(cachePath, script.createCachedData());
    } catch (error) {
      process.stderr.write(`cib-lint: cannot record the code cache ${cachePath}: ${error.message}\n`);
    }
  });
}

const runBundle = script.runInThisContext();
// A failure rejects unhandled, so Node.js prints it and exits with 1, as for an ES module's top level.
void runBundle(createRequire(bundleUrl), bundleUrl, (specifier) => import(specifier.startsWith('.') ? new URL(specifier, bundleUrl).href : specifier));
