// Issue 16, items 4, 5 and 6: output that cannot be turned into commands, bounded work, and huge
// results that stay valid. Every case runs under a time limit: the command and the Action run as
// subprocesses with a timeout, and in-process cases measure their own time.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Log } from 'sarif';
import { BIN, ROOT, sarifSchemaErrors } from '../helpers.js';
import { shellWord, xmlTextWord } from '../../src/cib/pcs-commands.js';
import { loadXml } from '../../src/document/xml/load.js';
import { escapeAttributeValue } from '../../src/core/fixes.js';
import { lintSource } from '../../src/app/lint-files.js';
import { policyRules } from '../../src/app/policies.js';
import { builtinRules } from '../../rules/index.js';
import { FORMAT_IDS } from '../../src/output/index.js';
import { renderSummary } from '../../src/action/summary.js';
import { buildSarif, sarifCap, SARIF_RESULT_LIMIT } from '../../src/output/sarif.js';
import type { LintReport } from '../../src/output/report.js';
import type { Finding } from '../../src/core/finding.js';

const ACTION = join(ROOT, 'dist/index.js');
const TIME_LIMIT = 60_000;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cib-lint-${name}-`));
  made.push(dir);
  return dir;
}

/** A subprocess that must finish within the limit. */
function finished<T extends SpawnSyncReturns<string>>(result: T): T {
  expect(result.error, 'the run did not finish in time').toBeUndefined();
  expect(result.signal).toBeNull();
  return result;
}

function cli(args: string[], cwd: string, timeout = TIME_LIMIT): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GITHUB_ACTIONS;
  return finished(spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout, maxBuffer: 512 * 1024 * 1024 }));
}

// ---------------------------------------------------------------------------------------------
// Shell commands: one quoting helper, checked against a real shell.

/**
 * A folder with `pcs`, `cibadmin` and `crm_resource` recorders: each appends its argument count
 * and its arguments, NUL-terminated, to $RECORD. PATH holds only this folder, so nothing but the
 * recorders and the shell's builtins can run.
 */
function recorders(): { bin: string; record: string; work: string } {
  const dir = tempDir('recorder');
  const bin = join(dir, 'bin');
  const work = join(dir, 'work');
  mkdirSync(bin);
  mkdirSync(work);
  for (const name of ['pcs', 'cibadmin', 'crm_resource']) {
    const script = join(bin, name);
    writeFileSync(script, `#!/bin/sh\n{ printf '%s\\0' "${name}" "$#"; for a in "$@"; do printf '%s\\0' "$a"; done; } >> "$RECORD"\n`);
    chmodSync(script, 0o755);
  }
  return { bin, record: join(dir, 'record'), work };
}

/** Runs `script` with `sh -c` in `work`; the recorded invocations, each its program and arguments. */
function runShell(script: string, where: ReturnType<typeof recorders>): { status: number | null; stderr: string; calls: string[][] } {
  rmSync(where.record, { force: true });
  const result = finished(
    spawnSync('/bin/sh', ['-c', script], {
      cwd: where.work,
      env: { PATH: where.bin, RECORD: where.record, HOME: where.work },
      encoding: 'utf8',
      timeout: TIME_LIMIT,
    }),
  );
  const fields = existsSync(where.record) ? readFileSync(where.record, 'utf8').split('\0') : [''];
  fields.pop();
  const calls: string[][] = [];
  for (let i = 0; i < fields.length; ) {
    const program = fields[i]!;
    const count = Number(fields[i + 1]);
    calls.push([program, ...fields.slice(i + 2, i + 2 + count)]);
    i += 2 + count;
  }
  return { status: result.status, stderr: result.stderr, calls };
}

/** Strings a shell treats specially, mixed with arbitrary Unicode (no NUL: no argument holds one). */
const SHELL_SPECIAL = ["'", '"', '\\', '$', '(', ')', '`', ';', '&', '|', '<', '>', '*', '?', '[', ']', '{', '}', '~', '#', '!', '=', ' ', '\t', '\n', '\r', '%', '-', '\u0085', '\u2028', '\u202e', 'é'];
const shellText = fc
  .oneof(
    fc.string({ unit: fc.constantFrom(...SHELL_SPECIAL, 'a', 'b'), maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  )
  // No lone surrogate either: an argument is bytes, and one has no UTF-8 form.
  .filter((text) => !text.includes('\0') && !/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));

describe('shell commands quote every value they did not write', () => {
  it('shellWord: any string reaches the program as exactly one argument, and nothing else runs', { timeout: TIME_LIMIT }, () => {
    const where = recorders();
    fc.assert(
      fc.property(fc.array(fc.tuple(shellText, shellText), { minLength: 1, maxLength: 25 }), (pairs) => {
        // One shell for many commands: each line is `pcs resource meta <id> <name>=<value>`.
        const script = pairs.map(([id, value]) => `pcs resource meta ${shellWord(id)} ${shellWord(`priority=${value}`)}`).join('\n');
        const run = runShell(script, where);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.calls).toEqual(pairs.map(([id, value]) => ['pcs', 'resource', 'meta', id, `priority=${value}`]));
        expect(readdirSync(where.work)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  /** A value that runs a command in any quoting context it could land in unquoted. */
  const PAYLOAD = 'x\'"$(echo>P1)`echo>P2`;echo>P3;';
  const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

  /** The fixture with the payload appended to every id and every reference to one, or to every other value. */
  function tainted(xml: string, mode: 'ids' | 'values'): string {
    const ids = new Set([...xml.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!));
    return xml.replace(/(\s)([\w:-]+)="([^"]*)"/g, (whole, space: string, name: string, value: string) => {
      if (name === 'validate-with' || name.startsWith('xmlns')) return whole;
      const isId = ids.has(value);
      if ((mode === 'ids') !== isId) return whole;
      return `${space}${name}="${value}${xmlEscape(PAYLOAD)}"`;
    });
  }

  /**
   * The commands in a suggestion: from each `pcs ...`, `cibadmin --...` or `crm_resource --...` to
   * the prose after it (an unquoted ` (`, `)`, `, `, ` or ` or the end), read with the shell's
   * single quotes. Commands with a placeholder (`<id>`, `...`) are not meant to be run as they are.
   */
  function commandsIn(suggestion: string): string[] {
    const commands: string[] = [];
    for (const start of suggestion.matchAll(/(?<![\w-])(pcs (?:resource|constraint|stonith|property|cluster node) |cibadmin --|crm_resource --)/g)) {
      let quoted = false;
      let end = suggestion.length;
      for (let i = start.index; i < suggestion.length; i++) {
        const character = suggestion[i]!;
        if (quoted) {
          if (character === "'") quoted = false;
          continue;
        }
        if (character === "'") quoted = true;
        else if (character === '\\') i++;
        else if (character === ')' || suggestion.startsWith(' (', i) || suggestion.startsWith(', ', i) || suggestion.startsWith(' or ', i)) {
          end = i;
          break;
        }
      }
      const command = suggestion.slice(start.index, end).replace(/[.;]\s*$/, '');
      if (!/<[^'>]*>|\.\.\./.test(command.replace(/'(?:[^']|'\\'')*'/g, "''"))) commands.push(command);
    }
    return commands;
  }

  it('every command a rule suggests runs only pcs, cibadmin or crm_resource, whatever the ids and values hold', { timeout: 4 * TIME_LIMIT }, () => {
    const where = recorders();
    const rules = builtinRules.map((rule) => ({ rule }));
    let ran = 0;
    const withPayload = new Set<string>();
    for (const dir of readdirSync(join(ROOT, 'fixtures'))) {
      if (!statSync(join(ROOT, 'fixtures', dir)).isDirectory()) continue;
      for (const name of readdirSync(join(ROOT, 'fixtures', dir)).filter((file) => file.endsWith('.xml'))) {
        const xml = readFileSync(join(ROOT, 'fixtures', dir, name), 'utf8');
        for (const mode of ['ids', 'values'] as const) {
          const result = lintSource(Buffer.from(tainted(xml, mode)), `${dir}/${name}`, { rules, options: { schemaDir: '/usr/share/pacemaker' } });
          for (const finding of result.findings) {
            if (!finding.suggestion?.includes('echo>P1')) continue;
            for (const command of commandsIn(finding.suggestion)) {
              if (!command.includes('echo>P1')) continue;
              const run = runShell(command, where);
              const context = `${finding.ruleId}/${finding.messageId} (${mode} of ${dir}/${name}): ${command}`;
              expect(run.stderr, context).toBe('');
              expect(run.status, context).toBe(0);
              expect(run.calls.length, context).toBeGreaterThan(0);
              expect(readdirSync(where.work), context).toEqual([]);
              // The value arrived whole, inside one argument: as it is, XML-escaped in --xml-text, or
              // in an XPath concat() around its double quote in --xpath.
              const argv = run.calls.flat().join('\n');
              const forms = [PAYLOAD, escapeAttributeValue(PAYLOAD, '"'), PAYLOAD.split('"').join(`", '"', "`)];
              expect(forms.some((form) => argv.includes(form)), context).toBe(true);
              withPayload.add(`${finding.ruleId}/${finding.messageId}`);
              ran++;
            }
          }
        }
      }
    }
    // Most rules suggest a command with a value of the CIB in it: each of those ran.
    expect(withPayload.size).toBeGreaterThan(40);
    expect(ran).toBeGreaterThan(withPayload.size);
  });

  it('bundle-primitive-priority: value="10 $(touch PWNED)" stays one argument of pcs', { timeout: TIME_LIMIT }, () => {
    const xml = readFileSync(join(ROOT, 'fixtures/bundle-primitive-priority/invalid.xml'), 'utf8').replace('value="100"', 'value="10 $(touch PWNED)"');
    const result = lintSource(Buffer.from(xml), 'x.xml', { rules: builtinRules.filter((rule) => rule.meta.id === 'bundle-primitive-priority').map((rule) => ({ rule })) });
    const suggestion = result.findings.find((finding) => finding.suggestion?.includes('PWNED'))!.suggestion!;
    expect(suggestion).toMatch(/^pcs resource bundle update db meta 'priority=10 \$\(touch PWNED\)' && cibadmin /);
    const where = recorders();
    const run = runShell(commandsIn(suggestion)[0]!, where);
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([
      ['pcs', 'resource', 'bundle', 'update', 'db', 'meta', 'priority=10 $(touch PWNED)'],
      ['cibadmin', '--delete', '--xml-text', '<nvpair id="important-meta-priority"/>'],
    ]);
    expect(readdirSync(where.work)).toEqual([]);
  });

  it('a tab or a line break in a value reaches cibadmin as itself, not as a space', { timeout: TIME_LIMIT }, () => {
    const value = 'a\tb\r\nc d';
    const where = recorders();
    const run = runShell(`cibadmin --modify --xml-text ${xmlTextWord('nvpair', { id: 'x', value })}`, where);
    expect(run.status).toBe(0);
    const argument = run.calls[0]![3]!;
    expect(argument).toBe('<nvpair id="x" value="a&#9;b&#13;&#10;c d"/>');
    const loaded = loadXml(Buffer.from(argument));
    if (!loaded.ok) throw new Error(loaded.unparsable.message);
    expect(loaded.document.root.attr('value')).toBe(value);
    loaded.document.dispose();
  });

  it("an id with ' stays inside cibadmin --xml-text", { timeout: TIME_LIMIT }, () => {
    const xml = readFileSync(join(ROOT, 'fixtures/bundle-primitive-priority/invalid.xml'), 'utf8').replace(
      'id="important-meta-priority"',
      `id="a'; echo&gt;P1; '"`,
    );
    const result = lintSource(Buffer.from(xml), 'x.xml', { rules: builtinRules.filter((rule) => rule.meta.id === 'bundle-primitive-priority').map((rule) => ({ rule })) });
    const suggestion = result.findings.find((finding) => finding.suggestion?.includes('cibadmin'))!.suggestion!;
    const command = commandsIn(suggestion).find((text) => text.startsWith('cibadmin'))!;
    const where = recorders();
    const run = runShell(command, where);
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([['cibadmin', '--delete', '--xml-text', `<nvpair id="a'; echo>P1; '"/>`]]);
    expect(readdirSync(where.work)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Output that cannot be turned into commands.

/** A newline and a workflow command, a mask, a C1 CSI (clear screen), DEL and a bidi override. */
const NASTY_ID = 'web&#10;::error title=pwned::from an id&#10;::add-mask::x&#x9b;2J&#x7f;&#x202e;';
const NASTY_VALUE = '10&#10;::error::from a value&#13;::add-mask::y&#x85;&#x2028;&#x2066;';
/** The same as raw characters in the source (a code frame shows the line as written). */
const RAW_TEXT = 'raw \u009b2J \u202e \u0085';
const NASTY_CIB = `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config/>
    <nodes/>
    <resources>
      <bundle id="${NASTY_ID}">
        <docker image="pcmktest:http"/>
        <network ip-range-start="192.168.122.131"/>
        <primitive id="httpd" class="ocf" provider="heartbeat" type="apache" description="${RAW_TEXT}">
          <meta_attributes id="httpd-meta">
            <nvpair id="httpd-\u0085-\u202e" name="priority" value="${NASTY_VALUE}"/>
          </meta_attributes>
        </primitive>
      </bundle>
    </resources>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;
/** Not well-formed: ESC sequences (clear screen, an OSC title) and a line break and command in the text itself. */
const ESCAPES_FILE = '<cib>\n  <x a="\u001b[2J\u001b]0;pwned\u0007"/>\n</cib\n::error::from the source>\n';
/** File names may hold anything but `/` and NUL. */
const NASTY_NAMES = ['a\n::error title=pwned::from a name\n::add-mask::z.xml', 'b\u001b[2J\u001b]0;title\u0007\u202e.xml'];
/** A name that begins with `::`, linted from the workspace root, so that the shown path begins with it too. */
const COMMAND_NAME = '::warning::c.xml';

/** The expanded id and value, as JSON and SARIF must keep them. */
const ID = 'web\n::error title=pwned::from an id\n::add-mask::x\u009b2J\u007f\u202e';
const VALUE = '10\n::error::from a value\r::add-mask::y\u0085\u2028\u2066';

/** Characters no output for people may hold raw (the tab is allowed in text output). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** What a terminal or a log reader acts on even inside JSON strings (JSON escaping leaves these). */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The runner splits lines at CR and LF, and trims leading white space before it looks for `::`. */
function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Lines that GitHub's runner would read as workflow commands. */
function commandLines(text: string): string[] {
  return lines(text).filter((line) => /^\s*::/.test(line));
}

/** A workspace with the nasty files under cluster/. */
function nastyWorkspace(): string {
  const dir = tempDir('output');
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'cluster'));
  writeFileSync(join(dir, 'cluster', 'nasty.xml'), NASTY_CIB);
  writeFileSync(join(dir, 'cluster', 'escapes.xml'), ESCAPES_FILE);
  for (const name of NASTY_NAMES) writeFileSync(join(dir, 'cluster', name), NASTY_CIB);
  writeFileSync(join(dir, COMMAND_NAME), NASTY_CIB);
  return dir;
}

describe('no input text becomes a workflow command or reaches the terminal raw', () => {
  const dir = nastyWorkspace();

  it.each(FORMAT_IDS)('--format %s', { timeout: TIME_LIMIT }, (format) => {
    const run = cli(['--format', format, '--no-config', 'cluster/', COMMAND_NAME, 'missing\n::error::from an operand.xml'], dir);
    expect(run.status, run.stderr).toBe(2);
    // stderr names the missing file: escaped, on one line.
    expect(commandLines(run.stderr)).toEqual([]);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stderr).toContain('missing\\n::error::from an operand.xml');
    expect(run.stdout.length).toBeGreaterThan(0);
    if (format === 'github') {
      // Every line is one of the format's own annotations, its properties escaped.
      for (const line of lines(run.stdout.trimEnd())) expect(line).toMatch(/^::(error|warning|notice) [^:\r\n]*::[^\r\n]*$/);
    } else {
      expect(commandLines(run.stdout)).toEqual([]);
    }
    if (format === 'json' || format === 'sarif') {
      expect(run.stdout).not.toMatch(RAW_IN_JSON);
      const text = JSON.stringify(JSON.parse(run.stdout));
      // Data keeps values exact.
      expect(text).toContain(JSON.stringify(ID).slice(1, -1));
      if (format === 'sarif') expect(sarifSchemaErrors(JSON.parse(run.stdout))).toEqual([]);
    }
    if (format === 'text' || format === 'github' || format === 'compact') {
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      // The escapes are visible instead.
      expect(run.stdout).toContain('\\x1b[2J');
      expect(run.stdout).toContain('\\u202e');
    }
  });

  it('text output shows escapes in messages, fixes, paths and code frames, with the caret under the escaped text', { timeout: TIME_LIMIT }, () => {
    const run = cli(['--no-config', 'cluster/', COMMAND_NAME], dir);
    expect(run.stdout).toContain(String.raw`web\n::error title=pwned::from an id\n::add-mask::x\x9b2J\x7f\u202e`);
    expect(run.stdout).toContain(String.raw`sets priority=10\n::error::from a value\r::add-mask::y\x85\u2028\u2066;`);
    // A file name that begins with `::` begins its heading with ./ instead.
    expect(run.stdout).toContain('\n./::warning::c.xml\n');
    expect(run.stdout).toContain(String.raw`cluster/a\n::error title=pwned::from a name\n::add-mask::z.xml`);
    // The code frame of the malformed file: ESC and BEL as escapes.
    expect(run.stdout).toContain(String.raw`<x a="\x1b[2J\x1b]0;pwned\x07"/>`);
    const frame = lines(run.stdout).findIndex((line) => line.includes(String.raw`description="raw \x9b2J \u202e \x85">`));
    expect(frame).toBeGreaterThan(0);
    // The caret still starts under `<primitive`, whatever the escapes after it take.
    expect(lines(run.stdout)[frame]!.indexOf('<primitive')).toBe(lines(run.stdout)[frame + 1]!.indexOf('^'));
    // After escapes on the same line, the caret is under the escaped text's position.
    const valueFrame = lines(run.stdout).findIndex((line) => line.includes(String.raw`id="httpd-\x85-\u202e" name="priority" value=`));
    expect(valueFrame).toBeGreaterThan(0);
    expect(lines(run.stdout)[valueFrame + 1]!.indexOf('^')).toBe(lines(run.stdout)[valueFrame]!.indexOf('value='));
  });

  it('the Action (dist/index.js): log, annotations, job summary and SARIF', { timeout: TIME_LIMIT }, () => {
    const summaryFile = join(dir, '.summary.md');
    writeFileSync(summaryFile, '');
    const inputs = (parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(dir, '.output'),
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/cluster',
      GITHUB_SHA: 'abc123',
    };
    for (const [name, input] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = input.default ?? '';
    env.INPUT_FILES = `cluster/\n${COMMAND_NAME}`;
    const run = finished(spawnSync(process.execPath, [ACTION], { cwd: dir, env, encoding: 'utf8', timeout: TIME_LIMIT }));
    expect(run.status, run.stderr).toBe(1);
    // The only commands are the Action's own: the group, stop-commands and its token, annotations.
    const token = /^::stop-commands::(cib-lint-[0-9a-f-]+)$/m.exec(run.stdout)?.[1];
    expect(token).toBeDefined();
    for (const line of commandLines(run.stdout)) {
      expect(line).toMatch(new RegExp(`^(::group::cib-lint: [^\\r\\n]*|::stop-commands::${token}|::${token}::|::endgroup::|::(error|warning|notice) [^:\\r\\n]*::[^\\r\\n]*)$`));
    }
    expect(run.stdout).not.toMatch(CONTROL);
    expect(commandLines(run.stderr)).toEqual([]);
    expect(run.stderr).not.toMatch(CONTROL);
    // The job summary: every table row stays one row, nothing in it is raw.
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).not.toMatch(CONTROL);
    const table = summary.slice(summary.indexOf('### Findings per file'), summary.indexOf('### Findings\n'));
    const rows = lines(table).filter((line) => line.startsWith('|'));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of lines(table).slice(2).filter((line) => line !== '')) expect(row).toMatch(/^\| .* \|$/);
    expect(summary).toContain(String.raw`cluster/a\n::error title=pwned::from a name\n::add-mask::z.xml`);
    // SARIF is data: exact values.
    const sarif = readFileSync(join(dir, 'cib-lint.sarif'), 'utf8');
    expect(sarif).not.toMatch(RAW_IN_JSON);
    expect(JSON.stringify(JSON.parse(sarif))).toContain(JSON.stringify(ID).slice(1, -1));
    expect(JSON.stringify(JSON.parse(sarif))).toContain(JSON.stringify(VALUE).slice(1, -1));
  });
});

// ---------------------------------------------------------------------------------------------
// Bounded work: long values, XPath policies, RelaxNG validation.

const CIB_HEAD = '<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config/>\n    <nodes/>\n';
const CIB_TAIL = '    <constraints/>\n  </configuration>\n  <status/>\n</cib>\n';

describe('messages clip long values, in every format', () => {
  // libxml2 refuses an attribute value of 10,000,000 bytes or more (not well-formed): 9 MiB is the most a CIB can hold.
  const NINE_MB = 9 * 1024 * 1024;
  const dir = tempDir('clip');
  // bundle-primitive-priority quotes the value in its message and puts it in its pcs command.
  const long = 'a'.repeat(NINE_MB);
  writeFileSync(
    join(dir, 'long.xml'),
    readFileSync(join(ROOT, 'fixtures/bundle-primitive-priority/invalid.xml'), 'utf8').replace('value="10"', `value="${long}"`),
  );

  // Formats that are data keep exact values where they carry them (the fix edits of json and sarif,
  // the commands of the pcs script); their messages are clipped all the same.
  const DATA = new Set(['json', 'sarif', 'gitlab', 'pcs']);

  it.each(FORMAT_IDS.filter((format) => format !== 'pcs'))('--format %s', { timeout: TIME_LIMIT }, (format) => {
    const run = cli(['--format', format, '--no-config', 'long.xml'], dir);
    expect(run.status, run.stderr).not.toBe(2);
    expect(run.stdout).toContain(`${'a'.repeat(20)}… (${NINE_MB} characters)`);
    if (!DATA.has(format)) {
      expect(run.stdout).not.toContain('a'.repeat(1000));
      expect(run.stdout.length).toBeLessThan(200_000);
    }
  });

  it('the message keeps the start and the length; the clipped fix runs nothing in a shell', { timeout: TIME_LIMIT }, () => {
    const bytes = readFileSync(join(dir, 'long.xml'));
    const result = lintSource(bytes, 'long.xml', { rules: builtinRules.filter((rule) => rule.meta.id === 'bundle-primitive-priority').map((rule) => ({ rule })) });
    const finding = result.findings.find((candidate) => candidate.message.includes('characters'))!;
    expect(finding.message).toContain(`priority=${'a'.repeat(200)}… (${NINE_MB} characters)`);
    expect(finding.suggestion!.length).toBeLessThan(1100);
    expect(finding.suggestion).toMatch(/… \(\d+ characters\)$/);
    const where = recorders();
    const run = runShell(finding.suggestion!, where);
    expect(run.status).not.toBe(0);
    expect(run.calls).toEqual([]);
    expect(readdirSync(where.work)).toEqual([]);
  });
});

/** A CIB with one primitive holding `count` nvpairs. */
function nvpairs(count: number): string {
  const pairs: string[] = [];
  for (let i = 0; i < count; i++) pairs.push(`<nvpair id="p${i}" name="n${i}" value="v"/>`);
  return `${CIB_HEAD}    <resources>\n      <primitive id="r" class="ocf" provider="heartbeat" type="Dummy"><instance_attributes id="ia">\n${pairs.join('\n')}\n</instance_attributes></primitive>\n    </resources>\n${CIB_TAIL}`;
}

describe('XPath policies run under a time budget per file', () => {
  it('a policy past its budget stops with a finding that says so', { timeout: TIME_LIMIT }, () => {
    // Each assert counts every nvpair before it: the work grows with the square of their number.
    const rules = policyRules([{ id: 'slow', select: '//nvpair', assert: 'count(preceding::nvpair) >= 0', message: 'never' }], 'test.yaml', { budgetMs: 200 });
    const started = performance.now();
    const result = lintSource(Buffer.from(nvpairs(20_000)), 'wide.xml', { rules: rules.map((rule) => ({ rule })) });
    expect(performance.now() - started).toBeLessThan(5_000);
    const stopped = result.findings.filter((finding) => finding.messageId === 'stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.level).toBe('error');
    expect(stopped[0]!.message).toMatch(/^Policy slow stopped: took longer than 0\.2 s on this file \((\d+) of 20000 selected nodes checked\)/);
    expect(Number(/\((\d+) of/.exec(stopped[0]!.message)![1])).toBeLessThan(20_000);
  });

  it('the budget of the command is 10 s per policy and file, and a policy within it reports normally', { timeout: TIME_LIMIT }, () => {
    const rules = policyRules([{ id: 'every', select: '//nvpair', assert: 'false()', message: 'nvpair {@id} of {../@id}' }], 'test.yaml');
    const started = performance.now();
    // Each of 50,000 matches is mapped to its element at once, not by counting what precedes it.
    const result = lintSource(Buffer.from(nvpairs(50_000)), 'wide.xml', { rules: rules.map((rule) => ({ rule })) });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.findings).toHaveLength(50_000);
    expect(result.findings.every((finding) => finding.messageId === 'violated')).toBe(true);
    expect(result.findings[49_999]!.message).toBe('nvpair p49999 of ia');
    expect(result.findings[49_999]!.elementId).toBe('p49999');
  });

  it('a policy that selects comments or text reports at them, not at 1:1', { timeout: TIME_LIMIT }, () => {
    const xml = `${CIB_HEAD}    <resources>\n      <primitive id="r" class="ocf" provider="heartbeat" type="Dummy"/>\n      <!-- TODO: remove -->\n    </resources>\n${CIB_TAIL}`;
    const rules = policyRules(
      [
        { id: 'no-todo', select: '//comment()', assert: 'not(contains(., "TODO"))', message: 'comment says "{normalize-space(.)}"' },
        { id: 'no-text', select: '//primitive/following-sibling::text()[1]', assert: 'false()', message: 'text' },
      ],
      'test.yaml',
    );
    const result = lintSource(Buffer.from(xml), 'c.xml', { rules: rules.map((rule) => ({ rule })) });
    const comment = result.findings.find((finding) => finding.ruleId === 'no-todo')!;
    expect([comment.line, comment.column, comment.message]).toEqual([7, 7, 'comment says "TODO: remove"']);
    const text = result.findings.find((finding) => finding.ruleId === 'no-text')!;
    // A text node is reported at the element that holds it.
    expect([text.line, text.column, text.elementId]).toEqual([5, 5, undefined]);
    expect(text.idPath).toEqual(['cib', 'configuration', 'resources']);
  });
});

describe('schema validation runs under a budget', () => {
  it('one element with 200,000 children: a note instead of minutes of validation', { timeout: TIME_LIMIT }, () => {
    const dir = tempDir('wide');
    writeFileSync(join(dir, 'wide.xml'), nvpairs(200_000));
    const started = performance.now();
    const run = cli(['--no-config', '--format', 'json', 'wide.xml'], dir, 30_000);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(run.status, run.stderr).toBe(1);
    const findings = (JSON.parse(run.stdout) as { files: { findings: { ruleId: string; level: string; message: string; line: number }[] }[] }).files[0]!.findings;
    const note = findings.find((finding) => finding.ruleId === 'schema')!;
    expect(note.level).toBe('note');
    expect(note.message).toMatch(/^Schema validation skipped: it would take longer than 10 s; <instance_attributes id="ia"> has 200000 child elements/);
  });

  it('a wide element within the budget is still validated', { timeout: TIME_LIMIT }, () => {
    const dir = tempDir('wide');
    // 20,000 children, one of them invalid.
    writeFileSync(join(dir, 'wide.xml'), nvpairs(20_000).replace('<nvpair id="p7" name="n7" value="v"/>', '<nvpair id="p7" value="v" bogus="1"/>'));
    const run = cli(['--no-config', '--format', 'json', 'wide.xml'], dir);
    const findings = (JSON.parse(run.stdout) as { files: { findings: { ruleId: string; message: string }[] }[] }).files[0]!.findings;
    expect(findings.filter((finding) => finding.ruleId === 'schema').map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Not valid against pacemaker-3\.9\.rng: /),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Huge results stay valid.

/** A plugin with one finding on every element of any document. */
const EVERY_PLUGIN = `
export default {
  meta: {
    id: 'acme/every', level: 'warning', description: 'Reports every element', constraint: { title: 't', source: 's' }, tags: [],
    anyDocument: true, messages: { m: { text: 'element {{id}}' } },
  },
  check({ document, report }) { for (const element of document.elements) report({ messageId: 'm', node: element, data: { id: element.id ?? '' } }); },
};
`;

/** A document of `count` elements under one root. */
function elements(count: number): string {
  const parts = ['<findings>'];
  for (let i = 0; i < count; i++) parts.push(`<f id="f${i}"/>`);
  parts.push('</findings>', '');
  return parts.join('\n');
}

/** Reads a JSON file of any size as a stream; the values at `paths` (JSONPath) are handed over. */
async function streamJson(path: string, paths: string[], onValue: (key: string | number | undefined, value: unknown) => void): Promise<void> {
  const { JSONParser } = await import('@streamparser/json');
  const { createReadStream } = await import('node:fs');
  const parser = new JSONParser({ paths, keepStack: false });
  parser.onValue = ({ key, value }) => onValue(key, value);
  for await (const chunk of createReadStream(path)) parser.write(chunk as Buffer);
  // A document that ended early or has trailing garbage throws above or is not ended here.
  expect(parser.isEnded).toBe(true);
}

describe('a million findings: JSON and SARIF stay valid, SARIF is capped', () => {
  it('--format json=FILE --format sarif=FILE with 1,000,001 findings', { timeout: 300_000 }, async () => {
    const dir = tempDir('million');
    // Half a gigabyte of JSON: not left behind in the temporary folder.
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'every.mjs'), EVERY_PLUGIN);
    writeFileSync(join(dir, 'many.xml'), elements(1_000_000));
    // As one string this JSON is longer than V8 allows (about 512 MiB): "Invalid string length" before.
    const run = cli(['--no-config', '--plugin', './every.mjs', '--format', 'json=out.json', '--format', 'sarif=out.sarif', 'many.xml'], dir, 240_000);
    expect(run.stderr).not.toContain('internal error');
    expect(run.status, run.stderr).toBe(1);
    expect(statSync(join(dir, 'out.json')).size).toBeGreaterThan(2 ** 29);
    let summary: Record<string, number> | undefined;
    let found = 0;
    await streamJson(join(dir, 'out.json'), ['$.summary', '$.files.*.findings.*.ruleId'], (key, value) => {
      if (key === 'summary') summary = value as Record<string, number>;
      else if (value === 'acme/every') found++;
    });
    expect(found).toBe(1_000_001);
    expect(summary).toMatchObject({ files: 1, warnings: 1_000_001 });
    // SARIF: 25,000 results, the worst first (the one error), and the cap said in the run and on stderr.
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const sarifRun = log.runs[0]!;
    expect(sarifRun.results).toHaveLength(SARIF_RESULT_LIMIT);
    expect(sarifRun.results!.filter((result) => result.level === 'error')).toHaveLength(1);
    expect(sarifRun.properties?.['cibLint/resultsCapped']).toEqual({
      limit: 25_000,
      written: 25_000,
      total: 1_000_002,
      omitted: { error: 0, warning: 975_002, note: 0, suppressed: 0 },
    });
    const note = sarifRun.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text;
    expect(note).toMatch(/^SARIF holds 25000 of 1000002 findings \(the worst first; GitHub code scanning accepts 25000 results per run\); left out: 975002 warning\./);
    expect(run.stderr).toContain(`cib-lint: ${note}`);
  });

  it('the cap keeps errors before warnings before notes before suppressed findings, in report order', () => {
    const finding = (line: number, level: Finding['level'], suppressed = false): Finding => ({
      ruleId: 'r', level, messageId: 'm', message: `at ${line}`, line, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1,
      idPath: [], fingerprint: `f${line}`, related: [], ...(suppressed && { suppressions: [{ kind: 'inSource' as const, justification: 'x' }] }),
    });
    const report: LintReport = {
      files: [{ filePath: '/repo/a.xml', errors: [], findings: [finding(1, 'note'), finding(2, 'error', true), finding(3, 'warning'), finding(4, 'error'), finding(5, 'warning')] }],
      rules: [{ id: 'r', level: 'error', description: 'd', constraint: { title: 't', source: 's' }, tags: [], messages: { m: { text: 'm' } } }],
      root: '/repo',
    };
    // Suppressed findings are in SARIF only with --sarif-suppressed; then they come last.
    const keep = { suppressed: true };
    const log = buildSarif(report, 2, keep);
    expect(log.runs[0]!.results!.map((result) => result.message.text)).toEqual(['at 3', 'at 4']);
    expect(sarifCap(report, 2, keep)).toEqual({ written: 2, total: 5, omitted: { error: 0, warning: 1, note: 1, suppressed: 1 } });
    expect(sarifCap(report, 5, keep)).toBeUndefined();
    expect(buildSarif(report, 5, keep).runs[0]!.invocations).toBeUndefined();
    expect(sarifCap(report, 2)).toEqual({ written: 2, total: 4, omitted: { error: 0, warning: 1, note: 1, suppressed: 0 } });
  });

  it('the job summary says what the SARIF file left out', () => {
    const report: LintReport = { files: [], rules: [], root: '/repo' };
    const summary = renderSummary(report, { sarifCapped: 'SARIF holds 25000 of 30000 findings (the worst first); left out: 5000 warning.' });
    expect(summary).toContain('> **SARIF capped:** SARIF holds 25000 of 30000 findings (the worst first); left out: 5000 warning.');
  });

  it('the Action: more than 25,000 findings give a capped, valid SARIF file, a note on stderr and in the job summary', { timeout: 2 * TIME_LIMIT }, () => {
    const dir = tempDir('action-cap');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'every.mjs'), EVERY_PLUGIN);
    writeFileSync(join(dir, '.cib-lint.yaml'), 'plugins: [./every.mjs]\n');
    writeFileSync(join(dir, 'many.xml'), elements(30_000));
    const summaryFile = join(dir, '.summary.md');
    writeFileSync(summaryFile, '');
    const inputs = (parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summaryFile };
    for (const [name, input] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = input.default ?? '';
    env.INPUT_FILES = 'many.xml';
    env['INPUT_ALLOW-CONFIG-CODE'] = 'true';
    env['INPUT_FAIL-ON'] = 'none';
    const run = finished(spawnSync(process.execPath, [ACTION], { cwd: dir, env, encoding: 'utf8', timeout: 2 * TIME_LIMIT, maxBuffer: 256 * 1024 * 1024 }));
    expect(run.status, run.stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(dir, 'cib-lint.sarif'), 'utf8')) as Log;
    expect(log.runs[0]!.results).toHaveLength(25_000);
    expect(run.stderr).toMatch(/^cib-lint: SARIF holds 25000 of 30002 findings/m);
    expect(readFileSync(summaryFile, 'utf8')).toMatch(/\*\*SARIF capped:\*\* SARIF holds 25000 of 30002 findings .*left out: 5002 warning\./);
  });
});
