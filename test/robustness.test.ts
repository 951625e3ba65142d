// Hostile and broken input: every case gets a defined result (a finding, or exit 2 with a message
// naming the file) in bounded time and memory, never a crash or a stack trace, and nothing is read,
// fetched or printed that should not be. Big inputs are generated in a temporary folder.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, ftruncateSync, chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { BIN, runCli, sarifSchemaErrors, type CliResult } from './helpers.js';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;
const CIB_OPEN = '<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">';
const SMALL_CIB = `${CIB_OPEN}
  <configuration>
    <crm_config/>
    <nodes/>
    <resources>
      <bundle id="web-bundle">
        <podman image="localhost/web:latest" replicas="2"/>
        <network ip-range-start="192.168.122.131"/>
        <primitive id="web" class="ocf" provider="heartbeat" type="apache"/>
      </bundle>
    </resources>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cib-lint-robustness-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

interface Outputs {
  status: number | null;
  stderr: string;
  outputs: Record<(typeof FORMATS)[number], string>;
}

/** Lints the operands once per output format; asserts the run ended with a defined exit code. */
function lintAllFormats(operands: string[], extra: string[] = []): Outputs {
  const outputs = {} as Outputs['outputs'];
  let status: number | null = null;
  let stderr = '';
  for (const format of FORMATS) {
    const result = runCli([...operands, '--no-config', '--format', format, ...extra], { cwd: work });
    expectDefined(result);
    outputs[format] = result.stdout;
    status = result.status;
    stderr = result.stderr;
  }
  return { status, stderr, outputs };
}

function expectDefined(result: CliResult): void {
  expect([0, 1, 2]).toContain(result.status);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stdout).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain('internal error');
}

function jsonFindings(stdout: string): { filePath: string; ruleIds: string[]; messages: string[] }[] {
  const report = JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
  return report.files.map((entry) => ({
    filePath: entry.path,
    ruleIds: entry.findings.map((finding) => finding.ruleId),
    messages: entry.findings.map((finding) => finding.message),
  }));
}

describe('external entities', () => {
  let server: Server;
  let connections = 0;
  let port = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('never reads a local file named by an entity, in any output format', () => {
    const passwd = readFileSync('/etc/passwd', 'utf8');
    const marker = passwd.split('\n')[0]!;
    expect(marker.length).toBeGreaterThan(5);
    const inContent = file(
      'xxe-content.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE cib [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${CIB_OPEN}\n  <configuration><crm_config/><nodes/><resources>&x;</resources><constraints/></configuration>\n  <status/>\n</cib>\n`,
    );
    const inAttribute = file(
      'xxe-attribute.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE cib [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0" crm_feature_set="&x;">\n  <configuration><crm_config/><nodes/><resources/><constraints/></configuration>\n  <status/>\n</cib>\n`,
    );
    const run = lintAllFormats([inContent, inAttribute]);
    for (const output of [...Object.values(run.outputs), run.stderr]) {
      expect(output).not.toContain(marker);
      // Not '/bin/bash' itself: SARIF carries the rules' docs, and bundle-run-command's names it.
      for (const line of passwd.split('\n').slice(1, 4).filter((each) => each.length > 5)) expect(output).not.toContain(line);
    }
    const findings = jsonFindings(run.outputs.json);
    // An external entity in an attribute value is not well-formed XML (XML 1.0, WFC: No External Entity References).
    expect(findings.find((entry) => entry.filePath.endsWith('xxe-attribute.xml'))!.ruleIds).toContain('xml-well-formed');
  });

  it('never fetches a network URL: no connection reaches a local server', async () => {
    const url = `http://127.0.0.1:${port}`;
    const entity = file(
      'xxe-http.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE cib [<!ENTITY y SYSTEM "${url}/entity"><!ENTITY % p SYSTEM "${url}/parameter"> %p;]>\n${CIB_OPEN}\n  <configuration><crm_config/><nodes/><resources>&y;</resources><constraints/></configuration>\n  <status/>\n</cib>\n`,
    );
    const dtd = file(
      'external-dtd.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE cib SYSTEM "${url}/cib.dtd">\n${CIB_OPEN}\n  <configuration xmlns:xi="http://www.w3.org/2001/XInclude"><crm_config/><nodes/><resources><xi:include href="${url}/xinclude"/></resources><constraints/></configuration>\n  <status/>\n</cib>\n`,
    );
    const run = lintAllFormats([entity, dtd]);
    for (const output of [...Object.values(run.outputs), run.stderr]) expect(output).not.toContain('HTTP/1.');
    // spawnSync blocked this process's event loop: give queued connections a chance to be seen.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connections).toBe(0);
  });
});

describe('resource exhaustion', () => {
  function measured(path: string): { result: CliResult; maxRssKb: number | undefined } {
    if (!existsSync('/usr/bin/time')) return { result: runCli([path, '--no-config', '--format', 'json'], { cwd: work }), maxRssKb: undefined };
    const child = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, BIN, path, '--no-config', '--format', 'json'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const rss = /MAXRSS (\d+)/.exec(child.stderr);
    return {
      result: { status: child.status, stdout: child.stdout, stderr: child.stderr.replace(/MAXRSS \d+\n?/, '') },
      maxRssKb: rss ? Number(rss[1]) : undefined,
    };
  }

  it('refuses a "billion laughs" entity bomb with a finding, in bounded memory', () => {
    const levels = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
    for (let level = 1; level <= 9; level++) levels.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE cib [\n${levels.join('\n')}\n]>\n${CIB_OPEN}\n  <configuration><crm_config/><nodes/><resources/><constraints/></configuration>\n  <status>&lol9;</status>\n</cib>\n`;
    const inAttribute = bomb.replace('admin_epoch="0">', 'admin_epoch="0" crm_feature_set="&lol9;">').replace('&lol9;</status>', '</status>');
    for (const [name, content] of [['bomb-content.xml', bomb], ['bomb-attribute.xml', inAttribute]] as const) {
      const { result, maxRssKb } = measured(file(name, content));
      expectDefined(result);
      expect(result.status).toBe(1);
      const [entry] = jsonFindings(result.stdout);
      expect(entry!.ruleIds).toEqual(['xml-well-formed']);
      expect(entry!.messages[0]).toMatch(/amplification/i);
      if (maxRssKb !== undefined) expect(maxRssKb).toBeLessThan(512 * 1024);
    }
  });

  it('refuses 100,000 levels of nesting with a finding', () => {
    const depth = 100_000;
    const { result, maxRssKb } = measured(file('deep.xml', `${CIB_OPEN}<configuration>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</configuration></cib>\n`));
    expectDefined(result);
    const [entry] = jsonFindings(result.stdout);
    expect(entry!.ruleIds).toEqual(['xml-well-formed']);
    expect(entry!.messages[0]).toMatch(/depth/i);
    if (maxRssKb !== undefined) expect(maxRssKb).toBeLessThan(512 * 1024);
  });

  it('refuses a file over the default size limit without reading it (200 MB+ sparse file)', () => {
    const path = join(work, 'huge.xml');
    const descriptor = openSync(path, 'w');
    // Sparse: over the 64 MiB default instantly, with no data written.
    ftruncateSync(descriptor, 200 * 1024 * 1024 + 1);
    closeSync(descriptor);
    const good = file('good-next-to-huge.xml', SMALL_CIB);
    const { result, maxRssKb } = measured(path);
    expectDefined(result);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('huge.xml: file is 200.0 MiB, over the --max-file-size limit of 64.0 MiB');
    if (maxRssKb !== undefined) expect(maxRssKb).toBeLessThan(256 * 1024);
    // The same message with a limit given on the command line; the small file is still linted.
    const limited = runCli([good, path, '--no-config', '--format', 'json', '--max-file-size', '1000'], { cwd: work });
    expectDefined(limited);
    expect(limited.status).toBe(2);
    expect(limited.stderr).not.toContain('good-next-to-huge.xml');
    expect(jsonFindings(limited.stdout)[0]!.ruleIds.length).toBeGreaterThan(0);
    expect(limited.stderr).toMatch(/huge\.xml: file is 200\.0 MiB, over the --max-file-size limit of 1000 bytes/);
    rmSync(path);
  });
});

describe('broken files', () => {
  const utf8 = (): Buffer => Buffer.from(SMALL_CIB, 'utf8');
  const withBom = (encoding: 'utf16le' | 'utf16be'): Buffer => {
    const le = Buffer.from(`\ufeff${SMALL_CIB}`, 'utf16le');
    return encoding === 'utf16le' ? le : le.swap16();
  };

  it('reads UTF-8 with a BOM and UTF-16 (both byte orders) like the UTF-8 file, positions included', () => {
    const plain = file('plain.xml', utf8());
    const variants = [
      file('bom.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8()])),
      file('utf16le.xml', withBom('utf16le')),
      file('utf16be.xml', withBom('utf16be')),
    ];
    const result = runCli([plain, ...variants, '--no-config', '--format', 'json'], { cwd: work });
    expectDefined(result);
    const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string; line: number; column: number }[] }[] };
    const shape = (index: number): string[] => report.files[index]!.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`);
    expect(shape(0).length).toBeGreaterThan(0);
    for (let index = 1; index <= variants.length; index++) expect(shape(index)).toEqual(shape(0));
  });

  it('gives a finding for random bytes, an empty file, a truncated file and a NUL-filled file', () => {
    const cases = [
      file('random.xml', randomBytes(64 * 1024)),
      file('random-after-root.xml', Buffer.concat([Buffer.from(CIB_OPEN), randomBytes(16 * 1024)])),
      file('empty.xml', ''),
      file('truncated.xml', SMALL_CIB.slice(0, SMALL_CIB.indexOf('replicas=') + 12)),
      file('nul.xml', Buffer.alloc(4096)),
      file('utf16-no-bom.xml', Buffer.from(SMALL_CIB, 'utf16le')),
    ];
    const run = lintAllFormats(cases);
    expect(run.status).toBe(1);
    const findings = jsonFindings(run.outputs.json);
    expect(findings.map((entry) => basename(entry.filePath))).toEqual(cases.map((path) => basename(path)));
    for (const entry of findings) expect(entry.ruleIds, entry.filePath).toContain('xml-well-formed');
    const truncated = findings.find((entry) => entry.filePath.endsWith('truncated.xml'))!;
    expect(truncated.ruleIds).toEqual(['xml-well-formed']);
    expect(sarifSchemaErrors(JSON.parse(run.outputs.sarif))).toEqual([]);
  });
});

describe('many files and unreadable ones', () => {
  it('lints a directory of 10,000 CIBs, with no progress output when stderr is not a terminal', () => {
    const directory = join(work, 'many');
    mkdirSync(directory);
    for (let index = 0; index < 10_000; index++) {
      const id = String(index).padStart(5, '0');
      writeFileSync(join(directory, `cib-${id}.xml`), SMALL_CIB.replace('web-bundle', `web-bundle-${id}`));
    }
    const result = runCli([directory, '--no-config', '--format', 'json'], { cwd: work });
    expectDefined(result);
    expect(result.stderr).toBe('');
    const files = jsonFindings(result.stdout);
    expect(files).toHaveLength(10_000);
    expect(files.every((entry) => entry.ruleIds.length > 0)).toBe(true);
    rmSync(directory, { recursive: true });
  });

  it.skipIf(!existsSync('/usr/bin/script'))('shows progress on stderr when it is a terminal', () => {
    const directory = join(work, 'progress');
    mkdirSync(directory);
    for (let index = 0; index < 60; index++) writeFileSync(join(directory, `cib-${index}.xml`), SMALL_CIB);
    // script(1) gives the command a pseudo-terminal; standard output goes to a file.
    const out = join(work, 'progress.json');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${JSON.stringify(directory)} --no-config --format json=${JSON.stringify(out)}`;
    const child = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(child.stdout).toContain('cib-lint: 60/60 files');
    expect(jsonFindings(readFileSync(out, 'utf8'))).toHaveLength(60);
  });

  it('reads a pipe named as an operand to its end, as `cib-lint <(pcs cluster cib)` gives one', () => {
    const regular = file('piped-source.xml', SMALL_CIB);
    const direct = runCli([regular, '--no-config', '--format', 'json'], { cwd: work });
    // bash's process substitution names a pipe (/dev/fd/63): no size to allocate for up front.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} <(cat ${JSON.stringify(regular)}) --no-config --format json`;
    const piped = spawnSync('bash', ['-c', command], { cwd: work, encoding: 'utf8' });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(direct.status);
    const findings = jsonFindings(piped.stdout);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.ruleIds).toEqual(jsonFindings(direct.stdout)[0]!.ruleIds);
    expect(findings[0]!.ruleIds.length).toBeGreaterThan(0);
  });

  it('reports a missing and an unreadable file with exit 2, and the good files in every format', () => {
    const directory = join(work, 'mixed');
    mkdirSync(directory);
    writeFileSync(join(directory, 'a-good.xml'), SMALL_CIB);
    writeFileSync(join(directory, 'c-good.xml'), SMALL_CIB);
    // Root reads any file, so a read failure is simulated with a link to a directory (EISDIR),
    // inside the folder walked: a link leading out of it is not followed at all.
    mkdirSync(join(directory, 'not-a-file'));
    symlinkSync(join(directory, 'not-a-file'), join(directory, 'b-unreadable.xml'));
    const operands = [directory, join(work, 'missing.xml')];
    if (process.getuid?.() !== 0) {
      // Not root: a real permission failure as well.
      const locked = file('locked.xml', SMALL_CIB);
      chmodSync(locked, 0o000);
      operands.push(locked);
    }
    const run = lintAllFormats(operands);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('b-unreadable.xml: cannot read file: is a directory');
    expect(run.stderr).toContain('missing.xml: no such file, directory or matching glob');
    if (operands.length > 2) expect(run.stderr).toContain('locked.xml: cannot read file: permission denied');

    const json = jsonFindings(run.outputs.json);
    for (const good of ['a-good.xml', 'c-good.xml']) {
      expect(json.find((entry) => entry.filePath.endsWith(good))!.ruleIds.length).toBeGreaterThan(0);
      expect(run.outputs.text).toContain(good);
      expect(run.outputs.github).toMatch(new RegExp(`^::(error|warning|notice) file=[^,]*${good.replace('.', '\\.')}`, 'm'));
    }
    const sarif = JSON.parse(run.outputs.sarif) as Log;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const uris = (sarif.runs[0]!.results ?? []).map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
    for (const good of ['a-good.xml', 'c-good.xml']) expect(uris.some((uri) => uri.endsWith(good))).toBe(true);
  });
});

describe('hostile XML', () => {
  it('external entities are not read and entity bombs are refused', () => {
    const marker = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    const levels = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
    for (let level = 1; level <= 9; level++) levels.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    const files = [
      file('xxe.xml', `<?xml version="1.0"?>\n<!DOCTYPE cib [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${CIB_OPEN}\n  <configuration><crm_config/><nodes/><resources>&x;</resources><constraints/></configuration>\n  <status/>\n</cib>\n`),
      file('bomb.xml', `<?xml version="1.0"?>\n<!DOCTYPE cib [\n${levels.join('\n')}\n]>\n${CIB_OPEN}\n  <configuration><crm_config/><nodes/><resources/><constraints/></configuration>\n  <status>&lol9;</status>\n</cib>\n`),
      file('truncated.xml', `${CIB_OPEN}\n  <configuration><crm_config/><nodes/><resou`),
    ];
    const run = runCli([...files, '--no-config', '--format', 'json'], { cwd: work });
    expectDefined(run);
    expect(run.stdout).not.toContain(marker);
    expect(jsonFindings(run.stdout).map((entry) => entry.ruleIds.includes('xml-well-formed'))).toEqual([false, true, true]);
  });
});
