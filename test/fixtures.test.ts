// Every fixture of every built-in rule, linted with that rule alone: the findings must match the
// fixture's inline markers exactly (nothing missing, nothing extra).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { checkFixture } from '../src/app/testing.js';

const root = new URL('..', import.meta.url).pathname;

for (const rule of builtinRules) {
  const dir = join(root, 'fixtures', rule.meta.id);
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.xml')).sort() : [];
  const unavailable = rule.meta.unavailable?.({});
  if (unavailable) process.stderr.write(`SKIPPED fixtures of ${rule.meta.id}: ${unavailable}\n`);
  describe(`fixtures/${rule.meta.id}`, () => {
    for (const file of files) {
      it.skipIf(unavailable !== undefined)(file, () => {
        const outcome = checkFixture(readFileSync(join(dir, file)), file, [rule]);
        expect(outcome.result.errors).toEqual([]);
        expect({ missing: outcome.missing, unexpected: outcome.unexpected }).toEqual({ missing: [], unexpected: [] });
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
