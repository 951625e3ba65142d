import { EDIT_CIB_FILE, recreateMappingCommand, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, setAttribute } from '../src/cib/edits.js';
import type { XmlElement } from '../src/document/xml/element.js';

/**
 * `target-dir` is where the host directory appears inside the container; without it there is
 * nothing to mount onto. The schema requires it (the scheduler would drop the mapping with
 * "Invalid mount directive"); an empty one passes the schema and Pacemaker hands docker or podman
 * a mount without a destination, which they refuse.
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
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" has no target-dir; the schema requires one, so Pacemaker refuses the CIB (the scheduler would drop the mapping with "Invalid mount directive", leaving {{source}} unmounted)',
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
          suggestions: [remedy('Say where the directory appears in the container', [setAttribute(mapping, 'target-dir', '<absolute-container-path>')])],
          // Without target-dir the CIB does not validate, and pcs cannot load it.
          suggestion: target
            ? recreateMappingCommand(bundle.id, mapping, { 'target-dir': '<container-path>' })
            : `${EDIT_CIB_FILE}: add target-dir="<container-path>" to storage-mapping ${id} of bundle ${bundle.id}`,
        });
      }
    }
  },
});

