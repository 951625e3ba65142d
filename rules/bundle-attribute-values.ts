import { EDIT_CIB_FILE, idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';
import type { XmlAttribute } from '../src/document/xml/element.js';
import { parseBoolean, parseInteger } from '../src/cib/values.js';
import { MAX_PORT, MIN_PORT, parsePort } from '../src/cib/ports.js';
import { DEFAULT_REMOTE_PORT } from '../src/cib/model.js';

/** Container counts and the smallest value Pacemaker's pcmk__scan_min_int() lets through. */
const COUNT_MINIMUMS: Record<string, number> = { replicas: 1, 'replicas-per-host': 1, 'promoted-max': 0, masters: 0 };

/**
 * What Pacemaker reads from a count: strtoll() takes a leading integer (ignoring what follows),
 * text without one falls back to the minimum, and anything below is clipped to it.
 */
function countPacemakerReads(value: string, minimum: number): number {
  const leading = /^\s*([+-]?\d+)/.exec(value);
  const parsed = leading ? Number.parseInt(leading[1]!, 10) : minimum;
  return Math.max(parsed, minimum);
}


/**
 * The schema types these attributes as bare integers (add-host as a boolean), so it lets through
 * zero, negative counts and ports beyond 65535: Pacemaker clips bad counts without a word (only
 * -VV shows it) and hands ports and the netmask unchecked to docker/podman and IPaddr2, which then
 * fail. A value that is not an integer (or boolean) at all fails the schema, and crm_verify names
 * neither the attribute nor the bundle.
 */
export default defineRule({
  meta: {
    id: 'bundle-attribute-values',
    level: 'error',
    description: 'Bundle counts, ports, netmask and add-host hold values Pacemaker can use',
    constraint: {
      title: 'replicas and replicas-per-host >= 1, promoted-max >= 0, ports in 1..65535, host-netmask in 1..32, add-host a boolean',
      source: 'RHEL 7 HA Reference §9.5.1.1-9.5.1.2, tables 9.6, 9.7, 9.8 ("正の整数", CIDR netmask, TCP port); pe__unpack_bundle() in Pacemaker lib/pengine/bundle.c (pcmk__scan_min_int, crm_str_to_boolean); xml/resources-*.rng',
    },
    tags: ['bundle', 'container', 'network'],
    messages: {
      count: {
        text: 'Bundle "{{bundle}}" sets {{attribute}}="{{value}}", which is below the minimum of {{minimum}}; Pacemaker silently uses {{minimum}} instead',
      },
      notInteger: {
        text: 'Bundle "{{bundle}}" sets {{attribute}}="{{value}}"{{where}}, which is not an integer; the schema rejects it, so Pacemaker refuses the CIB',
      },
      port: {
        text: 'Bundle "{{bundle}}" sets {{attribute}}="{{value}}"{{where}}, which is not a TCP port ({{min}} to {{max}}); {{effect}}',
      },
      netmask: {
        text: 'Bundle "{{bundle}}" sets host-netmask="{{value}}", which is not a prefix length from 1 to 32; Pacemaker passes it unchecked as cidr_netmask to the IPaddr2 resources of the replica addresses, which cannot use it',
      },
      boolean: {
        text: 'Bundle "{{bundle}}" sets add-host="{{value}}", which is not a boolean; the schema rejects it, so Pacemaker refuses the CIB (the scheduler itself would read it as true)',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const update = `pcs resource bundle update ${shellWord(bundle.id)}`;
      const anyPort = `<${MIN_PORT}-${MAX_PORT}>`;
      // pcs cannot load the CIB then, so the fix is an edit of the file.
      const reportNotInteger = (node: XmlAttribute, element: string, suggested: string | number): boolean => {
        if (parseInteger(node.value) !== undefined) return false;
        report({
          messageId: 'notInteger',
          node,
          data: { bundle: bundle.id, attribute: node.name, value: node.value, where: element.startsWith('port-mapping') ? ` on ${element}` : '' },
          suggestion: `${EDIT_CIB_FILE}: set ${node.name}="${suggested}" on the ${element} of bundle ${bundle.id}`,
        });
        return true;
      };

      for (const container of bundle.containers) {
        for (const [attribute, minimum] of Object.entries(COUNT_MINIMUMS)) {
          const node = container.attribute(attribute);
          // Beside promoted-max, Pacemaker never reads masters (bundle-masters-deprecated reports it).
          if (!node || (attribute === 'masters' && container.has('promoted-max'))) continue;
          if (reportNotInteger(node, `<${container.name}>`, countPacemakerReads(node.value, minimum))) continue;
          if (parseInteger(node.value)! >= minimum) continue;
          report({
            messageId: 'count',
            node,
            data: { bundle: bundle.id, attribute, value: node.value, minimum },
            suggestion: attribute === 'masters' ? `${update} container masters= promoted-max=${minimum}` : `${update} container ${attribute}=${minimum}`,
            // Pacemaker already uses the minimum: writing it says what happens.
            fixes: [remedy(`Set ${attribute} to ${minimum}, the value Pacemaker uses`, [setAttribute(container, attribute, String(minimum))], attribute === 'masters' ? undefined : bundleUpdate(bundle.id, 'container', `${attribute}=${minimum}`))],
          });
        }
      }

      const reportPort = (node: XmlAttribute | undefined, element: string, effect: string, suggestion: string): void => {
        if (!node || reportNotInteger(node, element, element === '<network>' ? DEFAULT_REMOTE_PORT : anyPort)) return;
        if (parsePort(node.value) !== undefined) return;
        const where = element === '<network>' ? '' : ` on ${element}`;
        report({
          messageId: 'port',
          node,
          data: { bundle: bundle.id, attribute: node.name, value: node.value, where, min: MIN_PORT, max: MAX_PORT, effect },
          suggestion,
        });
      };

      const network = bundle.network;
      if (!network) continue;
      reportPort(
        network.attribute('control-port'),
        '<network>',
        'Pacemaker passes it unchecked to Pacemaker Remote and its connection resources, so the cluster cannot reach the containers',
        `${update} network control-port=${DEFAULT_REMOTE_PORT}`,
      );
      const netmask = network.attribute('host-netmask');
      // 32, the documented default, suits any address; a wider prefix is the administrator's choice.
      if (netmask && !reportNotInteger(netmask, '<network>', 32)) {
        const prefix = parseInteger(netmask.value)!;
        if (prefix < 1 || prefix > 32) {
          report({ messageId: 'netmask', node: netmask, data: { bundle: bundle.id, value: netmask.value }, suggestion: `${update} network host-netmask=32` });
        }
      }
      // Every value outside Pacemaker's boolean grammar is outside the schema's too.
      const addHost = network.attribute('add-host');
      if (addHost && parseBoolean(addHost.value) === undefined) {
        const suggestion = `${EDIT_CIB_FILE}: set add-host="true" or "false" on the <network> of bundle ${bundle.id}, or remove it (the default is true; pcs does not know add-host)`;
        report({ messageId: 'boolean', node: addHost, data: { bundle: bundle.id, value: addHost.value }, suggestion });
      }

      const runtime = bundle.containerKind ?? 'the container runtime';
      for (const mapping of bundle.portMappings) {
        const id = mapping.id ?? '<id>';
        const internal = mapping.has('internal-port') ? ` internal-port=${parsePort(mapping.attr('internal-port')) ?? anyPort}` : '';
        // pcs refuses to delete and re-add one id in a single command.
        const replace = `${update} port-map delete ${idWord(mapping.id)} && ${update} port-map add ${mapping.id === undefined ? 'id=<id>' : shellWord(`id=${id}`)} port=${parsePort(mapping.attr('port')) ?? anyPort}${internal}`;
        const effect = `Pacemaker passes it unchecked to "${runtime} run -p", which refuses it, so no replica can start`;
        reportPort(mapping.attribute('port'), `port-mapping "${id}"`, effect, replace);
        reportPort(mapping.attribute('internal-port'), `port-mapping "${id}"`, effect, replace);
      }
    }
  },
});
