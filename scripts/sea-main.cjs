// The single executable's main script (scripts/build-sea.mjs injects it into a Node.js binary).
// The command is the same ES modules the npm package runs, build/cli.mjs and the chunks it imports
// (build/chunks/), carried as assets named by their path under build/; a single executable's main
// script must be CommonJS, and the bundle cannot be (libxml2-wasm starts its WebAssembly with a
// top-level await). So the modules are served by an in-process loader hook under file: URLs of
// their own, and imported through vm, which gives this script the import() that a single
// executable's main script lacks. A plugin's `import ... from 'cib-lint'` gets the library bundle,
// build/index.mjs, carried the same way.
'use strict';
const { getAsset } = require('node:sea');
const { enableCompileCache, registerHooks } = require('node:module');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

// Below the executable's own path, where no file can be: nothing on disk is ever read in their place.
const base = pathToFileURL(process.execPath).href;
const BUILD = `${base}/build/`;
const LIBRARY = `${BUILD}index.mjs`;
// The asset for a URL under BUILD: its path below build/ (`cli.mjs`, `chunks/text-....mjs`).
const assetOf = (url) => (url.startsWith(BUILD) && url.endsWith('.mjs') ? url.slice(BUILD.length) : undefined);

// Node's compile cache, as bin/cib-lint.js enables it: entries are checked against the source,
// so the bundle served below is cached like a file.
enableCompileCache();
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'cib-lint') return { url: LIBRARY, format: 'module', shortCircuit: true };
    // The chunks' imports of each other are relative: `./chunk-....mjs`, `./chunks/text-....mjs`.
    const parent = context.parentURL;
    const url = specifier.startsWith('./') && parent !== undefined && assetOf(parent) !== undefined ? new URL(specifier, parent).href : specifier;
    if (assetOf(url) !== undefined) return { url, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    const asset = assetOf(url);
    if (asset !== undefined) return { format: 'module', source: getAsset(asset, 'utf8'), shortCircuit: true };
    return nextLoad(url, context);
  },
});

// The one experimental API used is this one, deliberately: its warning would be noise on every run.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  if (String(warning).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
  return emitWarning.call(this, warning, ...rest);
};
const importModule = vm.runInThisContext('(specifier) => import(specifier)', {
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});

// As under node, process.argv[1] is the script (here the executable again), and the user's arguments follow.
importModule(`${BUILD}cli.mjs`).catch((error) => {
  process.stderr.write(`cib-lint: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
