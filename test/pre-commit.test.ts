// The pre-commit hook (.pre-commit-hooks.yaml) as a user gets it: `pre-commit try-repo` installs it
// from a fresh clone of this repository (npm, no build) into an empty pre-commit cache, and runs
// it on a repository holding a CIB, a pom.xml and an SVG. Runs where pre-commit is installed
// (.ci/run installs it); elsewhere it is skipped, and says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ROOT } from './helpers.js';
import { packagingSkipped, snapshotRepository } from './packaging.js';

const SLOW = 900_000;
let work = '';
let unavailable: string | undefined;

// node and npm first on PATH: pre-commit installs node hooks with the node it finds there.
const ENV: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true' };
delete ENV.FORCE_COLOR;
delete ENV.NODE_OPTIONS;

function requirePreCommit(context: TestContext): void {
  if (unavailable === undefined) return;
  console.warn(`pre-commit test skipped: ${unavailable}`);
  context.skip(unavailable);
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });
}

beforeAll(() => {
  unavailable = packagingSkipped();
  if (unavailable !== undefined) return;
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    unavailable = 'pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit)';
    return;
  }
  const ping = spawnSync('npm', ['ping', '--fetch-timeout=20000', '--fetch-retries=1'], { encoding: 'utf8', env: ENV });
  if (ping.status !== 0) {
    unavailable = 'npm cannot reach the registry, which installing the hook needs';
    return;
  }
  work = mkdtempSync(join(tmpdir(), 'cib-lint-pre-commit-'));
  snapshotRepository(join(work, 'hook'));
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the pre-commit hook', { timeout: SLOW }, () => {
  it('installs from a fresh clone, lints the staged CIBs and skips other XML files', (context) => {
    requirePreCommit(context);
    const project = join(work, 'project');
    mkdirSync(join(project, 'cluster'), { recursive: true });
    mkdirSync(join(project, 'web'));
    copyFileSync(join(ROOT, 'fixtures/examples/httpd-bundle.xml'), join(project, 'cluster/cib.xml'));
    writeFileSync(join(project, 'pom.xml'), '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n');
    writeFileSync(join(project, 'web/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n');
    writeFileSync(join(project, 'notes.txt'), 'not XML\n');
    git(project, 'init', '-q');
    git(project, 'add', '-A');
    const tryRepo = () =>
      spawnSync('pre-commit', ['try-repo', join(work, 'hook'), 'cib-lint', '--all-files', '--verbose'], {
        cwd: project,
        env: { ...ENV, PRE_COMMIT_HOME: join(work, 'cache') },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });

    const failing = tryRepo();
    const output = failing.stdout + failing.stderr;
    expect(output, output).toMatch(/cib-lint\.+Failed/);
    expect(failing.status).toBe(1);
    expect(output).toContain('cluster/cib.xml');
    expect(output).toContain('bundle-control-port-replicas-per-host');
    // pom.xml and the SVG reach cib-lint (pre-commit's `types: [xml]`), which skips them.
    expect(output).toMatch(/2 XML files skipped: not CIBs \((pom\.xml, web\/logo\.svg|web\/logo\.svg, pom\.xml)\)/);
    expect(output).not.toContain('xml-well-formed');
    expect(output).not.toContain('notes.txt');

    copyFileSync(join(ROOT, 'fixtures/examples/clean.xml'), join(project, 'cluster/cib.xml'));
    git(project, 'add', '-A');
    const passing = tryRepo();
    expect(passing.stdout + passing.stderr).toMatch(/cib-lint\.+Passed/);
    expect(passing.status).toBe(0);
  });
});
