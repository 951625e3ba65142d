import { EDIT_CIB_FILE } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, removeElement } from '../src/cib/edits.js';

/** The order pe__unpack_bundle() looks for a container element in. */
const UNPACK_PRECEDENCE = ['docker', 'rkt', 'podman'] as const;

/**
 * A bundle is a container plus what runs in it: without a container element Pacemaker cannot
 * unpack the bundle at all and drops it; with several, the schema rejects the CIB, and Pacemaker
 * would pick one by its own precedence (docker, then rkt, then podman), not by document order, so
 * the container that runs may not be the one the author looked at. Either way the CIB does not
 * validate, so pcs cannot load it: the fix is an edit of the file.
 */
export default defineRule({
  meta: {
    id: 'bundle-container-count',
    level: 'error',
    description: 'A bundle has exactly one container element (docker, podman or rkt)',
    constraint: {
      title: 'A bundle holds exactly one docker, podman or rkt element',
      source: 'RHEL 7 HA Reference §9.5.1 (pcs resource bundle create ... container docker ...); Pacemaker xml/resources-*.rng (element-bundle: a choice of one container); pe__unpack_bundle() in lib/pengine/bundle.c',
    },
    tags: ['bundle', 'container', 'schema'],
    messages: {
      missing: {
        text: 'Bundle "{{bundle}}" has no container element (docker, podman or rkt); the schema requires one, and Pacemaker cannot unpack the bundle and leaves it out of the cluster',
      },
      extra: {
        text: 'Bundle "{{bundle}}" has more than one container element, and this <{{kind}}> is one too many: the schema allows exactly one, so Pacemaker refuses the CIB (it would run only the first <{{used}}>, looking for docker, then rkt, then podman)',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const [first, ...extras] = bundle.containers;
      if (!first) {
        report({
          messageId: 'missing',
          node: bundle.element,
          data: { bundle: bundle.id },
          suggestions: [remedy('Add the container the bundle runs', [{ kind: 'addElement', parent: bundle.element, element: { name: 'podman', attributes: { image: '<registry/image:tag>' } } }])],
          suggestion: `${EDIT_CIB_FILE}: add one container element to bundle ${bundle.id}, e.g. <podman image="<registry/image:tag>"/>`,
        });
        continue;
      }
      const used = UNPACK_PRECEDENCE.find((kind) => bundle.containers.some((container) => container.name === kind))!;
      for (const extra of extras) {
        report({
          messageId: 'extra',
          node: extra,
          data: { bundle: bundle.id, kind: extra.name, used },
          suggestion: `${EDIT_CIB_FILE}: keep the one container bundle ${bundle.id} should run and delete the others`,
          related: [{ target: first, message: `first container of bundle "${bundle.id}"` }],
          // Which container the bundle should run is the author's choice: each can be removed.
          suggestions: [remedy(`Remove this <${extra.name}>`, [removeElement(extra)]), remedy(`Keep this <${extra.name}> and remove the first <${first.name}>`, [removeElement(first)])],
        });
      }
    }
  },
});
