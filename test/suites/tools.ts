// Where the real-world suites find their oracles, and how they say they were skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const SHARED = join(ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Whether a suite can run. When it cannot, it says why on stderr (visible in the test output);
 * in CI (`CIB_LINT_REQUIRE_ORACLES=1`, set by .ci/run) a missing oracle is a failure instead.
 */
export function available(what: string, present: boolean): boolean {
  if (present) return true;
  const message = `SKIPPED: ${what} is not available here`;
  if (process.env.CIB_LINT_REQUIRE_ORACLES === '1') throw new Error(`${message}, but .ci/run requires it`);
  process.stderr.write(`\n${message}\n`);
  return false;
}

export const HAS_CORPUS = existsSync(join(CORPUS, 'crm_verify-2.1.5.tsv'));
export const HAS_CRM_VERIFY = hasCommand('crm_verify');
export const HAS_PCS = hasCommand('pcs') && hasCommand('cibadmin');
