import { EDIT_CIB_FILE } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, removeAttribute } from '../src/cib/edits.js';

/**
 * A storage-mapping says where on the host the container's directory comes from: one fixed
 * directory (`source-dir`) or one subdirectory per replica under a root (`source-dir-root`).
 * The schema requires exactly one, so such a CIB does not validate (and pcs cannot load it: the
 * fix is an edit of the file). Were it loaded, Pacemaker would read source-dir first and ignore
 * source-dir-root beside it, and drop a mapping with neither ("Invalid mount directive").
 */
export default defineRule({
  meta: {
    id: 'bundle-storage-source',
    level: 'error',
    description: 'Each bundle storage-mapping sets exactly one of source-dir and source-dir-root',
    constraint: {
      title: 'A storage-mapping has exactly one of source-dir, source-dir-root',
      source: 'RHEL 7 HA Reference §9.5.1.3, table 9.9 (source-dir, source-dir-root: "1 つだけを指定する必要があります"); Pacemaker xml/resources-*.rng (storage-mapping: a choice of source-dir or source-dir-root); lib/pengine/bundle.c (pe__unpack_bundle)',
    },
    tags: ['bundle', 'storage'],
    messages: {
      noSource: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" has neither source-dir nor source-dir-root; the schema requires one, so Pacemaker refuses the CIB (the scheduler would drop the mapping with "Invalid mount directive", leaving {{target}} unmounted)',
      },
      bothSources: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" sets both source-dir ({{sourceDir}}) and source-dir-root ({{sourceDirRoot}}); the schema allows only one, so Pacemaker refuses the CIB (the scheduler would mount source-dir and ignore source-dir-root)',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const mapping of bundle.storageMappings) {
        const sourceDir = mapping.attribute('source-dir');
        const sourceDirRoot = mapping.attribute('source-dir-root');
        const id = mapping.id ?? '<id>';
        if (!sourceDir && !sourceDirRoot) {
          report({
            messageId: 'noSource',
            node: mapping,
            data: { mapping: id, bundle: bundle.id, target: mapping.attr('target-dir') ?? 'its target' },
            suggestion: `${EDIT_CIB_FILE}: add source-dir="<host directory>" (or source-dir-root="<host directory>") to storage-mapping ${id} of bundle ${bundle.id}`,
          });
        } else if (sourceDir && sourceDirRoot) {
          report({
            messageId: 'bothSources',
            node: sourceDirRoot,
            data: { mapping: id, bundle: bundle.id, sourceDir: sourceDir.value, sourceDirRoot: sourceDirRoot.value },
            // The scheduler mounts source-dir and ignores source-dir-root: without it the CIB validates and does the same.
            fixes: [remedy('Remove source-dir-root, which Pacemaker ignores beside source-dir', [removeAttribute(sourceDirRoot)])],
            suggestion: `${EDIT_CIB_FILE}: delete source-dir-root (or source-dir) from storage-mapping ${id} of bundle ${bundle.id}`,
          });
        }
      }
    }
  },
});
