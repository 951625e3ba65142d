import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute, setAttribute } from '../src/cib/edits.js';
import type { ContainerFlag } from '../src/cib/container-options.js';
import type { Bundle } from '../src/cib/model.js';

const NETWORK_FLAGS = new Set(['--net', '--network']);
const HOSTNAME_FLAGS = new Set(['-h', '--hostname']);
const ENV_FLAGS = new Set(['-e', '--env', '--environment']);
const PUBLISH_FLAGS = new Set(['-p', '--publish']);

/** Does a `-p` value (`[ip:]host:container[/proto]`, ports or ranges) involve this port? */
function publishes(value: string, port: number): boolean {
  const match = /(?:(\d+)(?:-(\d+))?:)?(\d+)(?:-(\d+))?$/.exec(value.replace(/\/\w+$/, ''));
  if (!match) return false;
  const covers = (first?: string, last?: string): boolean =>
    first !== undefined && Number(first) <= port && port <= Number(last ?? first);
  return covers(match[1], match[2]) || covers(match[3], match[4]);
}

interface Conflict {
  flag: ContainerFlag;
  generated: string;
  effect: string;
}

/** The flags of `options` that repeat or fight one Pacemaker puts on the same command line. */
function conflicts(bundle: Bundle): Conflict[] {
  const found: Conflict[] = [];
  const network = bundle.containerAttr('network');
  const port = bundle.effectiveControlPort;
  const hasAddresses = bundle.network?.has('ip-range-start') === true;
  const mapsControlPort = bundle.hasResource && bundle.containerKind !== 'rkt' && (hasAddresses || network !== 'host');
  for (const flag of bundle.containerOptions) {
    const { flag: name, value } = flag;
    if (NETWORK_FLAGS.has(name) && network !== undefined) {
      found.push({ flag, generated: `--net=${network} (from the container's network attribute)`, effect: 'the container gets two network settings and the result depends on the container engine' });
    } else if (HOSTNAME_FLAGS.has(name) && hasAddresses) {
      found.push({ flag, generated: `-h ${bundle.id}-<n> for every replica (ip-range-start is set)`, effect: 'the replica hostname no longer matches the name Pacemaker maps to its address' });
    } else if (name === '--restart' && (bundle.containerKind === 'docker' || (value ?? '').toLowerCase() !== 'no')) {
      const generated = bundle.containerKind === 'docker' ? '--restart=no' : 'no restart policy (Pacemaker restarts containers itself)';
      found.push({ flag, generated, effect: 'a restart policy makes the container engine restart containers behind the cluster\'s back' });
    } else if (ENV_FLAGS.has(name) && value !== undefined && (value === 'PCMK_remote_port' || value.startsWith('PCMK_remote_port='))) {
      found.push({ flag, generated: `-e PCMK_remote_port=${port}`, effect: 'Pacemaker Remote inside may listen on a port the cluster does not connect to; set control-port instead' });
    } else if (PUBLISH_FLAGS.has(name) && mapsControlPort && value !== undefined && publishes(value, port)) {
      found.push({ flag, generated: `-p for the control port ${port}`, effect: 'the port is published twice and the container fails to start' });
    }
  }
  return found;
}

/**
 * The options without the given flags, for a fix that can be pasted. Only plain options (no
 * quotes or backslashes) are rewritten word by word; undefined otherwise.
 */
function optionsWithout(options: string, flags: ContainerFlag[]): string | undefined {
  if (/['"\\]/.test(options)) return undefined;
  const words = options.trim().split(/\s+/);
  for (const { flag, value } of flags) {
    const joined = value === undefined ? [flag] : [`${flag}=${value}`, `${flag}${value}`];
    const index = words.findIndex((word, i) => joined.includes(word) || (value !== undefined && word === flag && words[i + 1] === value));
    if (index < 0) return undefined;
    words.splice(index, words[index] === flag && value !== undefined ? 2 : 1);
  }
  return words.join(' ');
}

/**
 * Pacemaker builds the docker/podman command line itself and appends the container's `options`
 * to it: network, hostname, restart policy, the Pacemaker Remote port and its publication come
 * first. Repeating them in `options` gives the engine two conflicting values (or publishes a
 * port twice), which it either rejects or resolves differently from what Pacemaker expects.
 */
export default defineRule({
  meta: {
    id: 'bundle-container-options-conflict',
    level: 'warning',
    description: 'Container options do not repeat flags Pacemaker passes to docker/podman itself',
    constraint: {
      title: 'Container options must not set --net, -h, --restart, the control port or PCMK_remote_port',
      source: 'RHEL 7 HA Reference §9.5.1.1 table 9.6 (options, network), §9.5.1.2 table 9.7 (control-port: PCMK_remote_port is ignored for bundles) and note after table 9.8; Pacemaker lib/pengine/bundle.c create_container_resource()',
    },
    tags: ['bundle', 'container'],
    messages: {
      duplicateFlag: {
        text: 'Bundle "{{bundle}}" passes "{{flag}}" in its container options, but Pacemaker already generates {{generated}}; {{effect}}',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const options = bundle.container?.attribute('options');
      if (!options) continue;
      const found = conflicts(bundle);
      // One fix for all conflicts of the bundle: applying it once settles every finding.
      const rest = optionsWithout(options.value, found.map((conflict) => conflict.flag));
      const update = `pcs resource bundle update ${shellWord(bundle.id)} container options=`;
      for (const { flag, generated, effect } of found) {
        const written = flag.value === undefined ? flag.flag : `${flag.flag} ${flag.value}`;
        report({
          messageId: 'duplicateFlag',
          node: options,
          data: { bundle: bundle.id, flag: written, generated, effect },
          // Which value was meant (the flag's or Pacemaker's) is for the administrator to say.
          ...(rest !== undefined && {
            suggestions: [remedy('Remove the flags Pacemaker passes itself from the options', [rest === '' ? removeAttribute(options) : setAttribute(options.owner, 'options', rest)], bundleUpdate(bundle.id, 'container', `options=${rest}`))],
          }),
          suggestion: rest === undefined ? `Remove "${written}" from the options: ${update}'<the other options>'` : `${update}${shellWord(rest)}`,
        });
      }
    }
  },
});
