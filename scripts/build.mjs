// Bundles the command line (build/cli.mjs) and, when its entry exists, the GitHub Action
// (dist/index.js) into single files. Runs on `npm ci` through the `prepare` script.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
const besideBundle = { plugins: [wasmOutsideJs({ mode: 'file', outdir: buildDir })] };
await build({ ...common, ...besideBundle, entryPoints: [join(root, 'src/bin.ts')], outfile: join(buildDir, 'cli.mjs') });
// The library entry that plugins import as `cib-lint` (package.json "exports").
await build({ ...common, ...besideBundle, entryPoints: [join(root, 'src/index.ts')], outfile: join(buildDir, 'index.mjs') });
if (existsSync(join(root, 'src/action.ts'))) {
  // The Action runs dist/index.js alone (action.yml), so its binary stays inside, as base64.
  await build({ ...common, plugins: [wasmOutsideJs({ mode: 'base64' })], entryPoints: [join(root, 'src/action.ts')], outfile: join(root, 'dist/index.js') });
}
