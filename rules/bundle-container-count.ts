import { defineRule } from '../src/rule.js';

/**
 * A bundle is a container plus what runs in it: without a container element Pacemaker cannot
 * unpack the bundle at all and drops it; with several, the schema rejects the CIB and Pacemaker
 * picks one by its own precedence (docker, then rkt, then podman), not by document order, so the
 * container that runs may not be the one the author looked at.
 */
/** The order pe__unpack_bundle() looks for a container element in. */
const UNPACK_PRECEDENCE = ['docker', 'rkt', 'podman'] as const;

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
        text: 'Bundle "{{bundle}}" has no container element (docker, podman or rkt); Pacemaker cannot unpack it and ignores the whole bundle',
      },
      extra: {
        text: 'Bundle "{{bundle}}" has a second container element <{{kind}}>; the schema allows exactly one, and Pacemaker would run the <{{used}}> one (it prefers docker, then rkt, then podman)',
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
          fix: `Add one container element with pcs cluster edit, e.g. <podman image="<registry/image:tag>"/> inside bundle ${bundle.id} (pcs cannot add a container to an existing bundle)`,
        });
        continue;
      }
      const used = UNPACK_PRECEDENCE.find((kind) => bundle.containers.some((container) => container.name === kind))!;
      for (const extra of extras) {
        report({
          messageId: 'extra',
          node: extra,
          data: { bundle: bundle.id, kind: extra.name, used },
          fix: `Delete the extra <${extra.name}> element with pcs cluster edit, keeping the one container the bundle should run`,
          related: [{ target: first, message: `first container of bundle "${bundle.id}"` }],
        });
      }
    }
  },
});
