// Files derived from rule metadata are committed; they must match what `npm run generate` writes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { renderRuleIndex, replaceRuleTable } from '../src/generate.js';
import { ROOT } from './helpers.js';

describe('generated files are fresh (run `npm run generate`)', () => {
  it('rules/index.ts lists every rule file', () => {
    const ids = readdirSync(join(ROOT, 'rules')).filter((name) => name.endsWith('.ts') && name !== 'index.ts').map((name) => name.slice(0, -3));
    expect(readFileSync(join(ROOT, 'rules/index.ts'), 'utf8')).toBe(renderRuleIndex(ids));
  });
  it("README.md's rule table matches the rules' metadata", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(replaceRuleTable(readme, builtinRules));
  });
});
