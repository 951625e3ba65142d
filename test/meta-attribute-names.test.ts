// The one built-in rule option: `allow` names meta-attributes a resource agent reads, which the
// rule then accepts; every other finding stays.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../rules/meta-attribute-names.js';
import { lintSource } from '../src/app/lint-files.js';

const fixture = readFileSync(join(new URL('..', import.meta.url).pathname, 'fixtures/meta-attribute-names/invalid.xml'));
const names = (options?: Record<string, unknown>): string[] =>
  lintSource(fixture, 'invalid.xml', { rules: [{ rule, ...(options && { options }) }] })
    .findings.map((finding) => `${finding.messageId}:${finding.attribute === 'name' ? /"([^"]+)"/.exec(finding.message)![1] : finding.attribute}`)
    .sort();

describe('meta-attribute-names allow option', () => {
  it('reports the custom name without the option', () => {
    expect(names()).toContain('unknown:owner');
  });
  it('accepts the allowed names and nothing else', () => {
    const allowed = names({ allow: ['owner', 'clone_max'] });
    expect(allowed).not.toContain('unknown:owner');
    expect(allowed).not.toContain('lookAlike:clone_max');
    expect(allowed).toEqual(names().filter((entry) => entry !== 'unknown:owner' && entry !== 'lookAlike:clone_max'));
  });
  it('ignores entries that are not strings', () => {
    expect(names({ allow: [42, null] })).toEqual(names());
  });
});
