// Bundles the command line (build/cli.mjs) and, when its entry exists, the GitHub Action
// (dist/index.js) into single files. Runs on `npm ci` through the `prepare` script.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
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
  // Some dependencies (yargs) still call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);" },
};

await build({ ...common, entryPoints: [join(root, 'src/bin.ts')], outfile: join(root, 'build/cli.mjs') });
// The library entry that plugins import as `cib-lint` (package.json "exports").
await build({ ...common, entryPoints: [join(root, 'src/index.ts')], outfile: join(root, 'build/index.mjs') });
if (existsSync(join(root, 'src/action.ts'))) {
  await build({ ...common, entryPoints: [join(root, 'src/action.ts')], outfile: join(root, 'dist/index.js') });
}
