import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute } from '../src/cib/edits.js';
import { parseBoolean } from '../src/cib/values.js';

/**
 * With ip-range-start, Pacemaker tells the container runtime to add each replica's name and
 * address to /etc/hosts. With add-host true it passes docker/podman's --add-host; with add-host
 * false it passes --hosts-entry, a flag only rkt understands, so docker and podman refuse to
 * start the container.
 */
export default defineRule({
  meta: {
    id: 'bundle-add-host-false',
    level: 'warning',
    description: 'add-host is not false on docker or podman bundles with ip-range-start',
    constraint: {
      title: 'add-host=false makes Pacemaker pass the rkt-only --hosts-entry flag',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.7 (add-host); Pacemaker lib/pengine/bundle.c allocate_ip()',
    },
    tags: ['bundle', 'network'],
    messages: {
      hostsEntry: {
        text: 'Bundle "{{bundle}}" sets add-host="{{value}}" on a {{kind}} container with ip-range-start; Pacemaker then passes --hosts-entry, a flag only rkt knows, and {{kind}} refuses to run the container',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (bundle.containerKind !== 'docker' && bundle.containerKind !== 'podman') continue;
      const attribute = bundle.network?.attribute('add-host');
      if (!attribute || !bundle.network?.has('ip-range-start')) continue;
      if (parseBoolean(attribute.value) !== false) continue;
      report({
        messageId: 'hostsEntry',
        node: attribute,
        data: { bundle: bundle.id, value: attribute.value, kind: bundle.containerKind },
        suggestion: `pcs resource bundle update ${shellWord(bundle.id)} network add-host= (removes it: true is the default; pcs 0.11 accepts add-host=true only with --force)`,
        // With false the container never starts; the default is the only value that works here.
        fixes: [remedy('Remove add-host (the default, true, is what docker and podman can run)', [removeAttribute(attribute)], bundleUpdate(bundle.id, 'network', 'add-host='))],
      });
    }
  },
});
