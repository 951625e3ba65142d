// Where Pacemaker itself catches what a rule catches (crm-verify-expectations.ts), real crm_verify
// must report each of the rule's invalid fixtures with that message: Pacemaker agrees with us.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ROOT } from '../helpers.js';
import { CRM_VERIFY_SAYS } from './crm-verify-expectations.js';
import { available, HAS_CRM_VERIFY } from './tools.js';

const run = available('crm_verify (Debian package pacemaker-cli-utils)', HAS_CRM_VERIFY);
const checked = builtinRules.filter((rule) => CRM_VERIFY_SAYS[rule.meta.id] !== undefined);

export function crmVerify(file: string): { status: number | null; output: string } {
  const result = spawnSync('crm_verify', ['--xml-file', file, '-V'], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe.runIf(run)('crm_verify agrees with the rules that declare what it says', () => {
  it('names only rules that exist', () => {
    expect(checked.map((rule) => rule.meta.id).sort()).toEqual(Object.keys(CRM_VERIFY_SAYS).sort());
  });
  for (const rule of checked) {
    const dir = join(ROOT, 'fixtures', rule.meta.id);
    for (const file of readdirSync(dir).filter((name) => /^invalid.*\.xml$/.test(name) && !name.endsWith('.fixed.xml'))) {
      it(`${rule.meta.id}/${file}`, () => {
        const { status, output } = crmVerify(join(dir, file));
        expect(status, output).not.toBe(0);
        expect(output).toMatch(CRM_VERIFY_SAYS[rule.meta.id]!);
      });
    }
  }
});
