// Every fixable fixture: --fix with the rule alone gives, byte for byte, the committed
// `<name>.fixed.xml` beside it; the fixed file has nothing fixable left, is clean of the rule where
// every finding had a fix, and a second --fix changes nothing. Each fix keeps the file well-formed
// and touches only what it names (the engine's test is test/fix-engine.test.ts).
//
// CIB_LINT_UPDATE_FIXED=1 writes the .fixed.xml files instead of comparing them (review the diff).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/app/lint-files.js';
import { fixSource, safeFixes } from '../src/app/fix.js';
import { loadXml } from '../src/document/xml/load.js';
import { ROOT } from './helpers.js';

const UPDATE = process.env.CIB_LINT_UPDATE_FIXED === '1';

/** Rules whose fixes are proven here: at least this many must have a fixed fixture. */
const MINIMUM_FIXABLE_RULES = 15;

const fixedName = (name: string): string => name.replace(/\.xml$/, '.fixed.xml');

const fixable = new Set<string>();

for (const rule of builtinRules) {
  const dir = join(ROOT, 'fixtures', rule.meta.id);
  if (!existsSync(dir) || rule.meta.unavailable?.({}) !== undefined) continue;
  const lint = (bytes: Uint8Array) => lintSource(bytes, 'fixture.xml', { rules: [{ rule }] });
  const inputs = readdirSync(dir).filter((name) => name.startsWith('invalid') && name.endsWith('.xml') && !name.endsWith('.fixed.xml')).sort();
  for (const name of inputs) {
    const bytes = readFileSync(join(dir, name));
    const outcome = fixSource(bytes, lint);
    const expectedPath = join(dir, fixedName(name));
    if (outcome.applied.length === 0) {
      describe(`fixtures/${rule.meta.id}/${name}`, () => {
        it('has no fixed file, since nothing in it is fixable', () => expect(existsSync(expectedPath)).toBe(false));
      });
      continue;
    }
    fixable.add(rule.meta.id);
    describe(`fixtures/${rule.meta.id}/${name}`, () => {
      it(`--fix gives ${fixedName(name)} byte for byte`, () => {
        if (UPDATE) writeFileSync(expectedPath, outcome.fixed);
        expect(existsSync(expectedPath), `${expectedPath} is missing (CIB_LINT_UPDATE_FIXED=1 writes it)`).toBe(true);
        expect(outcome.fixed.toString('latin1')).toBe(readFileSync(expectedPath).toString('latin1'));
      });

      it('leaves a well-formed file with nothing fixable, and is idempotent', () => {
        expect(loadXml(outcome.fixed).ok).toBe(true);
        expect(safeFixes(outcome.result)).toEqual([]);
        expect(fixSource(outcome.fixed, lint).applied).toEqual([]);
        // A file whose every finding had a fix is clean of the rule.
        if (outcome.first.findings.every((finding) => (finding.fixes?.length ?? 0) > 0)) expect(outcome.result.findings).toEqual([]);
        // Otherwise the findings fixed are gone (a fix may leave another finding in their place:
        // the mapping onto /var/log, written exactly, is then reported as replacing the log mount).
        const fixed = new Set(outcome.first.findings.filter((finding) => finding.fixes !== undefined).map((finding) => finding.fingerprint));
        expect(outcome.result.findings.filter((finding) => fixed.has(finding.fingerprint))).toEqual([]);
      });

      it('changes only the lines the fixes name', () => {
        const before = bytes.toString('utf8').split('\n');
        const after = outcome.fixed.toString('utf8').split('\n');
        // Every line of the original that is still there keeps its bytes and its order.
        let cursor = 0;
        let kept = 0;
        for (const line of before) {
          const found = after.indexOf(line, cursor);
          if (found >= 0) {
            cursor = found + 1;
            kept++;
          }
        }
        expect(kept).toBeGreaterThanOrEqual(before.length - outcome.applied.length * 4);
      });
    });
  }
}

describe('fixable rules', () => {
  it(`at least ${MINIMUM_FIXABLE_RULES} rules have safe fixes proven by a fixed fixture`, () => {
    expect([...fixable].sort().length, [...fixable].sort().join(', ')).toBeGreaterThanOrEqual(MINIMUM_FIXABLE_RULES);
  });

  it('no rule hard-codes an address to paste: a value only the administrator knows is a placeholder', () => {
    const rules = join(ROOT, 'rules');
    for (const name of readdirSync(rules).filter((each) => each.endsWith('.ts'))) {
      // Comments may name an address as an example of a format; code may not offer one to paste.
      const code = readFileSync(join(rules, name), 'utf8').split('\n').filter((line) => !/^\s*(?:\/\/|\*|\/\*)/.test(line)).join('\n');
      expect(code, name).not.toMatch(/\b(?:192\.168|10\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01]))\.\d{1,3}\.\d{1,3}\b/);
    }
  });

  it('no fixed file is left without its fixture', () => {
    for (const rule of builtinRules) {
      const dir = join(ROOT, 'fixtures', rule.meta.id);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((each) => each.endsWith('.fixed.xml'))) {
        expect(existsSync(join(dir, name.replace(/\.fixed\.xml$/, '.xml'))), `${rule.meta.id}/${name}`).toBe(true);
      }
    }
  });
});
