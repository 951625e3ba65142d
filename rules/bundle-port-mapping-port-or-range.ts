import { defineRule } from '../src/core/rule.js';

/**
 * A port-mapping forwards either one port or a range, and the schema allows exactly one. When a
 * CIB escapes validation, Pacemaker reads `port` first and ignores `range`, and with neither
 * logs "Invalid port directive" and drops the mapping.
 */
export default defineRule({
  meta: {
    id: 'bundle-port-mapping-port-or-range',
    level: 'error',
    description: 'Each bundle port-mapping sets exactly one of port and range',
    constraint: {
      title: 'A port-mapping must specify exactly one of port or range',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.8 ("port または range のうち 1 つだけをポートマッピングに指定する必要があります"); Pacemaker schema resources-*.rng',
    },
    tags: ['bundle', 'network'],
    messages: {
      neither: {
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" sets neither port nor range; the schema rejects the CIB, and without validation Pacemaker drops the mapping as an "Invalid port directive"',
      },
      both: {
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" sets both port {{port}} and range {{range}}; the schema rejects the CIB, and without validation Pacemaker forwards only port {{port}} and ignores the range',
      },
    },
  },
  check({ cib, report }) {
    // The schema rejects both cases, and pcs cannot load a CIB that fails the schema: the fix is
    // an edit of the XML itself.
    for (const bundle of cib.bundles) {
      for (const mapping of bundle.portMappings) {
        const port = mapping.attribute('port');
        const range = mapping.attribute('range');
        const id = mapping.id ?? '?';
        const data = { bundle: bundle.id, mapping: id, port: port?.value ?? '', range: range?.value ?? '' };
        if (!port && !range) {
          report({
            messageId: 'neither',
            node: mapping,
            data,
            suggestion: `Edit the CIB: give port-mapping "${id}" a port="<host port>" or a range="<first>-<last>", or remove it (pcs cannot load a CIB the schema rejects)`,
          });
        } else if (port && range) {
          report({
            messageId: 'both',
            node: range,
            data,
            suggestion: `Edit the CIB: remove range="${range.value}" from port-mapping "${id}" and add <port-mapping id="${id}-range" range="${range.value}"/> next to it (pcs cannot load a CIB the schema rejects)`,
          });
        }
      }
    }
  },
});
