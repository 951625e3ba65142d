// The single executable's main script (scripts/build-sea.mjs injects it into a Node.js binary).
// The command is the same ES module the npm package runs, build/cli.mjs, carried as an asset; a
// single executable's main script must be CommonJS, and the bundle cannot be (libxml2-wasm starts
// its WebAssembly with a top-level await). So the module is served by an in-process loader hook
// under a file: URL of its own, and imported through vm, which gives this script the import() that
// a single executable's main script lacks. A plugin's `import ... from 'cib-lint'` gets the
// library bundle, build/index.mjs, carried the same way.
'use strict';
const { getAsset } = require('node:sea');
const { enableCompileCache, registerHooks } = require('node:module');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

// Below the executable's own path, where no file can be: nothing on disk is ever read in their place.
const base = pathToFileURL(process.execPath).href;
const modules = new Map([
  [`${base}/build/cli.mjs`, 'cli.mjs'],
  [`${base}/build/index.mjs`, 'index.mjs'],
]);
const LIBRARY = `${base}/build/index.mjs`;

// Node's compile cache, as bin/cib-lint.js enables it: entries are checked against the source,
// so the bundle served below is cached like a file.
enableCompileCache();
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (modules.has(specifier)) return { url: specifier, format: 'module', shortCircuit: true };
    if (specifier === 'cib-lint') return { url: LIBRARY, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    const asset = modules.get(url);
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
importModule(`${base}/build/cli.mjs`).catch((error) => {
  process.stderr.write(`cib-lint: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
