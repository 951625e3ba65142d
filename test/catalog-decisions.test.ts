// The rules-catalog points issue 17 decided, pinned with their levels (fixture markers pin the
// message id, not the level): a template reference in a bundle is a warning, a lone port in
// range= a note, score aliases the schema rejects are errors exactly where the schema rejects
// them, and bundle meta equal to what Pacemaker derives is not reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/app/lint-files.js';
import { ROOT } from './helpers.js';

const rule = (id: string) => builtinRules.find((candidate) => candidate.meta.id === id)!;
const lint = (source: Uint8Array | string, ...ids: string[]) => {
  const result = lintSource(typeof source === 'string' ? Buffer.from(source) : source, 'cib.xml', { rules: ids.map((id) => ({ rule: rule(id) })) });
  expect(result.errors).toEqual([]);
  return result.findings;
};
const fixture = (ruleId: string, name: string) => readFileSync(join(ROOT, 'fixtures', ruleId, name));
const cib = (resources: string, constraints = '') =>
  `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes><node id="1" uname="node1"/></nodes>` +
  `<resources>${resources}</resources><constraints>${constraints}</constraints></configuration><status/></cib>`;

describe('issue 17 catalog decisions', () => {
  it('a template reference inside a bundle is a warning; a group or a second resource stays an error', () => {
    const findings = lint(fixture('bundle-single-primitive', 'invalid.xml'), 'bundle-single-primitive');
    const levels = new Map(findings.map((finding) => [finding.messageId, finding.level]));
    expect(levels.get('templateReference')).toBe('warning');
    expect(levels.get('notPrimitive')).toBe('error');
    expect(levels.get('extra')).toBe('error');
    const template = findings.find((finding) => finding.messageId === 'templateReference')!;
    expect(template.attribute).toBe('template');
    expect(template.message).toContain('Pacemaker resolves it and runs the bundle');
  });

  it('a lone port in range= is a note that says port=; a malformed range stays an error', () => {
    const bundle = (range: string) =>
      cib(`<bundle id="web"><docker image="pcmktest:http"/><network ip-range-start="192.168.122.131"><port-mapping id="web-port" range="${range}"/></network></bundle>`);
    const [lone] = lint(bundle('8080'), 'bundle-port-range-format');
    expect(lone).toMatchObject({ messageId: 'singlePort', level: 'note', attribute: 'range' });
    expect(lone!.message).toContain('write port="8080"');
    expect(lint(bundle('8010-8000'), 'bundle-port-range-format')).toMatchObject([{ messageId: 'malformed', level: 'error' }]);
    expect(lint(bundle('8000-8010'), 'bundle-port-range-format')).toEqual([]);
  });

  it('bundle meta equal to what Pacemaker derives is silent, a different value warns', () => {
    expect(lint(fixture('bundle-meta-clone-options', 'valid-derived-values.xml'), 'bundle-meta-clone-options')).toEqual([]);
    const bundle = (name: string, value: string) =>
      cib(`<bundle id="db"><podman image="localhost/mariadb:latest" replicas="3" network="host"/><network control-port="3123"/><meta_attributes id="db-meta"><nvpair id="db-meta-1" name="${name}" value="${value}"/></meta_attributes></bundle>`);
    expect(lint(bundle('clone-max', '3'), 'bundle-meta-clone-options')).toEqual([]);
    expect(lint(bundle('ordered', 'true'), 'bundle-meta-clone-options')).toEqual([]);
    expect(lint(bundle('globally-unique', 'false'), 'bundle-meta-clone-options')).toEqual([]);
    expect(lint(bundle('clone-max', '2'), 'bundle-meta-clone-options')).toMatchObject([{ messageId: 'cloneOption', level: 'warning', attribute: 'name' }]);
    expect(lint(bundle('ordered', 'false'), 'bundle-meta-clone-options')).toMatchObject([{ messageId: 'cloneOption', level: 'warning' }]);
  });
});

describe.skipIf(rule('schema').meta.unavailable!({}) !== undefined)('score-valid against score.rng', () => {
  // Pacemaker's parser (char2score) accepts infinity in any case and the node-health colours;
  // the schema does not, and that is what decides.
  const values = ['100', '-100', '+5', '007', ' 100 ', 'INFINITY', '+INFINITY', '-INFINITY', ' INFINITY', 'infinity', '+Infinity', '-INF', 'red', 'green', '5.0', '1e3', '', '100s', '0x10'];

  for (const value of values) {
    it(`score="${value}": an error exactly when the schema rejects it`, () => {
      const source = cib(`<primitive id="web" class="ocf" provider="heartbeat" type="apache"/>`, `<rsc_location id="web-on-node1" rsc="web" node="node1" score="${value}"/>`);
      const schemaRejects = lint(source, 'schema').some((finding) => finding.level === 'error');
      const findings = lint(source, 'score-valid');
      expect(findings.length > 0).toBe(schemaRejects);
      for (const finding of findings) expect(finding).toMatchObject({ level: 'error', attribute: 'score' });
    });
  }

  it('rejects what Pacemaker’s parser would have accepted', () => {
    const source = cib(`<primitive id="web" class="ocf" provider="heartbeat" type="apache"/>`, `<rsc_location id="web-on-node1" rsc="web" node="node1" score="infinity"/>`);
    expect(lint(source, 'score-valid')).toMatchObject([{ messageId: 'infinityCase', level: 'error' }]);
  });
});
