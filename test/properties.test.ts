// Property-based tests: random mutations of the fixture CIBs (elements and attributes dropped,
// duplicated, swapped; random attribute values; truncation at a random byte) never make the engine
// or a rule throw, never produce invalid SARIF, and lint the same way twice. The corpus suite runs
// the same properties on Pacemaker's and pcs's CIBs (test/suites/corpus-properties.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellSplit } from '../src/cib/container-options.js';
import { ROOT } from './helpers.js';
import { assertFixesHold, assertMutationsHold, assertTruncationsHold, checkFix } from './mutations.js';

const FIXTURES = join(ROOT, 'fixtures');
const RUNS = 100;

const fixtureFiles: string[] = [];
const walk = (directory: string): void => {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.xml')) fixtureFiles.push(path);
  }
};
walk(FIXTURES);
fixtureFiles.sort();

describe('random mutations of the fixture CIBs', () => {
  it('has fixtures to mutate', () => {
    expect(fixtureFiles.length).toBeGreaterThan(20);
  });

  it('element and attribute mutations: no crash, valid SARIF, the same findings twice', () => {
    assertMutationsHold(fixtureFiles, RUNS);
  });

  it('truncation at a random byte: no crash, valid SARIF, the same findings twice', () => {
    assertTruncationsHold(fixtureFiles, RUNS);
  });

  it('--fix: no crash, well-formed, no more errors than before, nothing left for a second --fix', () => {
    for (const file of fixtureFiles) checkFix(readFileSync(file), file);
    assertFixesHold(fixtureFiles, RUNS);
  });
});

describe('shellSplit', () => {
  it('splits options without quotes or escapes (its fast path) as its full shell grammar does', () => {
    const characters = fc.constantFrom('a', 'b', '-', '=', ':', '/', ' ', '\t', '\n', '\u00a0', 'é');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 40 }).map((chars) => chars.join('')), (options) => {
        // A trailing "" takes the full grammar and adds one empty word: the rest must not differ.
        expect(shellSplit(`${options} ""`)).toEqual([...shellSplit(options), '']);
      }),
      { numRuns: 500 },
    );
  });
});
