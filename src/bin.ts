// A static import only: esbuild cannot run a dynamically imported module that uses top-level await (libxml2-wasm does).
// The executable's entry point (bundled into build/cli.mjs).
import { hideBin } from 'yargs/helpers';
import { run } from './cli.js';

process.exitCode = await run(hideBin(process.argv));
