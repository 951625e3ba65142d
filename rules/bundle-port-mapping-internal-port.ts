import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute, removeElement, setAttribute } from '../src/cib/edits.js';

/**
 * internal-port renames the single port a mapping forwards; a range is always forwarded to the
 * same ports inside the container. Pacemaker reads internal-port only next to port and ignores
 * it otherwise, and the schema rejects it.
 */
export default defineRule({
  meta: {
    id: 'bundle-port-mapping-internal-port',
    level: 'error',
    description: 'A bundle port-mapping sets internal-port only together with port',
    constraint: {
      title: 'internal-port is allowed only together with port',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.8 (internal-port, range); Pacemaker schema resources-*.rng (port-mapping)',
    },
    tags: ['bundle', 'network'],
    messages: {
      withoutPort: {
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" sets internal-port {{value}} without port; the schema rejects it and Pacemaker ignores it{{rangeNote}}',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const mapping of bundle.portMappings) {
        const internal = mapping.attribute('internal-port');
        if (!internal || mapping.has('port')) continue;
        const range = mapping.attr('range');
        report({
          messageId: 'withoutPort',
          node: internal,
          data: {
            bundle: bundle.id,
            mapping: mapping.id ?? '?',
            value: internal.value,
            rangeNote: range === undefined ? '' : ` (range ${range} is forwarded to the same ports inside the container)`,
          },
          // A range maps to the same ports whatever internal-port says: without it the CIB validates
          // and means the same. Without a range, the host port is the administrator's to choose.
          ...(range === undefined
            ? {
                suggestions: [
                  remedy('Say which host port is forwarded to it', [setAttribute(mapping, 'port', '<host port>')]),
                  remedy('Remove the mapping', [removeElement(mapping)], mapping.id === undefined ? undefined : bundleUpdate(bundle.id, 'port-map', 'delete', mapping.id)),
                ],
              }
            : { fixes: [remedy('Remove internal-port, which a range does not use', [removeAttribute(internal)])] }),
          // The schema rejects it, so pcs cannot load the CIB: the fix is an edit of the XML.
          suggestion:
            range === undefined
              ? `Edit the CIB: add port="<host port>" to port-mapping "${mapping.id ?? '?'}" (forwarded to internal-port ${internal.value}), or remove the mapping`
              : `Edit the CIB: remove internal-port="${internal.value}" from port-mapping "${mapping.id ?? '?'}" (a range always maps to the same ports)`,
        });
      }
    }
  },
});
