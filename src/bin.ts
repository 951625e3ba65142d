// The executable's entry point (bundled into build/cli.mjs; bin/cib-lint.js runs it as build/cli.script.js).
// A static import only: esbuild cannot run a dynamically imported module that uses top-level await (libxml2-wasm does).
import { run } from './cli.js';
import { libxmlThreadData } from './thread-role.js';

// The same bundle also runs as the libxml2 thread (libxml-thread.ts): only the main thread is the command.
if (libxmlThreadData() === undefined) {
  // `cib-lint ... | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  // argv[0] is node and argv[1] this script; the rest are the user's arguments.
  process.exitCode = await run(process.argv.slice(2));
}
