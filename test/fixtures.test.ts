// Every fixture of every built-in rule, linted with that rule alone: the findings must match the
// fixture's inline markers exactly (nothing missing, nothing extra), and every marker must pin what
// it claims: `rule-id/messageId`, with `@attribute` when the finding points at an attribute.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { checkFixture, expectedFindings } from '../src/app/testing.js';
import { defineRule, type Rule } from '../src/core/rule.js';

const root = new URL('..', import.meta.url).pathname;

for (const rule of builtinRules) {
  const dir = join(root, 'fixtures', rule.meta.id);
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.xml') && !name.endsWith('.fixed.xml')).sort() : [];
  const unavailable = rule.meta.unavailable?.({});
  if (unavailable) process.stderr.write(`SKIPPED fixtures of ${rule.meta.id}: ${unavailable}\n`);
  describe(`fixtures/${rule.meta.id}`, () => {
    for (const file of files) {
      it.skipIf(unavailable !== undefined)(file, () => {
        const outcome = checkFixture(readFileSync(join(dir, file)), file, [rule]);
        expect(outcome.result.errors).toEqual([]);
        expect({ missing: outcome.missing, unexpected: outcome.unexpected }).toEqual({ missing: [], unexpected: [] });
        expect(
          outcome.unpinned,
          'markers in fixtures/ name the message id, and the attribute when the finding points at one: <!-- expect: rule-id/messageId@attribute -->',
        ).toEqual([]);
        if (file.startsWith('valid')) expect(outcome.expected).toEqual([]);
        else expect(outcome.expected.length).toBeGreaterThan(0);
        // Every finding carries a message and a position inside the file.
        for (const finding of outcome.result.findings) {
          expect(finding.message.length).toBeGreaterThan(0);
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.column).toBeGreaterThanOrEqual(1);
        }
      });
    }
  });
}

// The marker syntax itself, with a small rule that reports on an attribute (an image ending in
// :latest) and on an element (a container without an image), under a plain and a prefixed id.
function imageRule(id: string): Rule {
  return defineRule({
    meta: {
      id,
      level: 'error',
      description: 'Containers run a pinned image',
      constraint: { title: 'Pinned images', source: 'a test' },
      tags: ['test'],
      messages: { latest: { text: 'latest' }, missing: { text: 'no image' } },
    },
    check({ cib, report }) {
      for (const bundle of cib.bundles) {
        const container = bundle.container;
        if (!container) continue;
        const image = container.attribute('image');
        if (!image) report({ messageId: 'missing', node: container });
        else if (image.value.endsWith(':latest')) report({ messageId: 'latest', node: image });
      }
    },
  });
}

function cib(webMarker: string, dbMarker: string): Uint8Array {
  return new TextEncoder().encode(`<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config/>
    <nodes/>
    <resources>
      <bundle id="web">
        <!-- expect: ${webMarker} -->
        <docker image="registry:5000/web:latest"/>
      </bundle>
      <bundle id="db">
        <!-- expect: ${dbMarker} -->
        <podman replicas="1"/>
      </bundle>
    </resources>
    <constraints/>
  </configuration>
  <status/>
</cib>
`);
}

describe('fixture markers', () => {
  const plain = imageRule('image');
  const prefixed = imageRule('acme/image');
  const check = (rule: Rule, web: string, db: string) => {
    const { missing, unexpected, unpinned } = checkFixture(cib(web, db), 'cib.xml', [rule]);
    return { missing, unexpected, unpinned };
  };

  it('pin the message id, and the attribute of a finding on an attribute', () => {
    expect(check(plain, 'image/latest@image', 'image/missing')).toEqual({ missing: [], unexpected: [], unpinned: [] });
    expect(check(prefixed, 'acme/image/latest@image', 'acme/image/missing')).toEqual({ missing: [], unexpected: [], unpinned: [] });
  });

  it('still accept a plain rule id, and say what it leaves open', () => {
    for (const rule of [plain, prefixed]) {
      const id = rule.meta.id;
      expect(check(rule, id, id)).toEqual({
        missing: [],
        unexpected: [],
        unpinned: [
          `the marker of the element on line 8: "${id}" should be "${id}/latest@image"`,
          `the marker of the element on line 12: "${id}" should be "${id}/missing"`,
        ],
      });
    }
    expect(check(plain, 'image/latest', 'image/missing').unpinned).toEqual([
      'the marker of the element on line 8: "image/latest" should be "image/latest@image"',
    ]);
  });

  it('fail on a wrong message id or attribute, or one the finding does not have', () => {
    expect(check(plain, 'image/missing@image', 'image/missing')).toEqual({
      missing: ['image/missing@image at element on line 8'],
      unexpected: ['image/latest@image at element on line 8'],
      unpinned: [],
    });
    expect(check(plain, 'image/latest@replicas', 'image/missing@replicas')).toEqual({
      missing: ['image/latest@replicas at element on line 8', 'image/missing@replicas at element on line 12'],
      unexpected: ['image/latest@image at element on line 8', 'image/missing at element on line 12'],
      unpinned: [],
    });
  });

  it('match nothing missing and nothing extra, a precise marker first', () => {
    expect(check(plain, 'image, image/latest@image', 'image/missing')).toEqual({
      missing: ['image at element on line 8'],
      unexpected: [],
      unpinned: [],
    });
    expect(check(plain, 'image/latest@image', '')).toEqual({ missing: [], unexpected: ['image/missing at element on line 12'], unpinned: [] });
  });

  it('read rule-id/messageId apart from a prefixed rule id', () => {
    const bytes = cib('acme/image', 'acme/image/missing');
    const keys = (ids?: string[]) => expectedFindings(bytes, ids).map(({ ruleId, messageId }) => ({ ruleId, messageId }));
    expect(keys(['acme/image'])).toEqual([{ ruleId: 'acme/image' }, { ruleId: 'acme/image', messageId: 'missing' }]);
    // Without the rule ids, one slash keeps its old meaning: a prefixed rule id.
    expect(keys()).toEqual([{ ruleId: 'acme/image' }, { ruleId: 'acme/image', messageId: 'missing' }]);
    expect(expectedFindings(cib('image/latest@image', 'image'), ['image']).map(({ ruleId, messageId, attribute }) => ({ ruleId, messageId, attribute }))).toEqual([
      { ruleId: 'image', messageId: 'latest', attribute: 'image' },
      { ruleId: 'image', messageId: undefined, attribute: undefined },
    ]);
  });
});
