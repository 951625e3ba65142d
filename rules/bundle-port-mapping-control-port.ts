import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeElement } from '../src/cib/edits.js';
import { mappedHostPorts, type PortRange } from '../src/cib/ports.js';

/**
 * For a bundle with a resource, Pacemaker publishes the control port (3121 unless control-port
 * says otherwise) itself. A port-mapping of the same port makes it pass `-p` for that port
 * twice: redundant at best, and a second binding of one host port the runtime may refuse.
 */
export default defineRule({
  meta: {
    id: 'bundle-port-mapping-control-port',
    level: 'warning',
    description: 'Bundles with a resource do not port-map their control port themselves',
    constraint: {
      title: 'Pacemaker maps the control port automatically; port-mappings must not repeat it',
      source: 'RHEL 7 HA Reference §9.5.1.2, note after table 9.8 ("Pacemaker は自動的に control-port をマッピングします"); Pacemaker lib/pengine/bundle.c pe__unpack_bundle()',
    },
    tags: ['bundle', 'network', 'remote'],
    messages: {
      duplicate: {
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" covers the control port {{port}}{{unsetNote}}, which Pacemaker already publishes for Pacemaker Remote; the port is then published twice',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.connectsRemote) continue;
      // Mappings of a host-networked bundle without addresses are dropped: bundle-port-mapping-host-network.
      if (bundle.usesHostNetwork && !bundle.network?.has('ip-range-start')) continue;
      const port = bundle.effectiveControlPort;
      for (const mapping of bundle.portMappings) {
        const ports = mappedHostPorts(mapping);
        if (!ports || port < ports.first || port > ports.last) continue;
        report({
          messageId: 'duplicate',
          node: mapping.attribute('port') ?? mapping.attribute('range'),
          data: {
            bundle: bundle.id,
            mapping: mapping.id ?? '?',
            port,
            unsetNote: bundle.network?.has('control-port') ? '' : ' (the default, control-port is unset)',
          },
          ...(mapping.has('port') && {
            suggestions: [remedy('Remove the mapping of the control port, which Pacemaker maps itself', [removeElement(mapping)], mapping.id === undefined ? undefined : bundleUpdate(bundle.id, 'port-map', 'delete', mapping.id))],
          }),
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} port-map delete ${idWord(mapping.id)}${mapping.has('port') ? '' : rangeAround(ports, port)}`,
        });
      }
    }
  },
});

/** pcs arguments that map the rest of a range once the control port is cut out of it. */
function rangeAround({ first, last }: PortRange, port: number): string {
  const pieces: [number, number][] = [
    [first, port - 1],
    [port + 1, last],
  ];
  return pieces
    .filter(([from, to]) => from <= to)
    .map(([from, to]) => (from === to ? ` port-map add port=${from}` : ` port-map add range=${from}-${to}`))
    .join('');
}
