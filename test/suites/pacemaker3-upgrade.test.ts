// pacemaker3-removed against Pacemaker's own words: for every input of Pacemaker 3's schema-upgrade
// tests, each element its upgrade says it drops must carry a finding (rkt bundles: bundle-rkt-unsupported's).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { lintSource } from '../../src/app/lint-files.js';
import { available, CORPUS, HAS_CORPUS } from './tools.js';

const run = available('the Pacemaker corpus (../shared/corpus)', HAS_CORPUS);
const INPUTS = join(CORPUS, 'pacemaker/schemas');
const WARNINGS = join(CORPUS, 'pacemaker/schemas-upgrade-warnings');

/** The id of the element a "WARNING: Dropping ..." line names, if it names one. */
export function droppedId(line: string): string | undefined {
  const match =
    /Dropping (?:resource|template|bundle resource|nvpair) (\S+) because/.exec(line) ??
    /Dropping lifetime element from constraint (\S+) because/.exec(line) ??
    /Dropping \S+ (?:meta-attribute|attribute) from (?:date spec )?(\S+) because/.exec(line);
  return match?.[1];
}

describe.runIf(run)("pacemaker3-removed (with bundle-rkt-unsupported) agrees with Pacemaker 3's upgrade warnings", () => {
  // Each dropped thing is reported once: rkt bundles by their own rule.
  const rules = builtinRules.filter((candidate) => ['pacemaker3-removed', 'bundle-rkt-unsupported'].includes(candidate.meta.id)).map((rule) => ({ rule }));
  const inputs = run ? readdirSync(INPUTS).filter((name) => name.endsWith('.xml')) : [];
  it('has the upgrade-test inputs', () => expect(inputs.length).toBeGreaterThan(20));
  for (const input of inputs) {
    const warningsFile = join(WARNINGS, input.replace(/\.xml$/, '.txt'));
    const lines = existsSync(warningsFile) ? readFileSync(warningsFile, 'utf8').split('\n').filter((line) => line.startsWith('WARNING: Dropping')) : [];
    it.runIf(lines.length > 0)(input, () => {
      const result = lintSource(readFileSync(join(INPUTS, input)), input, { rules });
      const reported = result.findings.map((finding) => finding.idPath);
      const missing = lines.filter((line) => {
        const id = droppedId(line);
        expect(id, `cannot read the dropped id from: ${line}`).toBeDefined();
        return !reported.some((path) => path.includes(id!));
      });
      expect(missing).toEqual([]);
    });
  }
});
