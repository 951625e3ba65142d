// The fix engine (src/core/fixes.ts): each kind of CIB edit becomes a text edit that touches only
// its attribute or element, whatever the file's quoting, layout, line endings and encoding.
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/app/lint-files.js';
import { fixSource } from '../src/app/fix.js';
import { applyFixes, escapeAttributeValue } from '../src/core/fixes.js';
import { defineRule, type CibEdit, type RuleContext } from '../src/core/rule.js';
import type { XmlElement } from '../src/document/xml/element.js';

/** A rule that reports once, on the document, with one fix made of `edits(root)`. */
function editRule(edits: (root: XmlElement, context: RuleContext) => CibEdit[]) {
  return defineRule({
    meta: { id: 'edit', level: 'error', description: 'test', constraint: { title: 't', source: 't' }, tags: [], anyDocument: true, messages: { m: { text: 'm' } } },
    check(context) {
      context.report({ messageId: 'm', node: undefined, fixes: [{ title: 'edit', edits: edits(context.document.root, context) }] });
    },
  });
}

/** The text after applying the one fix once. */
function fixed(text: string | Buffer, edits: (root: XmlElement) => CibEdit[]): string {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const result = lintSource(bytes, 'test.xml', { rules: [{ rule: editRule(edits) }] });
  expect(result.errors).toEqual([]);
  return applyFixes(bytes, result.findings[0]!.fixes!).bytes.toString(typeof text === 'string' ? 'utf8' : 'latin1');
}

const find = (root: XmlElement, name: string): XmlElement => (root.name === name ? root : [...root.descendants()].find((element) => element.name === name)!);

describe('setAttribute', () => {
  it('replaces only the value, in the quotes the file uses', () => {
    expect(fixed(`<a x='1'  y="2"/>`, (root) => [{ kind: 'setAttribute', element: root, name: 'x', value: `it's "3" & <4>` }])).toBe(
      `<a x='it&apos;s "3" &amp; &lt;4>'  y="2"/>`,
    );
    expect(fixed(`<a x='1'  y="2"/>`, (root) => [{ kind: 'setAttribute', element: root, name: 'y', value: `"\n\t` }])).toBe(`<a x='1'  y="&quot;&#10;&#9;"/>`);
  });

  it('adds a missing attribute after the last one, on a line of its own when they are one per line', () => {
    expect(fixed(`<a x="1"/>`, (root) => [{ kind: 'setAttribute', element: root, name: 'y', value: '2' }])).toBe(`<a x="1" y="2"/>`);
    expect(fixed(`<a/>`, (root) => [{ kind: 'setAttribute', element: root, name: 'y', value: '2' }])).toBe(`<a y="2"/>`);
    expect(fixed(`<a\r\n   x='1'\r\n   z='3'>\r\n</a>`, (root) => [{ kind: 'setAttribute', element: root, name: 'y', value: '2' }])).toBe(
      `<a\r\n   x='1'\r\n   z='3'\r\n   y='2'>\r\n</a>`,
    );
  });
});

describe('renameAttribute and removeAttribute', () => {
  it('renames in place, keeping the order', () => {
    expect(fixed(`<a b="1" masters="2" c="3"/>`, (root) => [{ kind: 'renameAttribute', attribute: root.attribute('masters')!, name: 'promoted-max' }])).toBe(
      `<a b="1" promoted-max="2" c="3"/>`,
    );
    expect(fixed(`<a range='80'/>`, (root) => [{ kind: 'renameAttribute', attribute: root.attribute('range')!, name: 'port', value: '8&0' }])).toBe(`<a port='8&amp;0'/>`);
  });

  it('refuses a rename onto a name the element has: the result would not be well-formed', () => {
    const rule = editRule((root) => [{ kind: 'renameAttribute', attribute: root.attribute('range')!, name: 'port' }]);
    expect(lintSource(Buffer.from('<a range="80" port="81"/>'), 't.xml', { rules: [{ rule }] }).errors).toEqual(['rule edit failed: a fix would give <a> a second port']);
  });

  it('removes the attribute with the space before it', () => {
    const text = `<a x="1" y="2" z="3"/>`;
    expect(fixed(text, (root) => [{ kind: 'removeAttribute', attribute: root.attribute('x')! }])).toBe(`<a y="2" z="3"/>`);
    expect(fixed(text, (root) => [{ kind: 'removeAttribute', attribute: root.attribute('y')! }])).toBe(`<a x="1" z="3"/>`);
    expect(fixed(text, (root) => [{ kind: 'removeAttribute', attribute: root.attribute('z')! }])).toBe(`<a x="1" y="2"/>`);
    expect(fixed(`<a\n  x="1"\n  y="2">\n</a>`, (root) => [{ kind: 'removeAttribute', attribute: root.attribute('y')! }])).toBe(`<a\n  x="1">\n</a>`);
  });
});

describe('removeElement', () => {
  it('removes the element and its line when it has the line to itself', () => {
    const text = '<a>\r\n  <b id="1">\r\n    <c/>\r\n  </b>\r\n  <!-- kept -->\r\n  <d/>\r\n</a>\r\n';
    expect(fixed(text, (root) => [{ kind: 'removeElement', element: find(root, 'b') }])).toBe('<a>\r\n  <!-- kept -->\r\n  <d/>\r\n</a>\r\n');
    expect(fixed(text, (root) => [{ kind: 'removeElement', element: find(root, 'd') }])).toBe('<a>\r\n  <b id="1">\r\n    <c/>\r\n  </b>\r\n  <!-- kept -->\r\n</a>\r\n');
  });

  it('removes only the element when it shares its line', () => {
    expect(fixed('<a><b/> <c>x</c></a>', (root) => [{ kind: 'removeElement', element: find(root, 'c') }])).toBe('<a><b/> </a>');
  });
});

describe('addElement', () => {
  const element = { name: 'nvpair', attributes: { id: 'n', name: 'priority', value: '"10"' } };

  it('adds the last child, indented like its siblings', () => {
    expect(fixed('<a>\n\t<m id="m">\n\t\t<nvpair id="x"/>\n\t</m>\n</a>\n', (root) => [{ kind: 'addElement', parent: find(root, 'm'), element }])).toBe(
      '<a>\n\t<m id="m">\n\t\t<nvpair id="x"/>\n\t\t<nvpair id="n" name="priority" value="&quot;10&quot;"/>\n\t</m>\n</a>\n',
    );
  });

  it('opens an empty-element tag, and nests children', () => {
    const set = { name: 'meta_attributes', attributes: { id: 'm' }, children: [element] };
    expect(fixed('<a>\n  <b id="b"/>\n</a>\n', (root) => [{ kind: 'addElement', parent: find(root, 'b'), element: set }])).toBe(
      '<a>\n  <b id="b">\n    <meta_attributes id="m">\n      <nvpair id="n" name="priority" value="&quot;10&quot;"/>\n    </meta_attributes>\n  </b>\n</a>\n',
    );
    expect(fixed('<a><b></b></a>', (root) => [{ kind: 'addElement', parent: find(root, 'b'), element: { name: 'c', attributes: {} } }])).toBe('<a><b><c/></b></a>');
  });
});

describe('encodings and escaping', () => {
  it('edits UTF-8 at byte offsets past multi-byte characters', () => {
    expect(fixed('<a d="žluťoučký" x="1"/>', (root) => [{ kind: 'setAttribute', element: root, name: 'x', value: 'kůň' }])).toBe('<a d="žluťoučký" x="kůň"/>');
  });

  it('writes UTF-16 text as UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a x="1"/>', 'utf16le')]);
    const result = lintSource(bytes, 'utf16.xml', { rules: [{ rule: editRule((root) => [{ kind: 'setAttribute', element: root, name: 'x', value: 'é' }]) }] });
    const out = applyFixes(bytes, result.findings[0]!.fixes!).bytes;
    expect(out.subarray(2).toString('utf16le')).toBe('<a x="é"/>');
  });

  it('writes characters beyond ASCII as references in a file of a single-byte encoding', () => {
    const text = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<a d="\xe9" x="1"/>', 'latin1');
    expect(fixed(text, (root) => [{ kind: 'setAttribute', element: root, name: 'x', value: 'é€' }])).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<a d="\xe9" x="&#xE9;&#x20AC;"/>',
    );
    expect(escapeAttributeValue('a\rb', '"')).toBe('a&#13;b');
  });
});

describe('the fix loop', () => {
  // Sets x to one more than it is, up to 3: one fix per pass, so it takes three passes.
  const counter = defineRule({
    meta: { id: 'count', level: 'error', description: 't', constraint: { title: 't', source: 't' }, tags: [], anyDocument: true, messages: { m: { text: 'm' } } },
    check({ document, report }) {
      const x = document.root.attribute('x')!;
      const value = Number(x.value);
      if (value < 3) report({ messageId: 'm', node: x, fixes: [{ title: 'count', edits: [{ kind: 'setAttribute', element: document.root, name: 'x', value: String(value + 1) }] }] });
    },
  });
  const lint = (bytes: Uint8Array) => lintSource(bytes, 't.xml', { rules: [{ rule: counter }] });

  it('lints again after each pass until nothing is left to fix', () => {
    const outcome = fixSource(Buffer.from('<a x="0"/>'), lint);
    expect(outcome.fixed.toString()).toBe('<a x="3"/>');
    expect(outcome.passes).toBe(3);
    expect(outcome.result.findings).toEqual([]);
    expect(fixSource(outcome.fixed, lint).passes).toBe(0);
  });

  it('stops after ten passes', () => {
    const endless = defineRule({
      ...counter,
      check({ document, report }) {
        const x = document.root.attribute('x')!;
        report({ messageId: 'm', node: x, fixes: [{ title: 'more', edits: [{ kind: 'setAttribute', element: document.root, name: 'x', value: `${x.value}1` }] }] });
      },
    });
    const outcome = fixSource(Buffer.from('<a x=""/>'), (bytes) => lintSource(bytes, 't.xml', { rules: [{ rule: endless }] }));
    expect(outcome.passes).toBe(10);
    expect(outcome.fixed.toString()).toBe('<a x="1111111111"/>');
  });

  it('applies overlapping fixes one pass apart', () => {
    const both = defineRule({
      ...counter,
      check({ document, report }) {
        const root = document.root;
        for (const name of ['x', 'y']) {
          const attribute = root.attribute(name);
          if (attribute) report({ messageId: 'm', node: attribute, fixes: [{ title: `drop ${name}`, edits: [{ kind: 'removeAttribute', attribute }] }] });
        }
      },
    });
    const outcome = fixSource(Buffer.from('<a x="1" y="2"/>'), (bytes) => lintSource(bytes, 't.xml', { rules: [{ rule: both }] }));
    expect(outcome.fixed.toString()).toBe('<a/>');
    expect(outcome.passes).toBe(2);
  });

  it('refuses a fix that edits one place twice', () => {
    const twice = editRule((root) => [
      { kind: 'setAttribute', element: root, name: 'x', value: '2' },
      { kind: 'removeAttribute', attribute: root.attribute('x')! },
    ]);
    const result = lintSource(Buffer.from('<a x="1"/>'), 't.xml', { rules: [{ rule: twice }] });
    expect(result.errors).toEqual(['rule edit failed: fix "edit" edits one place twice']);
  });
});
