import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { replicaNodeNames } from '../src/cib/bundle-names.js';

/**
 * Each replica of a bundle with a resource becomes a bundle node named `<bundle>-<i>`. Pacemaker
 * looks the name up among the nodes it already knows and, when one exists, adopts it: a cluster
 * node or guest node of that name and the bundle node become one node, so the bundled resource
 * is started on the real machine instead of in the container (crm_simulate shows it), and that
 * machine can no longer host the bundle's containers. `<node type="remote">` entries with that
 * name are fine: they hold the bundle node's own permanent attributes.
 */
export default defineRule({
  meta: {
    id: 'bundle-replica-node-name-collision',
    level: 'error',
    description: 'No cluster node or guest node is named like a bundle replica',
    constraint: {
      title: 'Bundle replica names <bundle>-<n> must not be node names',
      source: 'RHEL 7 HA Reference §9.5.1.2 note (replicas are named <bundle>-<n>); Pacemaker lib/pengine/bundle.c create_remote_resource() (an existing node of that name is reused as the bundle node)',
    },
    tags: ['bundle', 'nodes', 'remote'],
    messages: {
      clusterNode: {
        text: 'Node "{{name}}" has the name Pacemaker gives a replica of bundle "{{bundle}}"; Pacemaker merges the two, so the bundled resource is started on the real node instead of in the container, and that node can no longer host the bundle\'s containers',
      },
      guestNode: {
        text: 'Resource "{{resource}}" makes a guest node named "{{name}}", the name Pacemaker gives a replica of bundle "{{bundle}}"; the guest node and the bundle node become one node',
      },
    },
  },
  check({ cib, report }) {
    const replicas = replicaNodeNames(cib.bundles);
    if (replicas.size === 0) return;
    const bundleAt = (name: string) => {
      const bundle = replicas.get(name)!;
      return { bundle, related: [{ target: bundle.element.attribute('id')!, message: `bundle "${bundle.id}" defined here` }] };
    };

    for (const node of cib.clusterNodes) {
      const uname = node.attribute('uname');
      if (!uname || !replicas.has(uname.value)) continue;
      // A remote node entry of that name is the bundle node itself (its permanent attributes).
      if (node.attr('type')?.toLowerCase() === 'remote') continue;
      const { bundle, related } = bundleAt(uname.value);
      report({
        messageId: 'clusterNode',
        node: uname,
        data: { name: uname.value, bundle: bundle.id },
        suggestion: `Recreate bundle "${bundle.id}" under another name (pcs resource bundle create ...); a cluster node is renamed only by removing and re-adding it`,
        related,
      });
    }

    for (const primitive of cib.primitives) {
      if (cib.bundleOf(primitive)) continue;
      const guest = cib.ownMeta(primitive, 'remote-node');
      if (!guest || !replicas.has(guest.value)) continue;
      const { bundle, related } = bundleAt(guest.value);
      report({
        messageId: 'guestNode',
        node: guest.attribute ?? guest.nvpair,
        data: { resource: primitive.id ?? '', name: guest.value, bundle: bundle.id },
        // pcs 0.11 refuses to change remote-node through `resource meta`; add-guest sets it.
        suggestion: `pcs cluster node remove-guest ${shellWord(guest.value)} && pcs cluster node add-guest <another name> ${idWord(primitive.id, '<resource>')} (add remote-addr=... if the guest is not reachable under the new name), or recreate bundle "${bundle.id}" under another name`,
        related,
      });
    }
  },
});
