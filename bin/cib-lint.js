#!/usr/bin/env node
// The command's entry point: Node's compile cache (where this Node.js has it) is the only start-up
// help, as in ESLint's bin; everything else lives in the bundle.
import { existsSync } from 'node:fs';
import module from 'node:module';

const bundle = new URL('../build/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(`cib-lint: ${bundle.pathname} is missing: build the command first (npm ci, or npm run build)\n`);
  process.exit(2);
}
module.enableCompileCache?.();
await import(bundle.href);
