// The schema rule against libxml2's cascades: each error at the element (or attribute) that has
// the problem, valid elements never blamed for a sibling's fault, messages that say what is wrong
// rather than what libxml2 expected first, and findings another rule explains dropped without
// dropping unrelated ones. The fixtures in fixtures/schema pin where; this pins what is said.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/app/lint-files.js';
import type { Finding } from '../src/core/finding.js';
import { loadXml } from '../src/document/xml/load.js';
import { ROOT } from './helpers.js';

const rule = (id: string) => {
  const found = builtinRules.find((candidate) => candidate.meta.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const schema = rule('schema');
const fixture = (name: string) => readFileSync(join(ROOT, 'fixtures/schema', name));
const lint = (source: Uint8Array, ...ids: string[]) => {
  const result = lintSource(source, 'cib.xml', { rules: ['schema', ...ids].map((id) => ({ rule: rule(id) })) });
  expect(result.errors).toEqual([]);
  return result.findings;
};
const schemaFindings = (findings: Finding[]) => findings.filter((finding) => finding.ruleId === 'schema');
const where = (finding: Finding) => `${finding.line}:${finding.column}${finding.attribute ? `@${finding.attribute}` : ''}`;

const cib = (resources: string, constraints = '', validateWith = 'pacemaker-3.9') =>
  Buffer.from(
    `<cib validate-with="${validateWith}" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes/>\n` +
      `<resources>\n${resources}\n</resources>\n<constraints>\n${constraints}\n</constraints>\n</configuration><status/></cib>`,
  );
const DUMMY = (id: string, extra = '') => `<primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy"${extra}/>`;

describe.skipIf(schema.meta.unavailable!({}) !== undefined)('schema findings where libxml2 cascades', () => {
  it('blames the element with the duplicate id, not the valid colocation libxml2 names', () => {
    const [finding, ...rest] = lint(fixture('invalid-duplicate-id.xml'));
    expect(rest).toEqual([]);
    expect(where(finding!)).toBe('17:21@id');
    expect(finding!.message).toContain('<rsc_location id="web"> reuses the id of the <primitive> on line 11: ids must be unique');
    expect(finding!.related).toMatchObject([{ line: 11, message: '<primitive id="web"> has this id first' }]);
    // libxml2 itself only said that the first constraint was extra content.
    expect(JSON.stringify(finding)).not.toContain('rsc_colocation');
  });

  it('says a clone holds one resource, at its second one, and leaves the valid primitive before it alone', () => {
    const findings = lint(fixture('invalid-clone-two-resources.xml'));
    expect(findings.map(where)).toEqual(['13:9']);
    expect(findings[0]!.message).toContain('<clone id="proxy-clone"> holds more than one resource: <group id="extra"> is one too many');
  });

  it('reports an attribute an older schema lacks, not the valid constraint before it', () => {
    const findings = lint(fixture('invalid-attribute-after-valid-sibling.xml'));
    expect(findings.map(where)).toEqual(['17:86@require-all']);
    expect(findings[0]!.message).toContain('Not valid against pacemaker-1.2.rng: <rsc_order id="first-then-second"> does not allow require-all="true"');
  });

  it('says an empty clone, group, master or bundle needs a child, not that it lacks meta_attributes', () => {
    const [clone] = lint(fixture('invalid-empty-clone.xml'));
    expect(clone!.message).toContain('<clone id="dlm-clone"> holds no resource: a clone needs one primitive or group child');
    expect(clone!.message).toContain('(libxml2: Expecting an element meta_attributes, got nothing)');
    expect(clone!.message).not.toContain('lacks the required element');
    const message = (resources: string) => lint(cib(resources)).map((finding) => finding.message.replace(/ \(libxml2:.*$/, '').replace(/^.*rng: /, ''));
    expect(message('<group id="g"/>')).toEqual(['<group id="g"> holds no primitive: a group needs at least one primitive child']);
    expect(message('<master id="ms"/>')).toEqual(['<master id="ms"> holds no resource: a master needs one primitive or group child']);
    expect(message('<bundle id="b"/>')).toEqual(['<bundle id="b"> has no container: a bundle needs a docker, podman or rkt child']);
  });

  it('reports an op that is valid without its role at the role', () => {
    const findings = lint(fixture('invalid-op-role.xml'));
    expect(findings.map(where)).toEqual(['16:71@role']);
    expect(findings[0]!.message).toContain('<op id="db-monitor-primary"> does not allow role="Primary"');
  });

  it('finds the attribute by its value when libxml2 quotes only the value', () => {
    const findings = lint(cib(DUMMY('a'), '<rsc_location id="l" rsc="a" node="n1" score="abc"/>'));
    expect(findings.map((finding) => finding.attribute)).toEqual(['score']);
    expect(findings[0]!.message).toContain(`does not allow score="abc" (libxml2: Type integer doesn't allow value 'abc')`);
  });

  it('names a missing required attribute of an op or a primitive', () => {
    const [op] = lint(fixture('invalid-op.xml'));
    expect(op!.message).toContain('<op id="dummy-monitor"> lacks the required attribute name');
    const [primitive] = lint(cib(DUMMY('a') + '<group id="g"><primitive id="b" class="ocf" provider="pacemaker"/></group>'));
    expect(primitive!.message).toContain('<primitive id="b"> lacks the required attribute type');
  });

  it('reports the attributes of <cib> at <cib>, where libxml2 points at <configuration>', () => {
    const findings = lint(fixture('invalid-cib-attributes.xml'));
    expect(findings.map(where)).toEqual(['4:1']);
    expect(findings[0]!.message).toContain('<cib> lacks a required attribute or has an invalid one');
  });

  it('says which container a schema does not know, at the container', () => {
    const findings = lint(fixture('invalid-old-schema.xml'));
    expect(findings.map(where)).toEqual(['9:9']);
    expect(findings[0]!.message).toContain('<bundle id="db-bundle"> does not accept <podman> here');
  });

  it('reports each of two independent faults in two sections, and nothing for the valid elements around them', () => {
    const findings = lint(cib(`${DUMMY('a')}\n<group id="g1"/>\n${DUMMY('b')}`, `<rsc_colocation id="c" rsc="a" with-rsc="b" score="INFINITY"/>\n<rsc_order id="o" first="a" then="b" bogus="1"/>`));
    expect(findings.map(where)).toEqual(['4:1', '9:38@bogus']);
  });

  it('still says an element is not allowed where it is the only fault', () => {
    const findings = lint(cib(`${DUMMY('a')}\n<bundle id="b"><docker image="x"/><group id="g">${DUMMY('p')}</group></bundle>`));
    expect(findings.map(where)).toEqual(['4:35']);
    expect(findings[0]!.message).toContain('<bundle id="b"> does not allow <group id="g"> here');
  });
});

describe.skipIf(schema.meta.unavailable!({}) !== undefined)('schema findings next to other rules', () => {
  it('gives way to unique-ids on the repeated id, and reports no cascade', () => {
    const findings = lint(fixture('invalid-duplicate-id.xml'), 'unique-ids');
    expect(findings.map((finding) => `${finding.ruleId} ${where(finding)}`)).toEqual(['unique-ids 17:21@id']);
  });

  it('gives way to role-valid on the role', () => {
    const findings = lint(fixture('invalid-op-role.xml'), 'role-valid');
    expect(findings.map((finding) => `${finding.ruleId} ${where(finding)}`)).toEqual(['role-valid 16:71@role']);
  });

  it('keeps an invalid attribute when another rule reports a different attribute of the element', () => {
    const source = cib(`<bundle id="web"><docker image="pcmktest:http" replicas="0" description="web servers"/><network ip-range-start="192.168.122.131"/></bundle>`);
    const findings = lint(source, 'bundle-attribute-values');
    expect(findings.map((finding) => `${finding.ruleId} ${finding.attribute}`).sort()).toEqual(['bundle-attribute-values replicas', 'schema description']);
  });

  it('keeps an error on an element when another rule only warns about something else there', () => {
    const source = cib(`<primitive id="p" provider="pacemaker" type="Dummy"/>`);
    const alone = schemaFindings(lint(source));
    expect(alone.map(where)).toEqual(['3:1']);
    const findings = lint(source, 'monitor-missing');
    expect(findings.some((finding) => finding.ruleId === 'monitor-missing' && finding.line === 3 && finding.level === 'warning')).toBe(true);
    expect(schemaFindings(findings)).toEqual(alone);
  });

  it('gives way on an element to another rule’s error on that element', () => {
    const source = cib(`<bundle id="web"><docker image="pcmktest:http"/><operations><op id="web-monitor" name="monitor" interval="10s"/></operations></bundle>`);
    expect(schemaFindings(lint(source)).map(where)).toEqual(['3:49']);
    const findings = lint(source, 'bundle-unsupported-children');
    expect(findings.map((finding) => `${finding.ruleId} ${where(finding)}`)).toEqual(['bundle-unsupported-children 3:49']);
  });
});

describe.skipIf(schema.meta.unavailable!({}) !== undefined)('CibDocument.isolatedSchemaErrors', () => {
  const rng = '/usr/share/pacemaker/pacemaker-3.9.rng';
  const load = (source: Uint8Array) => {
    const loaded = loadXml(source);
    if (!loaded.ok) throw new Error(loaded.unparsable.message);
    return loaded.document;
  };

  it('validates an element alone: valid next to an invalid sibling, invalid with paths of the original document', () => {
    const document = load(cib(`${DUMMY('a')}\n<group id="g">${DUMMY('b')}<primitive id="c" class="ocf" provider="pacemaker" typo="Dummy"/></group>`));
    try {
      const [first, group] = document.root.child('configuration')!.child('resources')!.children;
      expect(document.schemaErrors(rng).length).toBeGreaterThan(0);
      expect(document.isolatedSchemaErrors(rng, first!)).toEqual([]);
      const errors = document.isolatedSchemaErrors(rng, group!)!;
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map((error) => error.path)).toContain('/cib/configuration/resources/group/primitive[2]');
      // A resource nested in a group stands alone directly in <resources>.
      expect(document.isolatedSchemaErrors(rng, group!.children[0]!)).toEqual([]);
      expect(document.isolatedSchemaErrors(rng, group!.children[1]!)!.length).toBeGreaterThan(0);
    } finally {
      document.dispose();
    }
  });

  it('validates without one attribute, and leaves the document as it was', () => {
    const document = load(cib(DUMMY('a', ' bogus="1"')));
    try {
      const primitive = document.root.child('configuration')!.child('resources')!.children[0]!;
      expect(document.isolatedSchemaErrors(rng, primitive)!.length).toBeGreaterThan(0);
      expect(document.isolatedSchemaErrors(rng, primitive, { without: primitive.attribute('bogus')! })).toEqual([]);
      expect(document.isolatedSchemaErrors(rng, primitive)!.length).toBeGreaterThan(0);
      expect(document.schemaErrors(rng).some((error) => error.message.includes('bogus'))).toBe(true);
    } finally {
      document.dispose();
    }
  });

  it('cannot isolate what is not inside a configuration section', () => {
    const document = load(cib(DUMMY('a')));
    try {
      const configuration = document.root.child('configuration')!;
      expect(document.isolatedSchemaErrors(rng, document.root)).toBeUndefined();
      expect(document.isolatedSchemaErrors(rng, configuration)).toBeUndefined();
      expect(document.isolatedSchemaErrors(rng, configuration.child('resources')!)).toBeUndefined();
    } finally {
      document.dispose();
    }
  });
});
