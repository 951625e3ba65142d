// libxml2-wasm ships its WebAssembly binary inside libxml2raw.mjs as one 800 KB latin-1 string
// literal, decoded by a JavaScript loop at every start. In a cold run, parsing that literal and
// decoding it took about 10 of the 20 ms that loading libxml2-wasm costs (measured, `npm run
// bench` row 1). This esbuild plugin replaces the literal at bundle time:
//   - `file`: the bytes are written next to the bundle and read with readFileSync (the command);
//   - `base64`: the bytes are kept in the bundle as base64, decoded natively by Buffer (the
//     Action, whose dist/ must stay one file).
// It also takes libxml2-wasm's loader off Node's ES module loader (withoutDynamicImport below).
// The build fails loudly if a libxml2-wasm release changes the shape this relies on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RAW_MODULE = /libxml2-wasm[\\/]lib[\\/]libxml2raw\.mjs$/;
const WASM_MAGIC = '\0asm';

/** Finds the call that decodes the embedded binary: `ea('\0asm...')`, the name is minified. */
function embeddedBinary(source) {
  const quote = source.indexOf(`'${WASM_MAGIC}`);
  const call = source.lastIndexOf('(', quote);
  const callee = /[A-Za-z_$][\w$]*$/.exec(source.slice(Math.max(0, call - 8), call));
  if (quote < 0 || call !== quote - 1 || !callee) {
    throw new Error('libxml2-wasm: the embedded WebAssembly literal was not found; update scripts/wasm-outside-js.mjs');
  }
  let end = quote + 1;
  while (source[end] !== "'") end += source[end] === '\\' ? 2 : 1;
  if (source[end + 1] !== ')') throw new Error('libxml2-wasm: unexpected shape after the WebAssembly literal');
  // The literal is the package's own code; evaluating a string literal runs nothing else.
  const text = new Function(`return ${source.slice(quote, end + 1)}`)();
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.subarray(0, 4).toString('latin1') !== WASM_MAGIC || bytes.length !== text.length) {
    throw new Error('libxml2-wasm: the embedded literal is not a latin-1 WebAssembly binary');
  }
  return { start: call - callee[0].length, end: end + 2, bytes };
}

/**
 * The loader gets `createRequire` with a dynamic `import("node:module")`. In the command, which
 * runs as a script (scripts/esm-to-script.mjs), that first dynamic import sets up Node's ES
 * module loader for it: 2.3 ms of a cold run (measured, CPU profiles of 6 runs). Node.js hands out
 * its own modules synchronously too (`process.getBuiltinModule`, Node >= 20.16).
 */
const DYNAMIC_IMPORT = 'await ((m)=>import(m))("node:module")';

function withoutDynamicImport(source) {
  if (source.split(DYNAMIC_IMPORT).length !== 2) {
    throw new Error('libxml2-wasm: its import of node:module was not found once; update scripts/wasm-outside-js.mjs');
  }
  return source.replace(DYNAMIC_IMPORT, 'process.getBuiltinModule("node:module")');
}

/**
 * @param {{ mode: 'file', outdir: string } | { mode: 'base64' }} options
 * @returns {import('esbuild').Plugin}
 */
export function wasmOutsideJs(options) {
  return {
    name: 'libxml2-wasm-binary',
    setup(build) {
      build.onLoad({ filter: RAW_MODULE }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const { start, end, bytes } = embeddedBinary(source);
        let replacement;
        if (options.mode === 'file') {
          writeFileSync(join(options.outdir, 'libxml2.wasm'), bytes);
          replacement = `require("node:fs").readFileSync(new URL("./libxml2.wasm", import.meta.url))`;
        } else {
          replacement = `Buffer.from(${JSON.stringify(bytes.toString('base64'))}, "base64")`;
        }
        return { contents: withoutDynamicImport(source.slice(0, start) + replacement + source.slice(end)), loader: 'js' };
      });
    },
  };
}
