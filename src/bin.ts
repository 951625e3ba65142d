// The executable's entry point (bundled into build/cli.mjs).
// A static import only: esbuild cannot run a dynamically imported module that uses top-level await (libxml2-wasm does).
import { hideBin } from 'yargs/helpers';
import { run } from './cli.js';

// `cib-lint ... | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(hideBin(process.argv));
