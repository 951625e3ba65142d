import { defineRule } from '../src/rule.js';

/**
 * `target-dir` is where the host directory appears inside the container; without it there is
 * nothing to mount onto. Pacemaker logs "Invalid mount directive" and drops the mapping, so the
 * containers start without the storage the application expects.
 */
export default defineRule({
  meta: {
    id: 'bundle-storage-target-required',
    level: 'error',
    description: 'Each bundle storage-mapping sets target-dir',
    constraint: {
      title: 'A storage-mapping requires target-dir',
      source: 'RHEL 7 HA Reference §9.5.1.3, table 9.9 (target-dir: "必須"); Pacemaker lib/pengine/bundle.c (pe__unpack_bundle)',
    },
    tags: ['bundle', 'storage'],
    messages: {
      missing: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" has no target-dir; Pacemaker drops it ("Invalid mount directive") and {{source}} is not mounted in the containers',
      },
      empty: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" has an empty target-dir; the container runtime has no path to mount {{source}} on and the containers fail to start',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const mapping of bundle.storageMappings) {
        const target = mapping.attribute('target-dir');
        if (target && target.value.trim() !== '') continue;
        const id = mapping.id ?? '<id>';
        const source = mapping.attr('source-dir') ?? mapping.attr('source-dir-root') ?? 'the host directory';
        report({
          messageId: target ? 'empty' : 'missing',
          node: target ?? mapping,
          data: { mapping: id, bundle: bundle.id, source },
          fix: `pcs resource bundle update ${bundle.id} storage-map delete ${id}, then storage-map add id=${id} ${mapping.has('source-dir-root') ? 'source-dir-root' : 'source-dir'}=${source} target-dir=/path/in/container`,
        });
      }
    }
  },
});
