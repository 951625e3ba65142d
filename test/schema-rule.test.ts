// The schema rule without Pacemaker's schemas: one note per file that says how to enable it,
// never an error and never silence.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/app/lint-files.js';
import { defineRule } from '../src/core/rule.js';
import { nodeAtPath } from '../src/document/xml/node-path.js';

const schema = builtinRules.find((rule) => rule.meta.id === 'schema')!;
const cib = (validateWith: string) =>
  Buffer.from(`<cib validate-with="${validateWith}" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes/><resources/><constraints/></configuration><status/></cib>`);

describe('schema rule', () => {
  it('says once that validation was skipped, and how to enable it, when no schemas are installed', () => {
    const result = lintSource(cib('pacemaker-3.9'), 'cib.xml', { rules: [{ rule: schema }], options: { schemaDir: '/nonexistent/pacemaker' } });
    expect(result.errors).toEqual([]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'schema', level: 'note', messageId: 'skipped', attribute: 'validate-with' });
    expect(result.findings[0]!.message).toContain('no Pacemaker schemas in /nonexistent/pacemaker');
    expect(result.findings[0]!.message).toContain('apt-get install pacemaker-common');
    expect(result.findings[0]!.message).toContain('--schema-dir');
    expect(schema.meta.unavailable!({ schemaDir: '/nonexistent/pacemaker' })).toContain('not installed');
  });

  it('leaves a missing, disabled or unknown validate-with to the validate-with rule', () => {
    for (const value of ['none', 'pacemaker-next', 'bogus']) {
      const result = lintSource(cib(value), 'cib.xml', { rules: [{ rule: schema }], options: { schemaDir: '/nonexistent/pacemaker' } });
      expect(result.findings).toEqual([]);
    }
  });
});

describe.skipIf(schema.meta.unavailable!({}) !== undefined)('schema rule with Pacemaker schemas installed', () => {
  it('ignores the status section (anything is valid there) and leaves it in place for later rules', async () => {
    const { policyRules } = await import('../src/app/policies.js');
    const [statusPolicy] = policyRules([{ id: 'status-seen', select: '/cib/status/node_state', assert: 'false()', message: 'node {@uname}' }], undefined);
    const source = Buffer.from(
      '<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes/><resources/><constraints/></configuration>' +
        '<status>\n<node_state id="1" uname="n1"><anything goes="here"/></node_state>\n<!-- c -->\n<node_state id="2" uname="n2"/>\n</status></cib>',
    );
    const result = lintSource(source, 'cib.xml', { rules: [{ rule: schema }, { rule: statusPolicy! }] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.message}`)).toEqual(['status-seen node n1', 'status-seen node n2']);
  });
});

describe('schemaErrors for a rule of its own', () => {
  it('validates the CIB, status content set aside, against a site schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cib-lint-site-schema-'));
    // A site rule: every bundle runs podman. Anything goes in status, as in Pacemaker's schemas.
    const siteSchema = join(dir, 'site.rng');
    writeFileSync(
      siteSchema,
      `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="any"/></start>
  <define name="any"><element><anyName><except><name>docker</name></except></anyName><zeroOrMore><attribute><anyName/></attribute></zeroOrMore><zeroOrMore><choice><ref name="any"/><text/></choice></zeroOrMore></element></define>
</grammar>`,
    );
    const rule = defineRule({
      meta: { id: 'site-podman', level: 'error', description: 'bundles run podman', constraint: { title: 't', source: 's' }, tags: [], messages: { docker: { text: '{{message}}' } } },
      check({ cib, schemaErrors, report }) {
        for (const error of schemaErrors(siteSchema)) {
          report({ messageId: 'docker', node: (error.path && nodeAtPath(cib.root, error.path)) || cib.root, data: { message: error.message } });
        }
      },
    });
    const lint = (resources: string) =>
      lintSource(
        Buffer.from(`<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes/><resources>${resources}</resources><constraints/></configuration><status><docker/></status></cib>`),
        'cib.xml',
        { rules: [{ rule }] },
      );
    // The docker in status never counts: its content is set aside, as for Pacemaker's schemas.
    const podmanOnly = lint('<bundle id="db"><podman image="pg"/></bundle>');
    expect(podmanOnly.errors).toEqual([]);
    expect(podmanOnly.findings).toEqual([]);
    const withDocker = lint('<bundle id="web"><docker image="httpd"/></bundle><bundle id="db"><podman image="pg"/></bundle>');
    expect(withDocker.errors).toEqual([]);
    expect(withDocker.findings.length).toBeGreaterThan(0);
    expect(withDocker.findings.map((finding) => finding.message).join('\n')).toMatch(/docker|extra content|failed to validate/i);
  });
});
