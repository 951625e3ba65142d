// Bundles the command line (build/cli.mjs), the library (build/index.mjs) and the GitHub Action
// (dist/index.js, one file committed for action.yml). libxml2-wasm carries its WebAssembly inside
// its own module, so each bundle is one self-contained file.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

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
await build({ ...common, entryPoints: [join(root, 'src/cli/bin.ts')], outfile: join(buildDir, 'cli.mjs') });
// The library entry that plugins import as `cib-lint` (package.json "exports").
await build({ ...common, entryPoints: [join(root, 'src/index.ts')], outfile: join(buildDir, 'index.mjs') });
await build({ ...common, entryPoints: [join(root, 'src/action/main.ts')], outfile: join(root, 'dist/index.js') });
