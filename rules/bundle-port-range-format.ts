import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, renameAttribute } from '../src/cib/edits.js';
import { parsePort, parsePortRange } from '../src/cib/ports.js';
import type { XmlElement } from '../src/document/xml/element.js';

/**
 * Pacemaker hands a port-mapping's range to `docker run -p` / `podman run -p` unchecked, and the
 * schema pattern `[0-9-]+` admits `8000-`, `--` and `90-80`: the container runtime then refuses
 * the whole command line and the replica never starts. A lone port works (docker and podman
 * publish it, and Pacemaker forwards it like port=): a note that it is a `port` mapping written
 * in the wrong attribute.
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
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" has range "{{value}}", which is not first-last with two ports 1-65535 and first <= last; Pacemaker passes it to docker or podman as written, which refuse it (so the replicas do not start) or, for port 0, publish ports you did not mean',
      },
      singlePort: {
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" has range "{{value}}", a single port rather than first-last; it works (docker and podman publish that port), but it is a port mapping: write port="{{value}}"',
        level: 'note',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const mapping of bundle.portMappings) {
        const range = mapping.attribute('range');
        if (!range || parsePortRange(range.value)) continue;
        const id = mapping.id ?? '?';
        const single = parsePort(range.value);
        const reversed = /^(\d+)-(\d+)$/.exec(range.value);
        const swapped = reversed ? parsePortRange(`${reversed[2]}-${reversed[1]}`) : undefined;
        const replacement =
          single !== undefined ? `port=${single}`
          : swapped ? `range=${swapped.first}-${swapped.last}`
          : 'range=8000-8010 (with your first and last port)';
        report({
          messageId: single === undefined ? 'malformed' : 'singlePort',
          node: range,
          data: { bundle: bundle.id, mapping: id, value: range.value },
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} port-map delete ${idWord(mapping.id)} port-map add ${replacement}`,
          // A lone port is what docker and podman already publish: as port= it means the same.
          ...(single !== undefined && !mapping.has('port') && {
            fixes: [remedy(`Write it as port="${single}"`, [renameAttribute(range, 'port', String(single))], ...portMapCommands(bundle.id, mapping, `port=${single}`))],
          }),
        });
      }
    }
  },
});

/** Deleting the mapping and adding it again under its id with `replacement` (pcs cannot edit one in place). */
function portMapCommands(bundle: string, mapping: XmlElement, replacement: string): Array<string[] | undefined> {
  if (mapping.id === undefined) return [undefined];
  const internal = mapping.attr('internal-port');
  return [bundleUpdate(bundle, 'port-map', 'delete', mapping.id), bundleUpdate(bundle, 'port-map', 'add', `id=${mapping.id}`, replacement, ...(internal === undefined ? [] : [`internal-port=${internal}`]))];
}
