// Bundles built by real `pcs -f` with the option combinations pcs accepts for a working bundle
// must lint without errors: cib-lint is stricter than pcs only where the catalog says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { available, HAS_PCS } from './tools.js';

const run = available('pcs and cibadmin (Debian packages pcs, pacemaker-cli-utils)', HAS_PCS);

interface Combination {
  name: string;
  container: string[];
  network: string[];
  portMaps?: string[][];
  storageMaps?: string[][];
  meta?: string[];
  /** The agent of the resource inside, if any. */
  resource?: string;
}

/**
 * One option varied at a time from a working base, then a few bundles using many options at once.
 * Each bundle gets its own control port and address range, as a real cluster's bundles would.
 */
function combinations(): Combination[] {
  const list: Combination[] = [];
  let port = 3121;
  let subnet = 10;
  const ipNetwork = (): string[] => [`ip-range-start=192.168.${subnet++}.10`, 'host-netmask=24'];
  const hostNetwork = (): string[] => [`control-port=${port++}`];
  for (const engine of ['docker', 'podman', 'rkt']) {
    list.push({ name: `${engine}-plain`, container: [engine, 'image=registry:5000/tool'], network: [] });
    list.push({ name: `${engine}-ip`, container: [engine, 'image=pcmktest:http', 'replicas=3'], network: ipNetwork(), resource: 'ocf:heartbeat:apache' });
  }
  list.push({ name: 'host-network', container: ['podman', 'image=localhost/db', 'replicas=3', 'network=host'], network: hostNetwork(), resource: 'ocf:heartbeat:galera' });
  list.push({ name: 'host-options', container: ['docker', 'image=localhost/db', 'replicas=2', 'options=--net=host --log-driver=journald'], network: hostNetwork(), resource: 'ocf:pacemaker:Dummy' });
  list.push({ name: 'per-host', container: ['docker', 'image=pcmktest:http', 'replicas=4', 'replicas-per-host=2'], network: [...ipNetwork(), 'host-interface=eth0'], resource: 'ocf:pacemaker:Dummy' });
  list.push({ name: 'ip-and-port', container: ['docker', 'image=pcmktest:http', 'replicas=2'], network: [...ipNetwork(), `control-port=${port++}`], resource: 'ocf:pacemaker:Dummy' });
  list.push({ name: 'promoted-bundle', container: ['podman', 'image=localhost/redis', 'replicas=3', 'promoted-max=1', 'network=host'], network: hostNetwork(), resource: 'ocf:pacemaker:Stateful' });
  list.push({ name: 'port-maps', container: ['docker', 'image=pcmktest:http', 'replicas=2'], network: ipNetwork(), portMaps: [['port=80'], ['port=8443', 'internal-port=443'], ['range=9000-9010']], resource: 'ocf:heartbeat:apache' });
  list.push({
    name: 'storage-maps',
    container: ['docker', 'image=pcmktest:http', 'replicas=2'],
    network: ipNetwork(),
    storageMaps: [['source-dir=/srv/shared', 'target-dir=/srv/shared', 'options=ro'], ['source-dir-root=/var/local/containers', 'target-dir=/var/www/html', 'options=rw']],
    resource: 'ocf:heartbeat:apache',
  });
  list.push({ name: 'meta-bundle', container: ['docker', 'image=pcmktest:http'], network: ipNetwork(), meta: ['target-role=Started', 'priority=10', 'container-attribute-target=host'], resource: 'ocf:pacemaker:Dummy' });
  list.push({
    name: 'full-bundle',
    container: ['podman', 'image=pcmktest:http', 'replicas=3', 'replicas-per-host=1', 'run-command=/usr/sbin/pacemaker-remoted', 'options=--log-driver=journald'],
    network: [...ipNetwork(), 'host-interface=eth0', `control-port=${port++}`],
    portMaps: [['port=80']],
    storageMaps: [['source-dir-root=/var/local/containers', 'target-dir=/var/www/html']],
    meta: ['target-role=Started'],
    resource: 'ocf:heartbeat:apache',
  });
  return list;
}

describe.runIf(run)('bundles as pcs creates them', () => {
  it('lint without errors, for every option combination', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cib-lint-pcs-combos-'));
    const cib = join(dir, 'tmp-cib.xml');
    writeFileSync(cib, execFileSync('cibadmin', ['--empty'], { encoding: 'utf8' }));
    const pcs = (...args: string[]) => execFileSync('pcs', ['-f', cib, ...args], { stdio: 'pipe' });
    pcs('stonith', 'create', 'fence-ipmi', 'fence_ipmilan', 'ip=10.0.0.1', '--force');
    const built: string[] = [];
    for (const combo of combinations()) {
      const args = ['resource', 'bundle', 'create', combo.name, 'container', ...combo.container];
      if (combo.network.length > 0) args.push('network', ...combo.network);
      combo.portMaps?.forEach((map, index) => args.push('port-map', `id=${combo.name}-port-${index}`, ...map));
      combo.storageMaps?.forEach((map, index) => args.push('storage-map', `id=${combo.name}-storage-${index}`, ...map));
      if (combo.meta) args.push('meta', ...combo.meta);
      try {
        pcs(...args);
        if (combo.resource) pcs('resource', 'create', `${combo.name}-rsc`, combo.resource, 'bundle', combo.name, '--force');
        built.push(combo.name);
      } catch (error) {
        // pcs refusing a combination means it is not one "pcs accepts": record it, do not lint it.
        process.stderr.write(`pcs refused ${combo.name}: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}\n`);
      }
    }
    expect(built).toEqual(combinations().map((combo) => combo.name));
    const json = JSON.parse(runCli([cib, '--format', 'json']).stdout);
    const errors = json.files[0].findings
      .filter((finding: { level: string }) => finding.level === 'error')
      .map((finding: { ruleId: string; message: string }) => `${finding.ruleId}: ${finding.message}`);
    expect(errors).toEqual([]);
  });
});
