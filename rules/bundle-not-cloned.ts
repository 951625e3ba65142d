import { EDIT_CIB_FILE, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { parseInteger } from '../src/cib/values.js';

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
    messages: {
      cloned: {
        text: 'Bundle "{{bundle}}" is inside {{kind}} "{{clone}}"; bundles cannot be cloned, so the schema rejects the CIB and Pacemaker refuses it: the bundle\'s replicas and promoted-max make the copies instead',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const clone = bundle.element.ancestor('clone', 'master');
      if (!clone) continue;
      const cloneId = clone.id ?? '';
      // The clone's own clone-max is the number of copies it was meant to run.
      const copies = parseInteger(cib.ownMeta(clone, 'clone-max')?.value) ?? '<n>';
      report({
        messageId: 'cloned',
        node: bundle.element,
        data: { bundle: bundle.id, kind: clone.name, clone: cloneId },
        suggestion: `${EDIT_CIB_FILE}: move bundle ${bundle.id} out of ${clone.describe()} into <resources>, then set the number of copies on the bundle: pcs resource bundle update ${shellWord(bundle.id)} container replicas=${copies}`,
        related: [{ target: clone, message: `${clone.name} "${cloneId}"` }],
      });
    }
  },
});
