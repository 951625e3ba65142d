import { defineRule } from '../src/rule.js';

/**
 * A storage-mapping says where on the host the container's directory comes from: one fixed
 * directory (`source-dir`) or one subdirectory per replica under a root (`source-dir-root`).
 * Pacemaker reads source-dir first and silently ignores source-dir-root beside it; without
 * either it logs "Invalid mount directive" and drops the mapping, so the container starts
 * without the data it expects.
 */
export default defineRule({
  meta: {
    id: 'bundle-storage-source',
    level: 'error',
    description: 'Each bundle storage-mapping sets exactly one of source-dir and source-dir-root',
    constraint: {
      title: 'A storage-mapping has exactly one of source-dir, source-dir-root',
      source: 'RHEL 7 HA Reference §9.5.1.3, table 9.9 (source-dir, source-dir-root: "1 つだけを指定する必要があります"); Pacemaker lib/pengine/bundle.c (pe__unpack_bundle)',
    },
    tags: ['bundle', 'storage'],
    messages: {
      noSource: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" has neither source-dir nor source-dir-root; Pacemaker drops it ("Invalid mount directive") and {{target}} is not mounted in the containers',
      },
      bothSources: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" sets both source-dir ({{sourceDir}}) and source-dir-root ({{sourceDirRoot}}); Pacemaker mounts source-dir and silently ignores source-dir-root',
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
            fix: `pcs resource bundle update ${bundle.id} storage-map delete ${id}, then storage-map add id=${id} source-dir=/host/path target-dir=${mapping.attr('target-dir') ?? '/container/path'}`,
          });
        } else if (sourceDir && sourceDirRoot) {
          report({
            messageId: 'bothSources',
            node: sourceDirRoot,
            data: { mapping: id, bundle: bundle.id, sourceDir: sourceDir.value, sourceDirRoot: sourceDirRoot.value },
            fix: `Keep one source: pcs resource bundle update ${bundle.id} storage-map delete ${id}, then storage-map add id=${id} source-dir=${sourceDir.value} (or source-dir-root=${sourceDirRoot.value}) target-dir=${mapping.attr('target-dir') ?? '/container/path'}`,
          });
        }
      }
    }
  },
});
