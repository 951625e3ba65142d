// Loading scans the content of the status section's entries (`/cib/status/*`) only when it is
// asked for. Whatever asks, the tree must be the one a full scan makes: the same elements with the
// same document-order indexes, spans, parents and children, and the same comments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCib } from '../bench/generate.mjs';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/app/lint-files.js';
import { createLinter } from '../src/core/linter.js';
import { defineRule } from '../src/core/rule.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { loadXml } from '../src/document/xml/load.js';
import { scanXml } from '../src/document/xml/scan.js';
import { decodeSource } from '../src/document/xml/source.js';

const ROOT = join(import.meta.dirname, '..');

const LIVE_CIB = `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config/>
    <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
    <resources><primitive id="web" class="ocf" provider="heartbeat" type="apache"/></resources>
    <constraints/>
  </configuration>
  <status>
    <node_state id="1" uname="node1" in_ccm="true" crmd="online">
      <transient_attributes id="1">
        <instance_attributes id="status-1"><nvpair id="status-1-a" name="a" value="1"/></instance_attributes>
      </transient_attributes>
      <lrm id="1">
        <lrm_resources>
          <lrm_resource id="web" type="apache" class="ocf" provider="heartbeat">
            <lrm_rsc_op id="web_last_0" operation="start" call-id="5" rc-code="0" op-digest="a&gt;b"/>
            <lrm_rsc_op id="web_monitor_10000" operation="monitor" interval="10000" rc-code="0"/>
          </lrm_resource>
        </lrm_resources>
      </lrm>
    </node_state>
    <node_state id="2" uname="node2" in_ccm="true" crmd="online"/>
    <node_state id="3" uname="node3">
      <lrm id="3"><lrm_resources/></lrm>
    </node_state>
  </status>
</cib>
`;

/** What a tree is, element by element: enough to tell any two scans apart. */
function shape(elements: ReadonlyArray<XmlElement | undefined>) {
  return elements.map((element) => {
    if (!element) return undefined;
    return {
      name: element.name,
      index: element.index,
      parent: element.parent?.index,
      children: element.children.map((child) => child.index),
      span: element.span,
      outer: element.outerSpan,
      last: element.lastDescendantIndex,
      attributes: element.attributes.map(({ name, value, span }) => [name, value, span.start, span.end]),
    };
  });
}

function commentShape(text: string, deferStatus: boolean) {
  return scanXml(text, { deferStatus }).comments.map((comment) => [comment.text, comment.span.start, comment.nextElement?.index]);
}

/** Both scans of the text, the deferred one completed, compared; returns the deferred scan. */
function expectSameTree(text: string) {
  const full = scanXml(text);
  const deferred = scanXml(text, { deferStatus: true });
  expect(deferred.elements.length).toBe(full.elements.length);
  expect(shape(deferred.complete())).toEqual(shape(full.elements));
  expect(commentShape(text, true)).toEqual(commentShape(text, false));
  return deferred;
}

describe('the status section scanned on demand', () => {
  it('counts what it defers, so the other elements keep their indexes', () => {
    const full = scanXml(LIVE_CIB);
    const deferred = scanXml(LIVE_CIB, { deferStatus: true });
    expect(deferred.elements.length).toBe(full.elements.length);
    const made = deferred.elements.flatMap((element) => (element ? [element.name] : []));
    expect(made).not.toContain('lrm_rsc_op');
    expect(made.filter((name) => name === 'node_state')).toHaveLength(3);
    // node_state 1 and 3 have element content; node_state 2 is empty and has nothing to defer.
    expect(deferred.elements.filter((element) => element === undefined)).toHaveLength(full.elements.filter((element) => element!.ancestor('node_state')).length);
    for (const [index, element] of deferred.elements.entries()) if (element) expect(element.index).toBe(index);
  });

  it("knows a deferred entry's last index and end tag without scanning it", () => {
    const full = scanXml(LIVE_CIB);
    const deferred = scanXml(LIVE_CIB, { deferStatus: true });
    const states = (scan: typeof full) => scan.elements.filter((element) => element?.name === 'node_state') as XmlElement[];
    for (const [which, state] of states(deferred).entries()) {
      const same = states(full)[which]!;
      expect(state.lastDescendantIndex).toBe(same.lastDescendantIndex);
      expect(state.outerSpan).toEqual(same.outerSpan);
      expect(state.endTagSpan).toEqual(same.endTagSpan);
    }
    expect(deferred.elements.some((element) => element?.name === 'lrm_rsc_op')).toBe(false);
  });

  it('scans one entry when its children are asked for, and the rest on complete()', () => {
    const deferred = scanXml(LIVE_CIB, { deferStatus: true });
    const first = deferred.elements.find((element) => element?.name === 'node_state')!;
    expect(first.children.map((child) => child.name)).toEqual(['transient_attributes', 'lrm']);
    const ops = deferred.elements.filter((element) => element?.name === 'lrm_rsc_op');
    expect(ops.map((op) => op!.attr('op-digest') ?? op!.id)).toEqual(['a>b', 'web_monitor_10000']);
    expect(ops[0]!.ancestor('node_state')).toBe(first);
    // node_state 3's lrm is still unscanned.
    expect(deferred.elements.filter((element) => element?.name === 'lrm')).toHaveLength(1);
    expectSameTree(LIVE_CIB);
  });

  it('scans an entry holding a comment at once: suppressions and fixture markers read comments', () => {
    const text = LIVE_CIB.replace('<lrm id="3">', '<lrm id="3"><!-- cib-lint-disable-next-element -->');
    const deferred = expectSameTree(text);
    const comment = scanXml(text, { deferStatus: true }).comments[0]!;
    expect(comment.nextElement?.name).toBe('lrm_resources');
    expect(deferred.comments).toHaveLength(1);
  });

  it('scans at once what holds CDATA or a processing instruction', () => {
    expectSameTree(LIVE_CIB.replace('<lrm id="3">', '<lrm id="3"><![CDATA[ <x> ]]>'));
    expectSameTree(LIVE_CIB.replace('<lrm id="3">', '<lrm id="3"><?pi x?>'));
  });

  it('defers only under /cib/status, and nothing when a DTD makes values eager', () => {
    const elsewhere = '<cib><configuration><status><node_state id="1"><lrm id="1"/></node_state></status></configuration></cib>';
    expect(scanXml(elsewhere, { deferStatus: true }).elements.every(Boolean)).toBe(true);
    const notCib = '<other><status><node_state id="1"><lrm id="1"/></node_state></status></other>';
    expect(scanXml(notCib, { deferStatus: true }).elements.every(Boolean)).toBe(true);
    const withDtd = `<!DOCTYPE cib [<!ENTITY x "y">]>\n${LIVE_CIB}`;
    expect(scanXml(withDtd, { deferStatus: true }).elements.every(Boolean)).toBe(true);
  });

  it('is the same tree on malformed text, where scanning stops where a full scan stops', () => {
    for (const broken of [
      LIVE_CIB.replace('</lrm_resources>', ''),
      LIVE_CIB.replace('<lrm_rsc_op id="web_last_0"', '< lrm_rsc_op id="web_last_0"'),
      LIVE_CIB.replace('rc-code="0"/>', 'rc-code="0/>'),
      LIVE_CIB.slice(0, LIVE_CIB.indexOf('</node_state>')),
    ]) {
      expectSameTree(broken);
    }
  });

  it('is the same tree on every fixture, real-world CIB and generated CIB', () => {
    const files = [
      ...readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml')).map((name) => join(ROOT, 'fixtures', name)),
      ...readdirSync(join(ROOT, 'test/realworld/cibs')).map((name) => join(ROOT, 'test/realworld/cibs', name)),
    ];
    let deferredSomewhere = 0;
    for (const file of files) {
      const text = decodeSource(readFileSync(file));
      if (scanXml(text, { deferStatus: true }).elements.some((element) => element === undefined)) deferredSomewhere++;
      expectSameTree(text);
    }
    expectSameTree(generateCib(3));
    // The comparison means something only if real files do have deferred content.
    expect(deferredSomewhere).toBeGreaterThan(5);
  });
});

describe('a loaded document scans the status section when it is read', () => {
  it('maps XPath matches inside the status section to their elements', () => {
    const loaded = loadXml(Buffer.from(LIVE_CIB));
    if (!loaded.ok) throw new Error('not loaded');
    const ops = loaded.document.xpath('//lrm_rsc_op');
    expect(ops.map((match) => (match.node as XmlElement).id)).toEqual(['web_last_0', 'web_monitor_10000']);
    expect(loaded.document.elements.every(Boolean)).toBe(true);
    loaded.document.dispose();
  });

  it('gives a rule reading every element the whole document, at the right positions', () => {
    const everything = defineRule({
      meta: {
        id: 'everything',
        level: 'note',
        description: 'reports every element',
        constraint: { title: 'test', source: 'test' },
        tags: ['test'],
        messages: { found: { text: '{{name}}' } },
      },
      check({ cib, report }) {
        for (const element of cib.elements) report({ messageId: 'found', node: element, data: { name: element.name } });
      },
    });
    const findings = lintSource(Buffer.from(LIVE_CIB), 'live.xml', { rules: [{ rule: everything }] }).findings;
    const full = scanXml(LIVE_CIB).elements;
    expect(findings.map(({ message, line, column, elementIndex }) => [message, line, column, elementIndex])).toEqual(
      full.map((element) => {
        const before = LIVE_CIB.slice(0, element!.span.start);
        return [element!.name, before.split('\n').length, before.length - before.lastIndexOf('\n'), element!.index];
      }),
    );
  });

  it('does not scan it for the built-in rules', () => {
    const loaded = loadXml(Buffer.from(generateCib(2)));
    if (!loaded.ok) throw new Error('not loaded');
    const result = createLinter({ rules: builtinRules.map((rule) => ({ rule })) }).lint(loaded, 'generated.xml');
    expect(result.errors ?? []).toEqual([]);
    const scan = (loaded.document as unknown as { scan: ReturnType<typeof scanXml> }).scan;
    expect(scan.elements.filter((element) => element === undefined).length).toBeGreaterThan(10);
    loaded.document.dispose();
  });
});
