// Where Pacemaker itself catches what a rule catches (the rule's meta.crmVerify), real crm_verify
// must report each of the rule's invalid fixtures with that message: Pacemaker agrees with us.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ROOT } from '../helpers.js';
import { available, HAS_CRM_VERIFY } from './tools.js';

const run = available('crm_verify (Debian package pacemaker-cli-utils)', HAS_CRM_VERIFY);
const checked = builtinRules.filter((rule) => rule.meta.crmVerify !== undefined);

export function crmVerify(file: string): { status: number | null; output: string } {
  const result = spawnSync('crm_verify', ['--xml-file', file, '-V'], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe.runIf(run)('crm_verify agrees with the rules that declare what it says', () => {
  it('covers at least the rules known to overlap with crm_verify', () => {
    expect(checked.map((rule) => rule.meta.id).length).toBeGreaterThan(0);
  });
  for (const rule of checked) {
    const dir = join(ROOT, 'fixtures', rule.meta.id);
    for (const file of readdirSync(dir).filter((name) => /^invalid.*\.xml$/.test(name))) {
      it(`${rule.meta.id}/${file}`, () => {
        const { status, output } = crmVerify(join(dir, file));
        expect(status, output).not.toBe(0);
        expect(output).toMatch(rule.meta.crmVerify!);
      });
    }
  }
});
