// Bundles the command line (build/cli.mjs and its chunks), the library (build/index.mjs) and the
// GitHub Action (dist/index.js, one file committed for action.yml). libxml2-wasm carries its
// WebAssembly inside its own module, and the rules' docs pages are defined into the bundles
// (src/core/rule-docs.ts), so nothing is read from node_modules at run time. All of them are
// committed, so that installing from a git URL needs no build: the same sources give the same
// bytes, which .ci/run checks.
//
// The command line is split at its dynamic imports (build/chunks/): a lint loads neither the
// formats it does not print, nor yaml and ajv without a configuration file, nor the fixer, nor
// `rules` and `explain` with the rules' docs. A cold run reads and compiles only what it uses.
// The library and the Action stay one file each: the library is imported by plugins, and the
// Action is one committed script.
//
//   node scripts/build.mjs [--types]
//
// --types (npm run build) also writes the library's declarations, build/types, afresh with tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  // A string of JSON, not an object: esbuild writes a string where it is used (the module of
  // src/core/rule-docs.ts), where an object would be initialised by every module of the bundle.
  define: { CIB_LINT_RULE_DOCS: JSON.stringify(JSON.stringify(ruleDocs())) },
};

/** docs/rules/<id>.md by id, in a fixed order whatever the file system lists first. */
function ruleDocs() {
  const folder = join(root, 'docs/rules');
  const names = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
  return Object.fromEntries(names.map((name) => [name.slice(0, -3), readFileSync(join(folder, name), 'utf8')]));
}

const buildDir = join(root, 'build');
mkdirSync(buildDir, { recursive: true });
// Afresh: a chunk of an earlier build (its name carries a hash of its content) would stay otherwise.
rmSync(join(buildDir, 'chunks'), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: join(root, 'src/cli/bin.ts') },
  outdir: buildDir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// The library entry that plugins import as `cib-lint` (package.json "exports").
await build({ ...common, entryPoints: [join(root, 'src/index.ts')], outfile: join(buildDir, 'index.mjs') });
await build({ ...common, entryPoints: [join(root, 'src/action/main.ts')], outfile: join(root, 'dist/index.js') });
if (process.argv.includes('--types')) {
  // Afresh: a declaration file whose source was removed would otherwise stay and be shipped.
  rmSync(join(buildDir, 'types'), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });
}
