// Bundles the command line (build/cli.mjs, plus chunk files it loads on demand), the library
// (build/index.mjs) and, when its entry exists, the GitHub Action (dist/index.js, one file). Runs
// on `npm ci` through the `prepare` script.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chalkWithoutDetection } from './chalk-without-detection.mjs';
import { esmToScript } from './esm-to-script.mjs';
import { wasmOutsideJs } from './wasm-outside-js.mjs';

const root = new URL('..', import.meta.url).pathname;
const common = {
  // Paths in the bundle's comments are relative to this: the same bytes from any folder or checkout.
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies (yaml) still call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);" },
};

const buildDir = join(root, 'build');
mkdirSync(buildDir, { recursive: true });
// The command and the library read libxml2's binary from build/libxml2.wasm: a cold start is faster.
const besideBundle = { plugins: [wasmOutsideJs({ mode: 'file', outdir: buildDir }), chalkWithoutDetection()] };
// The command is split: yaml and ajv (about 500 of its 960 KB) are imported by src/config.ts only
// when a configuration file is read (through src/config-parsers.ts), and esbuild puts them in a
// chunk file beside cli.mjs, loaded on demand (plus a tiny chunk of esbuild's helpers). Measured,
// cold runs of a one-bundle CIB with --no-config, interleaved medians of 15: 139 -> 127 ms
// (src/config-parsers.ts has more). The library (index.mjs) never reads a configuration and stays
// one file, and so does the Action (dist/index.js), where esbuild makes the import a lazily
// initialised module instead. The chunks stay in build/, next to libxml2.wasm, so
// `new URL(..., import.meta.url)` resolves alike from any of them; old ones are removed first
// (their names carry a content hash).
const CHUNK_PREFIX = 'chunk-';
for (const name of readdirSync(buildDir)) if (name.startsWith(CHUNK_PREFIX)) rmSync(join(buildDir, name));
const cli = await build({
  ...common,
  ...besideBundle,
  entryPoints: { cli: join(root, 'src/bin.ts') },
  outdir: buildDir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: `${CHUNK_PREFIX}[hash]`,
  metafile: true,
  define: { CIB_LINT_THREAD_ENTRY: JSON.stringify('./libxml-thread.mjs') },
});
// The libxml2 thread's own bundle, which the command's thread loads (src/libxml-thread-entry.ts);
// bin/cib-lint.js names the same file. And the code that starts the thread, as CommonJS for
// bin/cib-lint.js, which starts a large run's thread before the command's bundle runs.
await build({ ...common, ...besideBundle, entryPoints: [join(root, 'src/libxml-thread-entry.ts')], outfile: join(buildDir, 'libxml-thread.mjs') });
await build({ ...common, format: 'cjs', banner: {}, entryPoints: [join(root, 'src/thread-role.ts')], outfile: join(buildDir, 'thread-role.cjs') });
checkLazyChunks(cli.metafile, join(buildDir, 'cli.mjs'));
// What bin/cib-lint.js runs: the same bundle as a script, for V8's code cache (esm-to-script.mjs).
writeFileSync(join(buildDir, 'cli.script.js'), esmToScript(readFileSync(join(buildDir, 'cli.mjs'), 'utf8')));
// The library entry that plugins import as `cib-lint` (package.json "exports").
await build({ ...common, ...besideBundle, entryPoints: [join(root, 'src/index.ts')], outfile: join(buildDir, 'index.mjs') });
if (existsSync(join(root, 'src/action.ts'))) {
  // The Action runs dist/index.js alone (action.yml), so its binary stays inside, as base64.
  await build({ ...common, plugins: [wasmOutsideJs({ mode: 'base64' }), chalkWithoutDetection()], entryPoints: [join(root, 'src/action.ts')], outfile: join(root, 'dist/index.js') });
}

recordCodeCache();

/**
 * Lints the shipped examples once, in every report format, with CIB_LINT_WRITE_CODE_CACHE set:
 * bin/cib-lint.js then saves V8's code cache for build/cli.script.js, holding every function such
 * a run compiles. V8 checks it against its own version and flags, and ignores a cache that does
 * not match (another Node.js release): the command then compiles as if there were none.
 */
function recordCodeCache() {
  const cache = join(buildDir, 'cli.script.cache');
  rmSync(cache, { force: true });
  // Every report format once, so that each formatter's functions are in the cache too.
  const reports = mkdtempSync(join(tmpdir(), 'cib-lint-build-'));
  const formats = ['json', 'sarif', 'github'].flatMap((format) => ['--format', `${format}=${join(reports, format)}`]);
  const run = spawnSync(process.execPath, [join(root, 'bin/cib-lint.js'), join(root, 'fixtures/examples'), '--no-config', '--format', 'text', ...formats], {
    env: { ...process.env, CIB_LINT_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  rmSync(reports, { recursive: true, force: true });
  if (run.status === 2 || !existsSync(cache)) throw new Error(`build: recording the code cache failed (exit ${run.status}): ${run.stderr}`);
}

/**
 * Fails the build unless build/cli.mjs holds libxml2-wasm and the libxml2 thread itself, and every
 * other chunk holds only packages other than libxml2-wasm, src/config-parsers.ts and esbuild's
 * helpers: none of this project's other sources. libxml2-wasm uses top-level await, and a
 * dynamically imported chunk that reached it (directly or through a shared chunk) made the process
 * hang; the libxml2 thread starts a Worker on its own module's import.meta.url, which must be the
 * entry file.
 */
function checkLazyChunks(metafile, entryFile) {
  const entry = relative(root, entryFile);
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    if (!output.endsWith('.mjs')) continue;
    const sources = Object.keys(inputs);
    if (output === entry) {
      for (const needed of ['node_modules/libxml2-wasm/', 'src/libxml-thread.ts']) {
        if (!sources.some((source) => source.includes(needed))) throw new Error(`build: ${needed} is not in ${entry}`);
      }
      continue;
    }
    const stray = sources.filter(
      (source) => source !== 'src/config-parsers.ts' && (!source.startsWith('node_modules/') || source.includes('libxml2-wasm')),
    );
    if (stray.length > 0) throw new Error(`build: the lazily loaded ${output} must hold only yaml/ajv, not ${stray.join(', ')}`);
  }
}
