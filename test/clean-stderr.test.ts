// Standard error is for usage and I/O errors only: a run where nothing is wrong writes nothing
// there, whatever the output format and whichever Node.js line runs it (findings are not errors:
// they go to standard output). Each case spawns the built command, or the Action bundle, under
// process.execPath, so `.ci/run` checks this on every supported Node.js line.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAction, runCli } from './helpers.js';

const CLEAN = 'fixtures/examples/clean.xml';
const FINDINGS = 'fixtures/examples/httpd-bundle.xml';
const FORMATS = ['text', 'json', 'sarif', 'github'];

/** Exit 0 for a clean lint, 1 for one with findings: the run itself went right. */
const cases: Array<{ args: string[]; status: number; input?: string }> = [
  ...FORMATS.flatMap((format) => [
    { args: [CLEAN, '--format', format], status: 0 },
    { args: [FINDINGS, '--format', format], status: 1 },
  ]),
  { args: [CLEAN, '--color'], status: 0 },
  { args: [FINDINGS, '--color'], status: 1 },
  { args: [FINDINGS, '--fail-on', 'none'], status: 0 },
  { args: ['-', '--stdin-filename', 'cib.xml', '--format', 'json'], status: 0, input: CLEAN },
  { args: ['-', '--format', 'text'], status: 1, input: FINDINGS },
  { args: ['fixtures/examples'], status: 1 },
  { args: ['rules'], status: 0 },
  { args: ['rules', '--format', 'json'], status: 0 },
  { args: ['explain', 'bundle-control-port-replicas-per-host'], status: 0 },
  { args: ['--help'], status: 0 },
  { args: ['rules', '--help'], status: 0 },
  { args: ['--version'], status: 0 },
];

describe('cib-lint writes nothing on standard error when nothing is wrong', () => {
  for (const { args, status, input } of cases) {
    const name = [...args, ...(input === undefined ? [] : [`< ${input}`])].join(' ');
    it(`cib-lint ${name}`, () => {
      const run = runCli(args, input === undefined ? {} : { input: readFileSync(join(ROOT, input)) });
      expect(run.stderr, `standard error of cib-lint ${name}`).toBe('');
      expect(run.status).toBe(status);
      // The findings went where they belong (a clean run in the github format prints nothing at all).
      if (status === 1) expect(run.stdout).not.toBe('');
    });
  }

  it('but does write there on a usage error and a missing file (so the checks above can see it)', () => {
    const usage = runCli([CLEAN, '--format', 'xml']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toBe('');
    const missing = runCli([CLEAN, 'fixtures/examples/no-such-file.xml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-file.xml');
  });
});

/** The Action on `fixture` alone, as cluster/cib.xml in a fresh workspace. */
function runActionOn(fixture: string) {
  const workspace = mkdtempSync(join(tmpdir(), 'cib-lint-stderr-'));
  mkdirSync(join(workspace, 'cluster'));
  copyFileSync(join(ROOT, fixture), join(workspace, 'cluster/cib.xml'));
  return runAction(workspace, { files: 'cluster/*.xml' });
}

describe('the Action (dist/index.js) writes nothing on standard error when nothing is wrong', () => {
  for (const [fixture, status] of [
    [CLEAN, 0],
    [FINDINGS, 1],
  ] as const) {
    it(`on ${fixture}`, () => {
      const run = runActionOn(fixture);
      expect(run.stderr, `standard error of dist/index.js on ${fixture}`).toBe('');
      expect(run.status).toBe(status);
      expect(run.output).toContain('error-count<<');
      expect(run.summary).toContain('## cib-lint');
    });
  }
});
