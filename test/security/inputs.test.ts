// Issue 16, items 3, 5 (globs) and 7: what cib-lint reads from a checkout and what it writes.
// Walks and globs take regular files inside the folder walked and say what they left out; FIFOs,
// devices and links out of the tree are never read; globs cannot backtrack; every file written is
// whole or not there. Each run is a subprocess under a time limit, so that a regression that
// hangs (a FIFO opened, a link loop walked) fails the test instead of stalling the suite.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/document/inputs/glob.js';
import { expandOperands } from '../../src/document/inputs/operands.js';
import { BIN, ROOT, writeFiles } from '../helpers.js';

/** No run here takes more than a few seconds; a hang fails the test instead of stalling the suite. */
const TIME_LIMIT = 30_000;
const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;
const CIB = readFileSync(join(ROOT, 'fixtures/unique-ids/invalid.xml'), 'utf8');
const IS_ROOT = process.getuid?.() === 0;
/** Root reads every file: permission cases run as nobody instead. */
const AS_NOBODY = IS_ROOT ? { uid: 65534, gid: 65534 } : {};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string }>;
  errors?: string[];
}

function finished(result: SpawnSyncReturns<string>): Run {
  expect(result.error, 'the run did not finish in time').toBeUndefined();
  expect(result.signal).toBeNull();
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain('internal error');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function environment(): NodeJS.ProcessEnv {
  // No compile cache: a run as nobody or under a file size limit must not trip over writing one.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1' };
  delete env.FORCE_COLOR;
  return env;
}

function lint(cwd: string, args: string[], options: { uid?: number; gid?: number } = {}): Run {
  return finished(spawnSync(process.execPath, [BIN, '--no-config', ...args], { cwd, env: environment(), encoding: 'utf8', timeout: TIME_LIMIT, killSignal: 'SIGKILL', ...options }));
}

/** A command line through bash, for process substitution, redirections and ulimit. */
function shell(cwd: string, script: string): Run {
  return finished(spawnSync('bash', ['-c', script], { cwd, env: environment(), encoding: 'utf8', timeout: TIME_LIMIT, killSignal: 'SIGKILL' }));
}

const NODE_BIN = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --no-config`;

function jsonFiles(stdout: string): Map<string, JsonFile> {
  const report = JSON.parse(stdout) as { files: JsonFile[] };
  return new Map(report.files.map((file) => [file.path, file]));
}

function errorsOf(files: Map<string, JsonFile>, path: string): string[] {
  const file = files.get(path);
  expect(file, `${path} is in the report`).toBeDefined();
  return file!.errors ?? [];
}

function expectLinted(files: Map<string, JsonFile>, path: string): void {
  const file = files.get(path);
  expect(file, `${path} is in the report`).toBeDefined();
  expect(file!.errors ?? []).toEqual([]);
  expect(file!.findings.map((finding) => finding.ruleId)).toContain('unique-ids');
}

let work: string;
let server: Server | undefined;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cib-lint-inputs-'));
  // Readable by nobody, for the permission cases.
  chmodSync(work, 0o755);
});

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  // `rm` removes a tree deeper than PATH_MAX, which rmSync cannot walk.
  spawnSync('rm', ['-rf', work]);
});

/** A folder below the work folder, with files: a string is written, a Buffer too. */
function folder(name: string, files: Record<string, string> = {}): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return writeFiles(dir, files);
}

describe('directory walks and globs take regular files inside the folder walked', () => {
  let tree: string;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
  const hostname = existsSync('/etc/hostname') ? readFileSync('/etc/hostname', 'utf8').trim() : '';

  beforeAll(async () => {
    tree = folder('tree', { 'cluster/good.xml': CIB, 'real/cib.xml': CIB });
    const cluster = join(tree, 'cluster');
    symlinkSync('/dev/zero', join(cluster, 'zero.xml'));
    symlinkSync('/etc/passwd', join(cluster, 'passwd.xml'));
    symlinkSync(`${'../'.repeat(30)}etc/hostname`, join(cluster, 'hostname.xml'));
    symlinkSync('.', join(cluster, 'self.xml'));
    symlinkSync('good.xml', join(cluster, 'alias.xml'));
    expect(spawnSync('mkfifo', [join(cluster, 'fifo.xml')]).status).toBe(0);
    symlinkSync('fifo.xml', join(cluster, 'to-fifo.xml'));
    symlinkSync('real', join(tree, 'linked'));
    const socket = join(cluster, 'socket.xml');
    server = createServer();
    await new Promise<void>((done) => server!.listen(socket, done));
  });

  const expectTreeReport = (run: Run, follow: boolean): void => {
    expect(run.status, run.stderr).toBe(2);
    const files = jsonFiles(run.stdout);
    expectLinted(files, 'cluster/good.xml');
    const outside = follow ? 'not followed: a symbolic link that leads outside the folder being walked' : 'not followed: a symbolic link';
    for (const link of ['zero.xml', 'passwd.xml', 'hostname.xml']) expect(errorsOf(files, `cluster/${link}`).join()).toContain(outside);
    if (follow) {
      expectLinted(files, 'cluster/alias.xml');
      // A link to the folder itself is not walked again: no loop, one error.
      expect(errorsOf(files, 'cluster/self.xml')).toEqual(['cannot read file: is a directory']);
      expect(errorsOf(files, 'cluster/to-fifo.xml').join()).toContain('not a regular file: a FIFO');
    } else {
      for (const link of ['alias.xml', 'self.xml', 'to-fifo.xml']) expect(errorsOf(files, `cluster/${link}`).join()).toContain('not followed: a symbolic link');
    }
    expect(errorsOf(files, 'cluster/fifo.xml').join()).toContain('not a regular file: a FIFO');
    expect(errorsOf(files, 'cluster/socket.xml').join()).toContain('not a regular file: a socket');
    // Each refusal is one line on stderr naming the file.
    for (const name of ['zero', 'passwd', 'hostname', 'fifo', 'socket']) expect(run.stderr).toMatch(new RegExp(`^cib-lint: cluster/${name}\\.xml: not`, 'm'));
    // Nothing from outside the tree is read, so nothing of it is printed.
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain(passwd);
      if (hostname.length >= 8) expect(output).not.toContain(hostname);
    }
  };

  it('a folder: links out of it, links to a FIFO or to itself, FIFOs and sockets are errors naming them; the rest is linted', () => {
    expectTreeReport(lint(tree, ['cluster', '--format', 'json']), true);
  });

  it('a glob gives the same, from the folder its wildcards start in', () => {
    expectTreeReport(lint(tree, ['cluster/*.xml', '--format', 'json']), true);
  });

  it('with --no-follow-symlinks no link is followed, not even one inside the tree', () => {
    expectTreeReport(lint(tree, ['cluster', '--format', 'json', '--no-follow-symlinks']), false);
  });

  it('a FIFO, a device or a socket named on the command line is refused at once, and so is a link to one', () => {
    const run = lint(tree, ['cluster/fifo.xml', 'cluster/to-fifo.xml', 'cluster/zero.xml', '/dev/zero', 'cluster/socket.xml', 'cluster/good.xml', '--format', 'json']);
    expect(run.status).toBe(2);
    const files = jsonFiles(run.stdout);
    expectLinted(files, 'cluster/good.xml');
    for (const fifo of ['cluster/fifo.xml', 'cluster/to-fifo.xml']) {
      expect(errorsOf(files, fifo)).toEqual(['not a regular file: a FIFO (named pipe); give a pipe as - (standard input) or as <(command)']);
    }
    for (const device of ['cluster/zero.xml', '/dev/zero']) expect(errorsOf(files, device)).toEqual(['not a regular file: a character device']);
    expect(errorsOf(files, 'cluster/socket.xml')).toEqual(['not a regular file: a socket']);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(5);
  });

  it('a pipe from process substitution (/dev/fd/N) is still read, with or without --no-follow-symlinks', () => {
    for (const flag of ['', '--no-follow-symlinks']) {
      const run = shell(tree, `${NODE_BIN} <(cat cluster/good.xml) ${flag} --format json`);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      const [path] = [...jsonFiles(run.stdout).keys()];
      expect(path).toMatch(/^\/(dev|proc\/self)\/fd\/\d+$/);
      expectLinted(jsonFiles(run.stdout), path!);
    }
  });

  it('a descriptor that never ends is read no further than --max-file-size', () => {
    const run = shell(tree, `${NODE_BIN} /dev/fd/3 --max-file-size 100000 3</dev/zero`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cib-lint: \/dev\/fd\/3: file is over 100000 bytes, over the --max-file-size limit of 100000 bytes/);
  });

  it('--no-follow-symlinks refuses a named link and a path through a linked folder; by default both are read', () => {
    const refused = lint(tree, ['linked/cib.xml', 'linked', 'cluster/alias.xml', 'cluster/good.xml', '--format', 'json', '--no-follow-symlinks']);
    expect(refused.status).toBe(2);
    const files = jsonFiles(refused.stdout);
    expectLinted(files, 'cluster/good.xml');
    expect(errorsOf(files, 'linked/cib.xml')[0]).toMatch(/^not followed: a symbolic link .*: linked$/);
    expect(errorsOf(files, 'linked')[0]).toMatch(/^not followed: a symbolic link/);
    expect(errorsOf(files, 'cluster/alias.xml')[0]).toMatch(/^not followed: a symbolic link/);

    const followed = lint(tree, ['linked/cib.xml', 'linked', 'cluster/alias.xml', '--format', 'json']);
    expect(followed.status, followed.stderr).toBe(1);
    for (const path of ['linked/cib.xml', 'cluster/alias.xml']) expectLinted(jsonFiles(followed.stdout), path);
  });

  it('the Action follows no symbolic link', () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: tree, INPUT_FILES: 'cluster/good.xml\ncluster/alias.xml\nlinked/cib.xml' };
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/index.js')], { cwd: tree, env, encoding: 'utf8', timeout: TIME_LIMIT, killSignal: 'SIGKILL' });
    const run = finished(result);
    expect(run.status, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toMatch(/^::error file=cluster\/alias\.xml,title=cib-lint::not followed: a symbolic link/m);
    expect(run.stdout).toMatch(/^::error file=linked\/cib\.xml,title=cib-lint::not followed: a symbolic link/m);
    expect(run.stdout).toMatch(/^::error file=cluster\/good\.xml,line=\d+.*unique-ids/m);
    rmSync(join(tree, 'cib-lint.sarif'), { force: true });
  });
});

describe('nothing is skipped without a word', () => {
  it('a folder that cannot be read, in a walk or a glob, is an error naming it; the other files are linted', () => {
    const dir = folder('unreadable', { 'a.xml': CIB, 'locked/b.xml': CIB });
    chmodSync(join(dir, 'locked'), 0o000);
    for (const operand of ['.', '**/*.xml']) {
      const run = lint(dir, [operand, '--format', 'json'], AS_NOBODY);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toBe('cib-lint: locked: cannot read folder: permission denied\n');
      expectLinted(jsonFiles(run.stdout), 'a.xml');
    }
    chmodSync(join(dir, 'locked'), 0o755);
  });

  it('EACCES, ENOTDIR, ELOOP and ENAMETOOLONG on named paths are one line each naming the path; the other files are linted', () => {
    const dir = folder('errors', { 'good.xml': CIB, 'locked/b.xml': CIB });
    chmodSync(join(dir, 'locked'), 0o000);
    symlinkSync('loop-b.xml', join(dir, 'loop-a.xml'));
    symlinkSync('loop-a.xml', join(dir, 'loop-b.xml'));
    const long = `${'n'.repeat(300)}.xml`;
    const run = lint(dir, ['locked/b.xml', 'good.xml/cib.xml', 'loop-a.xml', long, 'good.xml', '--format', 'json'], AS_NOBODY);
    chmodSync(join(dir, 'locked'), 0o755);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'cib-lint: locked/b.xml: cannot read file: permission denied',
      'cib-lint: good.xml/cib.xml: cannot read file: a folder on its path is a file',
      'cib-lint: loop-a.xml: cannot read file: too many levels of symbolic links',
      `cib-lint: ${long}: cannot read file: the path is too long for the system (PATH_MAX or NAME_MAX)`,
    ]);
    expectLinted(jsonFiles(run.stdout), 'good.xml');
  });

  it('a folder deeper than PATH_MAX in a walk is an error naming it; the other files are linted', () => {
    const dir = folder('deep', { 'a.xml': CIB });
    // mkdir one level at a time from inside the last one: no single path is ever over PATH_MAX.
    const name = 'd'.repeat(200);
    const made = spawnSync('bash', ['-c', `cd deep && for i in $(seq 1 24); do mkdir ${name} && cd ${name} || exit 1; done && echo '<cib/>' > b.xml`], { cwd: work });
    expect(made.status).toBe(0);
    const run = lint(dir, ['.', '--format', 'json']);
    expect(run.status).toBe(2);
    const errors = run.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^cib-lint: (${name}/)+${name}: cannot read folder: the path is too long for the system`));
    expectLinted(jsonFiles(run.stdout), 'a.xml');
  });

  it('a file name that is not UTF-8 is read after a walk, and shown with the byte escaped', () => {
    const dir = folder('bytes');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('name.xml')]), CIB);
    const run = lint(dir, ['.', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expectLinted(jsonFiles(run.stdout), 'bad\\xff\\xfename.xml');
  });
});

describe('every read is bounded, whatever the file', () => {
  it('a configuration or a baseline that is a link to /dev/zero or a FIFO is refused at once, by the command and the Action', () => {
    const dir = folder('config-zero', { 'cluster/cib.xml': CIB });
    mkdirSync(join(dir, '.git'));
    symlinkSync('/dev/zero', join(dir, '.cib-lint.yaml'));
    expect(spawnSync('mkfifo', [join(dir, 'baseline.json')]).status).toBe(0);
    const command = (args: string[]) =>
      finished(spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: environment(), encoding: 'utf8', timeout: TIME_LIMIT, killSignal: 'SIGKILL' }));
    const configured = command(['cluster']);
    expect(configured.status).toBe(2);
    expect(configured.stderr).toMatch(/^cib-lint: .*\.cib-lint\.yaml: cannot read configuration: not a regular file: a character device\n$/);
    const baseline = command(['--no-config', 'cluster', '--baseline', 'baseline.json']);
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toMatch(/^cib-lint: .*baseline\.json: cannot read baseline: not a regular file: a FIFO/);

    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, INPUT_FILES: 'cluster' };
    const action = finished(spawnSync(process.execPath, [join(ROOT, 'dist/index.js')], { cwd: dir, env, encoding: 'utf8', timeout: TIME_LIMIT, killSignal: 'SIGKILL' }));
    expect(action.status).toBe(2);
    expect(action.stdout).toMatch(/^::error title=cib-lint::cib-lint: .*\.cib-lint\.yaml: cannot read configuration: not a regular file: a character device$/m);
  });
});

describe('globs cannot backtrack', () => {
  const dashes = '-'.repeat(240);

  it("'cluster/*-*-*-*-*.xml' against a name of 240 dashes ends well under a second (a regular expression took 32 s)", () => {
    const dir = folder('dashes', { [`cluster/${dashes}`]: CIB, [`cluster/${dashes}.xml`]: CIB, 'cluster/a-b-c-d-e.xml': CIB });
    const started = performance.now();
    const { inputs, missing } = expandOperands(['cluster/*-*-*-*-*.xml'], dir);
    expect(performance.now() - started).toBeLessThan(500);
    expect(missing).toEqual([]);
    expect(inputs.map((input) => (input.kind === 'file' ? input.path : input.kind))).toEqual([`cluster/${dashes}.xml`, 'cluster/a-b-c-d-e.xml']);

    const run = lint(dir, ['cluster/*-*-*-*-*.xml', '--format', 'json']);
    expect(run.status).toBe(1);
    expect([...jsonFiles(run.stdout).keys()]).toEqual([`cluster/${dashes}.xml`, 'cluster/a-b-c-d-e.xml']);
  });

  it('an ignore glob of the configuration is matched the same way', () => {
    const dir = folder('dashes-ignore', { [`cluster/${dashes}x`]: CIB, 'cluster/a-b-c-d-e-x.xml': CIB, '.cib-lint.yaml': 'ignore: ["cluster/*-*-*-*-*-*.xml"]\n' });
    const matcher = compileGlob(`${dir}/cluster/*-*-*-*-*-*.xml`);
    const started = performance.now();
    expect(matcher.matches(`${dir}/cluster/${dashes}x`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
    // The command with that configuration: the long name is linted, the matching one is not.
    const run = finished(
      spawnSync(process.execPath, [BIN, 'cluster/', `cluster/${dashes}x`, '--format', 'json'], { cwd: dir, env: environment(), encoding: 'utf8', timeout: TIME_LIMIT, killSignal: 'SIGKILL' }),
    );
    expect(run.status, run.stderr).toBe(1);
    expect([...jsonFiles(run.stdout).keys()]).toEqual([`cluster/${dashes}x`]);
  });
});

describe('every file written is whole or not there', () => {
  it('an output path that is one of the files linted is a usage error, and the file is untouched', () => {
    const dir = folder('victim', { 'victim.xml': CIB });
    symlinkSync('victim.xml', join(dir, 'report.json'));
    for (const output of ['victim.xml', './victim.xml', join(dir, 'victim.xml'), 'report.json']) {
      for (const flag of [`--format=json=${output}`, `--write-baseline=${output}`]) {
        const run = lint(dir, ['victim.xml', flag]);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`cib-lint: ${flag.replace('=', ' ')}: victim.xml is one of the files being linted; write to another file\n`);
      }
    }
    // Found by a walk, too.
    expect(lint(dir, ['.', '--format', 'sarif=victim.xml']).status).toBe(2);
    expect(readFileSync(join(dir, 'victim.xml'), 'utf8')).toBe(CIB);
  });

  it('two outputs naming one file, or an output naming a file the run reads, are usage errors', () => {
    const dir = folder('same-output', { 'cib.xml': CIB, 'base.json': '{"version": 1, "tool": "old", "findings": []}\n' });
    const cases: Array<[string[], string]> = [
      [['--format', 'json=out.json', '--format', 'sarif=./out.json'], '--format json=out.json and --format sarif=./out.json name the same file: give each its own'],
      [['--format', 'json=out.json', '--write-baseline', 'out.json'], '--format json=out.json and --write-baseline out.json name the same file: give each its own'],
      [['--baseline', 'base.json', '--format', 'json=base.json'], '--format json=base.json would overwrite --baseline base.json, which this run reads: write to another file'],
      [['--diff-against', 'cib.xml', '--write-baseline', 'cib.xml'], '--write-baseline cib.xml would overwrite --diff-against cib.xml, which this run reads: write to another file'],
    ];
    for (const [args, message] of cases) {
      const run = lint(dir, ['cib.xml', ...args]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`cib-lint: ${message}\n`);
    }
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    expect(readFileSync(join(dir, 'cib.xml'), 'utf8')).toBe(CIB);
    // Updating a baseline in place is allowed.
    expect(lint(dir, ['cib.xml', '--baseline', 'base.json', '--write-baseline', 'base.json']).status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).findings.length).toBeGreaterThan(0);
  });

  it('a write that fails part-way (a full disk: a file size limit) leaves the old report and baseline whole, and no temporary file', () => {
    const dir = folder('full-disk', { 'cib.xml': many(40) });
    const old = '{"version": 1, "tool": "old", "findings": []}\n';
    for (const [flag, target] of [['--format json=out.json', 'out.json'], ['--write-baseline base.json', 'base.json']] as const) {
      writeFileSync(join(dir, target), old);
      // 4 KiB: the report and the baseline are over it; writing past it fails with EFBIG.
      const run = shell(dir, `ulimit -f 4; exec ${NODE_BIN} cib.xml ${flag}`);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^cib-lint: ${flag.replace(' ', '.')}: cannot write.*EFBIG\\n$`));
      expect(readFileSync(join(dir, target), 'utf8')).toBe(old);
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('a link at an output path is written through by the command and replaced by the Action; a FIFO is written into', () => {
    const dir = folder('links-out', { 'cluster/cib.xml': CIB, 'elsewhere.txt': 'keep\n', 'real.json': 'old\n' });
    symlinkSync('real.json', join(dir, 'link.json'));
    expect(lint(dir, ['cluster/cib.xml', '--format', 'json=link.json']).status).toBe(1);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).files).toHaveLength(1);

    // The pull request commits cib-lint.sarif as a link to a file of the runner.
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'cib-lint.sarif'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, INPUT_FILES: 'cluster' };
    const run = finished(spawnSync(process.execPath, [join(ROOT, 'dist/index.js')], { cwd: dir, env, encoding: 'utf8', timeout: TIME_LIMIT, killSignal: 'SIGKILL' }));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('keep\n');
    expect(lstatSync(join(dir, 'cib-lint.sarif')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'cib-lint.sarif'), 'utf8')).version).toBe('2.1.0');

    expect(spawnSync('mkfifo', [join(dir, 'out.fifo')]).status).toBe(0);
    const piped = shell(dir, `cat out.fifo > got.json & ${NODE_BIN} cluster/cib.xml --format json=out.fifo; status=$?; wait; exit $status`);
    expect(piped.status).toBe(1);
    expect(lstatSync(join(dir, 'out.fifo')).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'got.json'), 'utf8')).files).toHaveLength(1);
  });

  it('SIGTERM during a baseline write leaves the old baseline whole', async () => {
    // Long lines make a big baseline: many findings, each with the file's long relative path.
    const segment = 's'.repeat(200);
    const relative = `${Array.from({ length: 15 }, () => segment).join('/')}/cib.xml`;
    const dir = folder('sigterm', { [relative]: many(10_000) });
    const old = `${JSON.stringify({ version: 1, tool: 'old', findings: [] })}\n`;
    writeFileSync(join(dir, 'base.json'), old);
    let caught = false;
    const temporaries = () => readdirSync(dir).filter((name) => name.startsWith('.base.json.') && name.endsWith('.tmp'));
    for (let attempt = 0; attempt < 3 && !caught; attempt++) {
      // A killed run leaves its temporary file: clear it, so that only this run's is taken for one.
      for (const name of temporaries()) rmSync(join(dir, name));
      const child = spawn(process.execPath, [BIN, '--no-config', relative, '--write-baseline', 'base.json', '--format', 'json=/dev/null'], { cwd: dir, env: environment(), stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_, signal) => done(signal)));
      let running = true;
      void exited.then(() => (running = false));
      const deadline = Date.now() + TIME_LIMIT;
      while (running && Date.now() < deadline) {
        const [temporary] = temporaries();
        if (temporary !== undefined) {
          // Stopped mid-write: the baseline is still the old one, the new one is on its way.
          child.kill('SIGSTOP');
          if (existsSync(join(dir, temporary))) {
            caught = true;
            expect(readFileSync(join(dir, 'base.json'), 'utf8')).toBe(old);
          }
          child.kill('SIGTERM');
          child.kill('SIGCONT');
          break;
        }
        await new Promise((done) => setImmediate(done));
      }
      const signal = await exited;
      if (caught) expect(signal).toBe('SIGTERM');
      // Killed or finished, the baseline is never a part of one.
      const text = readFileSync(join(dir, 'base.json'), 'utf8');
      if (caught) expect(text).toBe(old);
      else expect(() => JSON.parse(text)).not.toThrow();
      writeFileSync(join(dir, 'base.json'), old);
    }
    expect(caught, 'the baseline write was caught in progress').toBe(true);
  }, 120_000);
});

/** The CIB with `count` more primitives, each with an id used before and no monitor: two findings each. */
function many(count: number): string {
  const primitives = Array.from({ length: count }, () => '      <primitive id="p" class="ocf" provider="heartbeat" type="Dummy"/>\n').join('');
  return CIB.replace('    </resources>', `${primitives}    </resources>`);
}
