// The seed document's own example (RHEL 7 HA reference §9.5.4), built with real `pcs -f` from
// `cibadmin --empty`: clean as pcs writes it, then broken the two ways the catalog describes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { available, HAS_PCS } from './tools.js';

const run = available('pcs and cibadmin (Debian packages pcs, pacemaker-cli-utils)', HAS_PCS);

function pcs(cib: string, ...args: string[]): void {
  execFileSync('pcs', ['-f', cib, ...args], { stdio: 'pipe' });
}

function errorRules(cib: string): string[] {
  const json = JSON.parse(runCli([cib, '--format', 'json']).stdout);
  return [...new Set<string>(json.files[0].findings.filter((f: { level: string }) => f.level === 'error').map((f: { ruleId: string }) => f.ruleId))].sort();
}

function ruleIds(cib: string): Map<string, number> {
  const json = JSON.parse(runCli([cib, '--format', 'json']).stdout);
  const counts = new Map<string, number>();
  for (const finding of json.files[0].findings as { ruleId: string }[]) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/** Rule ids whose finding count grew from `before` to `after`. */
function added(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([id, count]) => count > (before.get(id) ?? 0)).map(([id]) => id).sort();
}

describe.runIf(run)('a CIB built with real pcs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cib-lint-pcs-'));
  const cib = join(dir, 'tmp-cib.xml');
  writeFileSync(cib, execFileSync('cibadmin', ['--empty'], { encoding: 'utf8' }));
  pcs(cib, 'stonith', 'create', 'fence-ipmi', 'fence_ipmilan', 'ip=10.0.0.1', '--force');
  pcs(
    cib, 'resource', 'bundle', 'create', 'httpd-bundle',
    'container', 'docker', 'image=pcmktest:http', 'replicas=3', 'options=--log-driver=journald',
    'network', 'ip-range-start=192.168.122.131', 'host-interface=eth0', 'host-netmask=24',
    'port-map', 'id=httpd-port', 'port=80',
    'storage-map', 'id=httpd-root', 'source-dir-root=/var/local/containers', 'target-dir=/var/www/html', 'options=rw',
  );
  pcs(cib, 'resource', 'create', 'httpd', 'ocf:heartbeat:apache', 'statusurl=http://localhost/server-status', 'bundle', 'httpd-bundle', '--force');
  const clean = ruleIds(cib);

  it('lints the seed example without errors', () => {
    expect(errorRules(cib)).toEqual([]);
  });

  it('finds the missing ip-range-start (pcs needs --force for it)', () => {
    const broken = join(dir, 'no-ip-range.xml');
    writeFileSync(broken, execFileSync('cat', [cib]));
    pcs(broken, 'resource', 'bundle', 'update', 'httpd-bundle', 'network', 'ip-range-start=', '--force');
    expect(added(clean, ruleIds(broken)).filter((id) => id.startsWith('bundle-resource') || id === 'bundle-control-port-replicas-per-host')).toEqual([
      'bundle-resource-needs-ip-range-or-control-port',
    ]);
    expect(errorRules(broken)).toContain('bundle-resource-needs-ip-range-or-control-port');
  });

  it('finds replicas-per-host=2 with control-port on host networking (pcs accepts it)', () => {
    const broken = join(dir, 'host-network.xml');
    writeFileSync(broken, execFileSync('cat', [cib]));
    pcs(broken, 'resource', 'bundle', 'update', 'httpd-bundle', 'container', 'network=host', 'replicas-per-host=2', 'network', 'ip-range-start=', 'control-port=3125');
    const errors = errorRules(broken);
    expect(errors).toContain('bundle-control-port-replicas-per-host');
    expect(errors).not.toContain('bundle-resource-needs-ip-range-or-control-port');
  });
});
