// The property tests of test/properties.test.ts on real CIBs: random mutations of the CIBs of
// Pacemaker's and pcs's test suites (../shared/corpus, read in place) never make the engine or a
// rule throw, never produce invalid SARIF, and lint the same way twice.
import { statSync } from 'node:fs';
import { describe, it } from 'vitest';
import { xmlFilesBelow } from '../../src/document/inputs/operands.js';
import { assertFixesHold, assertMutationsHold, assertTruncationsHold } from '../mutations.js';
import { available, CORPUS, HAS_CORPUS } from './tools.js';

const run = available('the Pacemaker corpus (../shared/corpus)', HAS_CORPUS);
const RUNS = 200;
/** Every mutation walks the whole tree: the largest CIBs (over 1 MB) would only slow the suite. */
const LARGEST = 256 * 1024;

describe.runIf(run)('random mutations of the corpus CIBs', () => {
  const files = run ? xmlFilesBelow(CORPUS).filter((file) => statSync(file).size <= LARGEST) : [];

  it('element and attribute mutations: no crash, valid SARIF, the same findings twice', () => {
    assertMutationsHold(files, RUNS);
  });

  it('truncation at a random byte: no crash, valid SARIF, the same findings twice', () => {
    assertTruncationsHold(files, RUNS);
  });

  it('--fix on mutations: no crash, well-formed, no more errors than before, idempotent', () => {
    assertFixesHold(files, RUNS);
  });
});
