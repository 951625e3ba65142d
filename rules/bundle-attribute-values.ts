import { defineRule } from '../src/rule.js';
import type { XmlAttribute } from '../src/xml/element.js';
import { parseBoolean, parseInteger } from '../src/cib/values.js';
import { MAX_PORT, MIN_PORT, parsePort } from '../src/cib/ports.js';

/** Container counts and the smallest value Pacemaker's pcmk__scan_min_int() lets through. */
const COUNT_MINIMUMS: Record<string, number> = { replicas: 1, 'replicas-per-host': 1, 'promoted-max': 0, masters: 0 };

/**
 * What Pacemaker actually uses for a count: strtoll() reads a leading integer (ignoring what
 * follows), text without one falls back to the minimum, and anything below is clipped to it.
 */
function countPacemakerUses(value: string, minimum: number): number {
  const leading = /^\s*([+-]?\d+)/.exec(value);
  const parsed = leading ? Number.parseInt(leading[1]!, 10) : minimum;
  return Math.max(parsed, minimum);
}

/**
 * The schema types these attributes as bare integers (or a boolean), so it lets through zero,
 * negative counts and ports beyond 65535. Pacemaker clips bad counts without a word (only -VV
 * shows it), hands ports and the netmask unchecked to docker/podman and IPaddr2, which then fail,
 * and silently reads an unparsable add-host as true.
 */
export default defineRule({
  meta: {
    id: 'bundle-attribute-values',
    level: 'error',
    description: 'Bundle counts, ports, netmask and add-host hold values Pacemaker can use',
    constraint: {
      title: 'replicas and replicas-per-host >= 1, promoted-max >= 0, ports in 1..65535, host-netmask in 1..32, add-host a boolean',
      source: 'RHEL 7 HA Reference §9.5.1.1-9.5.1.2, tables 9.6, 9.7, 9.8 ("正の整数", CIDR netmask, TCP port); pe__unpack_bundle() in Pacemaker lib/pengine/bundle.c (pcmk__scan_min_int, crm_str_to_boolean)',
    },
    tags: ['bundle', 'container', 'network'],
    messages: {
      count: {
        text: 'Bundle "{{bundle}}" sets {{attribute}}="{{value}}", which is not an integer of at least {{minimum}}; Pacemaker silently uses {{used}} instead',
      },
      port: {
        text: 'Bundle "{{bundle}}" sets {{attribute}}="{{value}}"{{where}}, which is not a TCP port ({{min}} to {{max}}); {{effect}}',
      },
      netmask: {
        text: 'Bundle "{{bundle}}" sets host-netmask="{{value}}", which is not a prefix length from 1 to 32; Pacemaker passes it unchecked as cidr_netmask to the IPaddr2 resources of the replica addresses, which cannot use it',
      },
      boolean: {
        text: 'Bundle "{{bundle}}" sets add-host="{{value}}", which is not a boolean (true/false, yes/no, on/off, 1/0); Pacemaker silently treats it as true',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const update = `pcs resource bundle update ${bundle.id}`;
      for (const container of bundle.containers) {
        for (const [attribute, minimum] of Object.entries(COUNT_MINIMUMS)) {
          const node = container.attribute(attribute);
          if (!node) continue;
          const number = parseInteger(node.value);
          if (number !== undefined && number >= minimum) continue;
          const used = countPacemakerUses(node.value, minimum);
          report({
            messageId: 'count',
            node,
            data: { bundle: bundle.id, attribute, value: node.value, minimum, used },
            fix: attribute === 'masters' ? `${update} container masters= promoted-max=${used}` : `${update} container ${attribute}=${used}`,
          });
        }
      }

      const reportPort = (node: XmlAttribute | undefined, where: string, effect: string, fix: string): void => {
        if (!node || parsePort(node.value) !== undefined) return;
        report({
          messageId: 'port',
          node,
          data: { bundle: bundle.id, attribute: node.name, value: node.value, where, min: MIN_PORT, max: MAX_PORT, effect },
          fix,
        });
      };

      const network = bundle.network;
      if (!network) continue;
      reportPort(
        network.attribute('control-port'),
        '',
        'Pacemaker passes it unchecked to Pacemaker Remote and its connection resources, so the cluster cannot reach the containers',
        `${update} network control-port=3121`,
      );
      const netmask = network.attribute('host-netmask');
      const prefix = parseInteger(netmask?.value);
      if (netmask && (prefix === undefined || prefix < 1 || prefix > 32)) {
        report({ messageId: 'netmask', node: netmask, data: { bundle: bundle.id, value: netmask.value }, fix: `${update} network host-netmask=24` });
      }
      const addHost = network.attribute('add-host');
      if (addHost && parseBoolean(addHost.value) === undefined) {
        report({ messageId: 'boolean', node: addHost, data: { bundle: bundle.id, value: addHost.value }, fix: `${update} network add-host= (removes it: the default is true; pcs does not set add-host itself)` });
      }

      const runtime = bundle.containerKind ?? 'the container runtime';
      for (const mapping of bundle.portMappings) {
        const id = mapping.id ?? '<id>';
        const anyPort = `<${MIN_PORT}-${MAX_PORT}>`;
        const internal = mapping.has('internal-port') ? ` internal-port=${parsePort(mapping.attr('internal-port')) ?? anyPort}` : '';
        const fix = `${update} port-map delete ${id} port-map add id=${id} port=${parsePort(mapping.attr('port')) ?? anyPort}${internal}`;
        const effect = `Pacemaker passes it unchecked to "${runtime} run -p", which refuses it, so no replica can start`;
        const port = mapping.attribute('port');
        const dropped = 'Pacemaker reports "Invalid port directive" and ignores the mapping';
        reportPort(port, ` on port-mapping "${id}"`, port?.value === '' ? dropped : effect, fix);
        reportPort(mapping.attribute('internal-port'), ` on port-mapping "${id}"`, effect, fix);
      }
    }
  },
});
