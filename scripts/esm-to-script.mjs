// Node.js 20 keeps no code cache for ES modules, only for classic scripts (vm.Script's
// cachedData). Compiling the command's 440 KB bundle and the functions a lint runs took about
// 20 ms of every cold run, more than any rule. So the build also writes the bundle as a script:
// one async function expression (the bundle awaits libxml2 at its top level) that takes what a
// module would have had: `require`, the bundle's own URL for `import.meta.url`, and a dynamic
// import. bin/cib-lint.js compiles it with the cache that scripts/build.mjs records.
//
// Only the import shapes esbuild writes for Node built-ins are rewritten; anything else fails
// the build rather than producing a script that behaves differently from the module.

const BANNER_PREFIX = "import { createRequire as __cibLintCreateRequire } from 'node:module';";
/** `import { a as b, c } from "node:x";` */
const NAMED_IMPORT = /^import \{([\w$,\s]+)\} from "(node:[\w/]+)";$/;
/** `import x from "node:x";` or `import * as x from "node:x";` (a built-in's default export is the module). */
const DEFAULT_IMPORT = /^import (?:\* as )?([\w$]+) from "(node:[\w/]+)";$/;
/** `import "./chunk-X.mjs";`: esbuild's shared helpers, evaluated for the lazily loaded chunk by that chunk itself. */
const SIDE_EFFECT_CHUNK = /^import "\.\/chunk-[\w-]+\.mjs";$/;

/**
 * @param {string} source build/cli.mjs
 * @returns {string} `(async function (require, __bundleUrl, __import) { ... })`
 */
export function esmToScript(source) {
  const lines = source.split('\n');
  if (!lines[0].startsWith(BANNER_PREFIX)) throw new Error('esm-to-script: the bundle does not start with the createRequire banner');
  lines[0] = '';
  const body = lines.map((line, index) => {
    let match;
    if ((match = NAMED_IMPORT.exec(line))) return `const {${match[1].replace(/\s+as\s+/g, ': ')}} = require("${match[2]}");`;
    if ((match = DEFAULT_IMPORT.exec(line))) return `const ${match[1]} = require("${match[2]}");`;
    if (SIDE_EFFECT_CHUNK.test(line)) return '';
    if (/^(import|export)\b/.test(line)) throw new Error(`esm-to-script: line ${index + 1} is an import or export it cannot rewrite: ${line}`);
    return line;
  });
  // In this bundle, every `import.meta.url` and `import(` is code (checked when this was written:
  // libxml2-wasm's loader, the libxml2 thread, the lazy configuration chunk and plugin loading).
  const script = body.join('\n').replaceAll('import.meta.url', '__bundleUrl').replace(/\bimport\(/g, '__import(');
  if (script.includes('import.meta')) throw new Error('esm-to-script: the bundle uses import.meta beyond import.meta.url');
  // ES modules are strict; the function must be too.
  return `(async function (require, __bundleUrl, __import) {"use strict";${script}\n})`;
}
