import { defineRule } from '../src/core/rule.js';

/**
 * rkt is a dead project; Pacemaker deprecated rkt bundles in 2.1.8, and the schema upgrade of
 * Pacemaker 3 (to pacemaker-4.0) removes an rkt bundle from the CIB together with every
 * constraint that refers to it, so the service silently disappears on upgrade.
 */
export default defineRule({
  meta: {
    id: 'bundle-rkt-unsupported',
    level: 'error',
    description: 'Bundles do not use the deprecated rkt container type',
    constraint: {
      title: 'rkt bundles are deprecated and dropped by the Pacemaker 3 schema upgrade',
      source: 'Pacemaker 2.1.8 release notes (rkt deprecated); Pacemaker 3.0.0 upgrade-3.10-*.xsl (drops rkt bundles and their constraints); lib/pengine/bundle.c ("Support for rkt in bundles ... is deprecated")',
    },
    tags: ['bundle', 'container', 'deprecated', 'pacemaker3'],
    // On a cluster that runs Pacemaker 3 the bundle is already gone: no longer a deprecation.
    levelFor: (pacemaker) => (pacemaker.isPacemaker3 ? 'error' : undefined),
    messages: {
      rkt: {
        text: 'Bundle "{{bundle}}" uses an rkt container, deprecated since Pacemaker 2.1.8; upgrading the CIB to Pacemaker 3 deletes this bundle and every constraint on it',
        level: 'warning',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const container of bundle.containers) {
        if (container.name !== 'rkt') continue;
        report({
          messageId: 'rkt',
          node: container,
          data: { bundle: bundle.id },
          suggestion: `Rename the <rkt> element of bundle ${bundle.id} to <podman> (or <docker>) with pcs cluster edit; pcs cannot change a bundle's container type, and the image must run under podman`,
        });
      }
    }
  },
});
