// The package as users get it: `npm pack`, installed globally into a temporary prefix (no dev
// dependencies, no build), run on the example CIB; `npx` on the tarball; the example plugin
// loaded from a project that installed the tarball, its types checked against the shipped .d.ts;
// and an install from a git URL, which gets the committed build/ (there is no prepare script).
// npm needs the registry for the runtime dependencies: without it these tests are skipped, and say so.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ROOT } from './helpers.js';
import { packagingSkipped, snapshotRepository } from './packaging.js';

const SLOW = 600_000;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
let work = '';
let tarball = '';
let unavailable: string | undefined;

// node first on PATH: the bin's `#!/usr/bin/env node` finds the node running the tests.
const ENV: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true' };
delete ENV.FORCE_COLOR;
delete ENV.NODE_OPTIONS;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function npm(args: string[], cwd: string): string {
  const result = run('npm', args, cwd);
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

function requireRegistry(context: TestContext): void {
  if (unavailable === undefined) return;
  console.warn(`install tests skipped: ${unavailable}`);
  context.skip(unavailable);
}

beforeAll(() => {
  unavailable = packagingSkipped();
  if (unavailable !== undefined) return;
  work = mkdtempSync(join(tmpdir(), 'cib-lint-install-'));
  const ping = run('npm', ['ping', '--fetch-timeout=20000', '--fetch-retries=1'], work);
  if (ping.status !== 0) {
    unavailable = `npm cannot reach the registry (npm ping: ${(ping.stderr || ping.stdout).trim().split('\n').at(-1)})`;
    return;
  }
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string }>;
  tarball = join(work, packed!.filename);
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', { timeout: SLOW }, () => {
  it('ships the bundles, the declarations and the docs, and no sources or tests', (context) => {
    requireRegistry(context);
    expect(tarball).toBe(join(work, `${pkg.name}-${pkg.version}.tgz`));
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const file of ['bin/cib-lint.js', 'build/cli.mjs', 'build/index.mjs', 'build/types/src/index.d.ts', 'docs/rules/bundle-image-required.md', 'package.json', 'CHANGELOG.md']) {
      expect(listed).toContain(`package/${file}`);
    }
    expect(listed.filter((file) => /^package\/(src|test|rules|scripts|bench|fixtures|node_modules)\//.test(file))).toEqual([]);
  });

  it('installs globally with no dev dependencies and lints the example', (context) => {
    requireRegistry(context);
    const prefix = join(work, 'global');
    npm(['install', '--global', '--prefix', prefix, tarball], work);
    // A global install never installs the package's devDependencies: esbuild and tsc are absent.
    const modules = join(prefix, 'lib/node_modules');
    expect(existsSync(join(modules, 'cib-lint/build/cli.mjs'))).toBe(true);
    expect(existsSync(join(modules, 'cib-lint/node_modules/esbuild'))).toBe(false);
    expect(existsSync(join(modules, 'cib-lint/node_modules/typescript'))).toBe(false);
    const bin = join(prefix, 'bin/cib-lint');
    expect(run(bin, ['--version'], work).stdout.trim()).toBe(pkg.version);
    const lint = run(bin, ['--format', 'json', join(ROOT, 'fixtures/examples/httpd-bundle.xml')], work);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    const report = JSON.parse(lint.stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> };
    expect(report.files[0]!.findings.map((finding) => finding.ruleId)).toContain('bundle-control-port-replicas-per-host');
    // The docs pages are inside the bundle: explain reads no file.
    const explain = run(bin, ['explain', 'bundle-image-required'], work);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toBe(readFileSync(join(ROOT, 'docs/rules/bundle-image-required.md'), 'utf8'));
  });

  it('runs with npx from the tarball', (context) => {
    requireRegistry(context);
    const here = join(work, 'npx');
    mkdirSync(here);
    copyFileSync(tarball, join(here, basename(tarball)));
    copyFileSync(join(ROOT, 'fixtures/examples/clean.xml'), join(here, 'clean.xml'));
    const result = run('npx', ['--yes', `./${basename(tarball)}`, 'clean.xml'], here);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 file checked');
  });

  it('lets a project import cib-lint: the example plugin loads and its types check', (context) => {
    requireRegistry(context);
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'cluster-policies', private: true, type: 'module' }, null, 2)}\n`);
    npm(['install', tarball], project);
    copyFileSync(join(ROOT, 'examples/plugins/image-pinned.mjs'), join(project, 'image-pinned.mjs'));
    copyFileSync(join(ROOT, 'examples/plugins/cluster.xml'), join(project, 'cluster.xml'));

    const imported = run(process.execPath, ['--input-type=module', '-e', "const { default: rule } = await import('./image-pinned.mjs'); console.log(rule.meta.id, typeof rule.check);"], project);
    expect(imported.stderr).toBe('');
    expect(imported.stdout.trim()).toBe('image-pinned function');

    const lint = run(join(project, 'node_modules/.bin/cib-lint'), ['--plugin', './image-pinned.mjs', '--format', 'json', 'cluster.xml'], project);
    expect(lint.stderr).toBe('');
    const findings = (JSON.parse(lint.stdout) as { files: Array<{ findings: Array<{ ruleId: string; line: number }> }> }).files[0]!.findings;
    expect(findings.filter((finding) => finding.ruleId === 'image-pinned').map((finding) => finding.line)).toEqual([8, 12]);

    // A TypeScript plugin against the shipped declarations, with the repository's tsc.
    writeFileSync(
      join(project, 'rule.ts'),
      [
        "import { defineRule, type Rule, type RuleContext, type Finding } from 'cib-lint';",
        'export const rule: Rule = defineRule({',
        "  meta: { id: 'no-bundles', level: 'warning', description: 'No bundles', constraint: { title: 't', source: 's' }, tags: [], messages: { found: { text: 'Bundle {{id}}' } } },",
        "  check({ cib, report }: RuleContext) { for (const bundle of cib.bundles) report({ messageId: 'found', node: bundle.element, data: { id: bundle.id } }); },",
        '});',
        "export const levels: Array<Finding['level']> = ['error', 'warning', 'note'];",
        '',
      ].join('\n'),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'rule.ts'], project);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('installs from a git URL without building: the build is committed', (context) => {
    requireRegistry(context);
    const repository = join(work, 'repository');
    snapshotRepository(repository);
    // As a project's dependency: `npm install -g git+file://` links the global package to npm's
    // temporary clone, which npm then removes (npm 11), a quirk of local git URLs.
    const project = join(work, 'from-git');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "from-git", "private": true }\n');
    npm(['install', `git+file://${repository}`], project);
    expect(existsSync(join(project, 'node_modules/cib-lint/node_modules/esbuild'))).toBe(false);
    const lint = run(join(project, 'node_modules/.bin/cib-lint'), [join(ROOT, 'fixtures/examples/clean.xml')], project);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
