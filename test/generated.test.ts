// Files derived from rule metadata are committed; they must match what `npm run generate` writes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { RULES_README, renderRuleIndex, renderRulesReadme } from '../src/app/generate.js';
import { ROOT } from './helpers.js';

describe('generated files are fresh (run `npm run generate`)', () => {
  it('rules/index.ts lists every rule file', () => {
    const ids = readdirSync(join(ROOT, 'rules')).filter((name) => name.endsWith('.ts') && name !== 'index.ts').map((name) => name.slice(0, -3));
    expect(readFileSync(join(ROOT, 'rules/index.ts'), 'utf8')).toBe(renderRuleIndex(ids));
  });
  it("docs/rules/README.md's rule table matches the rules' metadata", () => {
    expect(readFileSync(join(ROOT, RULES_README), 'utf8')).toBe(renderRulesReadme(builtinRules));
  });
});
