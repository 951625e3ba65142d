// The example plugin's own test, as a team would write it: its fixture carries
// `<!-- expect: image-pinned -->` markers, checked with cib-lint's public checkFixture().
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFixture } from 'cib-lint';
import imagePinned from './image-pinned.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

describe('example plugin image-pinned', () => {
  it('reports exactly the marked elements of its fixture', () => {
    const outcome = checkFixture(readFileSync(here('cluster.xml')), 'cluster.xml', [imagePinned]);
    expect(outcome.result.errors).toEqual([]);
    expect(outcome.missing).toEqual([]);
    expect(outcome.unexpected).toEqual([]);
    expect(outcome.expected).toHaveLength(2);
  });

  it('runs from the command line with --plugin', () => {
    const result = spawnSync(process.execPath, [here('../../bin/cib-lint.js'), '--plugin', here('image-pinned.mjs'), here('cluster.xml'), '--format', 'json'], { encoding: 'utf8' });
    const findings = JSON.parse(result.stdout).files[0].findings.filter((finding) => finding.ruleId === 'image-pinned');
    expect(findings.map((finding) => finding.line)).toEqual([8, 12]);
    expect(result.status).toBe(1);
  });
});
