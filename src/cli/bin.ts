// The executable's entry point, bundled into build/cli.mjs and started by bin/cib-lint.js: it only
// wires the process to the command.
import { runCommand } from './command.js';

// `cib-lint ... | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// argv[0] is node and argv[1] this script; the rest are the user's arguments.
process.exitCode = await runCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
