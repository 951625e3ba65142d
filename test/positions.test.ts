// Positions come from the source text: they must stay exact with CRLF, a BOM, tabs, start tags
// spread over several lines, and lines past 65,535 (where libxml2's own line numbers stop).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/app/lint-files.js';
import { defineRule } from '../src/core/rule.js';
import { loadXml } from '../src/document/xml/load.js';
import { nodeAtPath } from '../src/document/xml/node-path.js';
import { decodeAttributeValue } from '../src/document/xml/scan.js';

// A probe rule that reports every `probe` attribute, so positions can be checked in isolation.
const probe = defineRule({
  meta: {
    id: 'probe',
    level: 'error',
    description: 'reports probe attributes',
    constraint: { title: 'test', source: 'test' },
    tags: ['test'],
    messages: { found: { text: 'probe {{value}}' } },
  },
  check({ cib, report }) {
    for (const element of cib.elements) {
      const attribute = element.attribute('probe');
      if (attribute) report({ messageId: 'found', node: attribute, data: { value: attribute.value } });
    }
  },
});

function probeFindings(source: string | Buffer) {
  const bytes = typeof source === 'string' ? Buffer.from(source) : source;
  return lintSource(bytes, 'test.xml', { rules: [{ rule: probe }] }).findings.map(({ line, column, endLine, endColumn, message }) => ({
    line,
    column,
    endLine,
    endColumn,
    message,
  }));
}

describe('source positions', () => {
  it('LF', () => {
    expect(probeFindings('<cib>\n  <a probe="1"/>\n</cib>')).toEqual([{ line: 2, column: 6, endLine: 2, endColumn: 15, message: 'probe 1' }]);
  });
  it('CRLF and lone CR', () => {
    expect(probeFindings('<cib>\r\n  <a probe="1"/>\r\n\r\n<b probe="2"/></cib>')).toEqual([
      { line: 2, column: 6, endLine: 2, endColumn: 15, message: 'probe 1' },
      { line: 4, column: 4, endLine: 4, endColumn: 13, message: 'probe 2' },
    ]);
    expect(probeFindings('<cib>\r<a probe="1"/></cib>')[0]).toMatchObject({ line: 2, column: 4 });
  });
  it('a UTF-8 BOM does not shift columns', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<cib><a probe="1"/></cib>')]);
    expect(probeFindings(bytes)[0]).toMatchObject({ line: 1, column: 9 });
  });
  it('UTF-16 with a BOM', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?>\n<cib>\n <a probe="é"/></cib>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(probeFindings(bytes)).toEqual([{ line: 3, column: 5, endLine: 3, endColumn: 14, message: 'probe é' }]);
  });
  it('tabs count as one column', () => {
    expect(probeFindings('<cib>\n\t\t<a\tprobe="1"/>\n</cib>')[0]).toMatchObject({ line: 2, column: 6 });
  });
  it('start tags over several lines, and values with line breaks', () => {
    expect(probeFindings('<cib>\n  <a\n     id="x"\n     probe="two\n lines"/>\n</cib>')).toEqual([
      { line: 4, column: 6, endLine: 5, endColumn: 8, message: 'probe two  lines' },
    ]);
  });
  it('lines beyond 65,535', () => {
    const filler = '<x/>\n'.repeat(70_000);
    expect(probeFindings(`<cib>\n${filler}<a probe="far"/>\n</cib>`)[0]).toMatchObject({ line: 70_002, column: 4 });
  });
  it('multi-byte characters before the attribute', () => {
    expect(probeFindings('<cib><a description="日本語 ☃" probe="1"/></cib>')[0]).toMatchObject({ line: 1, column: 29 });
  });
  it('comments, CDATA, processing instructions and a DOCTYPE do not confuse the scan', () => {
    const source = '<?xml version="1.0"?>\n<!DOCTYPE cib [\n<!ENTITY e "v">\n<!-- <a probe="no"/> -->\n]>\n<cib><!-- <a probe="no"/> --><![CDATA[<a probe="no"/>]]><?pi <a probe="no"/>?>\n<a probe="&e;"/></cib>';
    expect(probeFindings(source)).toEqual([{ line: 7, column: 4, endLine: 7, endColumn: 15, message: 'probe v' }]);
  });
});

describe('attribute values', () => {
  it('are decoded and normalised as XML requires', () => {
    expect(decodeAttributeValue('a &amp; b &lt;&gt; &quot;&apos; &#65;&#x42;')).toBe('a & b <> "\' AB');
    expect(decodeAttributeValue('x\ty\r\nz')).toBe('x y z');
    expect(decodeAttributeValue('&custom;')).toBeUndefined();
  });
  it('agree with libxml2 on every element of a document', () => {
    const loaded = loadXml(Buffer.from('<cib a="&#10;x&amp;y" b=\'q"q\'>\n<c d="  spaced  " e="&#x263A;"/></cib>'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { document } = loaded;
    expect(document.root.attr('a')).toBe(document.xpath('/cib/@a')[0]!.string('.'));
    expect(document.root.attr('b')).toBe(document.xpath('/cib/@b')[0]!.string('.'));
    expect(document.elements[1]!.attr('d')).toBe(document.xpath('//c/@d')[0]!.string('.'));
    expect(document.elements[1]!.attr('e')).toBe(document.xpath('//c/@e')[0]!.string('.'));
    document.dispose();
  });
});

describe('syntax errors', () => {
  it('are positioned where libxml2 stopped, also past line 65,535', () => {
    const loaded = loadXml(Buffer.from(`<cib>\n${'<x/>\n'.repeat(70_000)}<a></b></cib>`));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.unparsable.position.line).toBe(70_002);
    expect(loaded.unparsable.message).toContain('mismatch');
  });
});

describe("Pacemaker's boolean grammar", () => {
  it('is case-insensitive and, like crm_str_to_boolean(), takes no surrounding space', async () => {
    const { parseBoolean } = await import('../src/cib/values.js');
    expect(['true', 'YES', 'y', 'On', '1'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['false', 'No', 'N', 'OFF', '0'].map(parseBoolean)).toEqual([false, false, false, false, false]);
    expect([' true', 'true ', 'ja', '', '2'].map(parseBoolean)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('xml-well-formed messages', () => {
  it("add what usually causes libxml2's terse errors", async () => {
    const { builtinRules } = await import('../rules/index.js');
    const rule = builtinRules.find((candidate) => candidate.meta.id === 'xml-well-formed')!;
    const message = (source: string) => lintSource(Buffer.from(source), 'x.xml', { rules: [{ rule }] }).findings[0]!.message;
    expect(message('<cib a="A & B"/>')).toMatch(/^Not well-formed XML: xmlParseEntityRef: no name \(a bare "&" .*write &amp;\)$/);
    expect(message('')).toContain('(the file is empty)');
    expect(message('<cib><a></cib>')).toContain('Opening and ending tag mismatch: a line 1 and cib (an end tag');
  });
});

describe('libxml2 node paths to scanned nodes', () => {
  // A schema that finds fault with every <op> (no interval) and every class but "lsb", so that
  // libxml2 reports errors at same-name siblings, deep elements and attributes.
  const SCHEMA = `<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element name="cib"><attribute name="validate-with"/><element name="configuration">
    <element name="resources"><zeroOrMore><choice><ref name="primitive"/><ref name="bundle"/></choice></zeroOrMore></element>
    <element name="constraints"><empty/></element></element><element name="status"><empty/></element></element></start>
  <define name="primitive"><element name="primitive"><attribute name="id"/><optional><attribute name="class"><value>lsb</value></attribute></optional>
    <optional><element name="operations"><zeroOrMore><ref name="op"/></zeroOrMore></element></optional></element></define>
  <define name="op"><element name="op"><attribute name="id"/><attribute name="name"/><attribute name="interval"/></element></define>
  <define name="bundle"><element name="bundle"><attribute name="id"/><element name="docker"><attribute name="image"/></element></element></define>
</grammar>`;

  it('finds the element or attribute of each validation error, as libxml2 itself would', () => {
    const text = [
      '<cib validate-with="pacemaker-3.9"><configuration><resources>',
      '<primitive id="a" class="ocf"/><primitive id="b"><operations><op id="m" name="monitor"/><op id="s" name="start"/></operations></primitive>',
      '<bundle id="c"><docker image="x"/></bundle><primitive id="d" class="systemd"/>',
      '</resources><constraints/></configuration><status/></cib>',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'cib-lint-paths-'));
    writeFileSync(join(dir, 'test.rng'), SCHEMA);
    const loaded = loadXml(Buffer.from(text));
    if (!loaded.ok) throw new Error('fixture must parse');
    const xml = loaded.document;
    try {
      const errors = xml.schemaErrors(join(dir, 'test.rng')).filter((error) => error.path !== undefined);
      const paths = errors.map((error) => error.path!);
      expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/primitive\[3\]$/), expect.stringMatching(/op\[2\]$/)]));
      for (const path of paths) {
        const expected = xml.xpath(path)[0]?.node;
        expect(expected, path).toBeDefined();
        expect(nodeAtPath(xml.root, path), path).toBe(expected);
      }
      const op = nodeAtPath(xml.root, '/cib/configuration/resources/primitive[2]/operations/op[2]');
      expect(op && !('owner' in op) ? op.id : undefined).toBe('s');
      const attribute = nodeAtPath(xml.root, '/cib/configuration/resources/primitive[1]/@class');
      expect(attribute && 'owner' in attribute ? attribute.value : undefined).toBe('ocf');
      for (const unmodelled of ['/cib/configuration/text()', '/cib/x:y', '/cib/configuration/resources/primitive[4]', 'cib', '/cib/@nope']) {
        expect(nodeAtPath(xml.root, unmodelled)).toBeUndefined();
      }
    } finally {
      xml.dispose();
    }
  });
});
