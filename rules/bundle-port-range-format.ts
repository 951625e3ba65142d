import { defineRule } from '../src/rule.js';
import { parsePortRange } from '../src/cib/ports.js';

/**
 * Pacemaker hands a port-mapping's range to `docker run -p` / `podman run -p` unchecked, and the
 * schema pattern `[0-9-]+` admits `8000-`, `--` and `90-80`: the container runtime then refuses
 * the whole command line and the replica never starts.
 */
export default defineRule({
  meta: {
    id: 'bundle-port-range-format',
    level: 'error',
    description: 'A bundle port-mapping range is first-last with valid ports and first <= last',
    constraint: {
      title: 'range is first_port-last_port',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.8 (range: "first_port-last_port"); Pacemaker lib/pengine/bundle.c passes it to -p as written',
    },
    tags: ['bundle', 'network'],
    messages: {
      malformed: {
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" has range "{{value}}", which is not first-last with two ports 1-65535 and first <= last; the container runtime rejects it and the replicas do not start',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const mapping of bundle.portMappings) {
        const range = mapping.attribute('range');
        if (!range || parsePortRange(range.value)) continue;
        report({
          messageId: 'malformed',
          node: range,
          data: { bundle: bundle.id, mapping: mapping.id ?? '?', value: range.value },
          fix: `pcs resource bundle update ${bundle.id} port-map delete ${mapping.id ?? '<id>'} port-map add range=8000-8010`,
        });
      }
    }
  },
});
