import { defineRule } from '../src/rule.js';

/**
 * A bundle is already a clone of sorts: `replicas` starts several copies and `promoted-max`
 * makes them promotable, through an implicit clone Pacemaker builds itself. Wrapping the bundle
 * in a clone or master is not allowed (the schema rejects it, pcs refuses it).
 */
export default defineRule({
  meta: {
    id: 'bundle-not-cloned',
    level: 'error',
    description: 'Bundles are not inside a clone or master',
    constraint: {
      title: 'Bundles cannot be explicitly cloned',
      source: 'RHEL 7 HA Reference §9.5.3 ("pcs コマンドで明示的にクローン化されていない"; replicas > 1 behaves like a clone); Pacemaker xml/resources-*.rng (element-clone holds a primitive or group)',
    },
    tags: ['bundle', 'resource'],
    crmVerify: /Element (clone|master) (failed to validate content|has extra content: bundle)/,
    messages: {
      cloned: {
        text: 'Bundle "{{bundle}}" is inside {{kind}} "{{clone}}"; bundles cannot be cloned (the schema rejects the CIB): use the bundle\'s replicas and promoted-max instead',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const clone = bundle.element.ancestor('clone', 'master');
      if (!clone) continue;
      const cloneId = clone.id ?? '';
      report({
        messageId: 'cloned',
        node: bundle.element,
        data: { bundle: bundle.id, kind: clone.name, clone: cloneId },
        fix: `Move the bundle out of ${clone.describe()} to <resources> (pcs cluster edit), then set the number of copies on the bundle: pcs resource bundle update ${bundle.id} container replicas=<n>`,
        related: [{ target: clone, message: `${clone.name} "${cloneId}"` }],
      });
    }
  },
});
