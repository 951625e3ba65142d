import { EDIT_CIB_FILE, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute, renameAttribute } from '../src/cib/edits.js';
import { compareVersions } from '../src/cib/values.js';

const PROMOTED_MAX_SCHEMA = { major: 3, minor: 0 };

/**
 * `masters` is the pre-2.0 name of `promoted-max`: Pacemaker still reads it (with a deprecation
 * warning) and its Pacemaker 3 schema upgrade renames it. The schema offers the two as a choice,
 * so a container carrying both does not validate, and Pacemaker would read only promoted-max.
 */
export default defineRule({
  meta: {
    id: 'bundle-masters-deprecated',
    level: 'error',
    description: 'Bundle containers use promoted-max, not the deprecated masters',
    constraint: {
      title: 'masters is deprecated in favour of promoted-max; the two are mutually exclusive',
      source: 'Pacemaker xml/resources-3.0.rng (choice of masters or promoted-max); lib/pengine/bundle.c ("Support for the masters attribute ... is deprecated"); RHEL 7 HA Reference §9.5.1.1, table 9.6 (promoted-max)',
    },
    tags: ['bundle', 'container', 'deprecated', 'pacemaker3'],
    messages: {
      deprecated: {
        text: 'Bundle "{{bundle}}" sets masters="{{value}}", deprecated since Pacemaker 2.0; use promoted-max (the Pacemaker 3 schema upgrade renames it)',
        level: 'note',
      },
      both: {
        text: 'Bundle "{{bundle}}" sets both masters="{{value}}" and promoted-max="{{promotedMax}}"; the schema allows only one of them, so Pacemaker refuses the CIB (it would read only promoted-max)',
      },
    },
  },
  check({ cib, report }) {
    const version = cib.schemaVersion;
    // promoted-max does not exist before pacemaker-3.0: the rename needs a schema upgrade first.
    const upgradeFirst = version && compareVersions(version, PROMOTED_MAX_SCHEMA) < 0 ? 'pcs cluster cib-upgrade && ' : '';
    for (const bundle of cib.bundles) {
      for (const container of bundle.containers) {
        const masters = container.attribute('masters');
        if (!masters) continue;
        const promotedMax = container.attribute('promoted-max');
        if (promotedMax) {
          report({
            messageId: 'both',
            node: masters,
            data: { bundle: bundle.id, value: masters.value, promotedMax: promotedMax.value },
            // The CIB does not validate, so pcs cannot load it.
            suggestion: `${EDIT_CIB_FILE}: delete masters="${masters.value}" from the <${container.name}> of bundle ${bundle.id}`,
            related: [{ target: promotedMax, message: 'promoted-max set here' }],
            // Pacemaker reads only promoted-max: without masters the CIB says the same and validates.
            fixes: [remedy('Remove masters, which Pacemaker does not read beside promoted-max', [removeAttribute(masters)])],
          });
        } else {
          const rename = [renameAttribute(masters, 'promoted-max')];
          const command = bundleUpdate(bundle.id, 'container', 'masters=', `promoted-max=${masters.value}`);
          report({
            messageId: 'deprecated',
            node: masters,
            data: { bundle: bundle.id, value: masters.value },
            // The same setting under its new name, where the CIB's schema knows that name.
            ...(version && upgradeFirst === ''
              ? { fixes: [remedy('Rename masters to promoted-max', rename, command)] }
              : { suggestions: [remedy('Upgrade the CIB to the newest schema, then rename masters to promoted-max', [], ['pcs', 'cluster', 'cib-upgrade'], command)] }),
            suggestion: `${upgradeFirst}pcs resource bundle update ${shellWord(bundle.id)} container masters= ${shellWord(`promoted-max=${masters.value}`)}`,
          });
        }
      }
    }
  },
});
