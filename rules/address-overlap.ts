import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';
import type { XmlAttribute } from '../src/document/xml/element.js';
import { formatIpv4, parseIpv4, replicaAddresses } from '../src/cib/addresses.js';
import type { Bundle } from '../src/cib/model.js';
import { shellWord } from '../src/cib/pcs-commands.js';

/** Agents that hold one floating address in their `ip` parameter. */
const ADDRESS_AGENTS = new Set(['IPaddr2', 'IPaddr']);

/** An address in a form that compares equal however it was written (IPv4), else as written. */
function addressKey(text: string): string {
  const ipv4 = parseIpv4(text.trim());
  return ipv4 === undefined ? text.trim().toLowerCase() : formatIpv4(ipv4);
}

interface Holder {
  bundle: Bundle;
  start: XmlAttribute;
  replica: number;
  address: string;
}

/**
 * Pacemaker gives every replica of a bundle with ip-range-start an IPaddr2 resource of its own,
 * counting up from that address (lib/pengine/bundle.c allocate_ip()). It never compares those
 * addresses with other bundles' or with the cluster's own IPaddr2 resources: two bundles whose
 * ranges overlap, or a floating IP inside a bundle's range, put one address on two hosts, and
 * whichever host answers ARP last gets the traffic.
 */
export default defineRule({
  meta: {
    id: 'address-overlap',
    level: 'warning',
    description: 'Bundle replica addresses do not overlap another bundle\'s or an IPaddr2 resource\'s address',
    constraint: {
      title: 'The addresses Pacemaker derives from each bundle\'s ip-range-start, and the ip of every IPaddr2 resource, are distinct',
      source: 'Pacemaker Explained, "Bundle Network Properties" (ip-range-start: one address per replica, counting up); lib/pengine/bundle.c allocate_ip(), create_ip_resource(); resource-agents heartbeat/IPaddr2 (ip)',
    },
    tags: ['bundle', 'network'],
    messages: {
      bundles: {
        text: 'Bundle "{{bundle}}" gives replica {{replica}} the address {{address}}, which bundle "{{other}}" also gives to its replica {{otherReplica}} ({{count}} shared address(es)): both IPaddr2 resources can be active at once, on different hosts',
      },
      floatingIp: {
        text: '{{agent}} resource "{{resource}}" uses the address {{address}}, which bundle "{{bundle}}" also gives to its replica {{replica}}: both can be active at once, on different hosts',
      },
    },
  },
  check({ cib, report }) {
    const holders = new Map<string, Holder>();
    for (const bundle of cib.bundles) {
      const start = bundle.network?.attribute('ip-range-start');
      if (!start || start.value.trim() === '') continue;
      const replicas = Math.max(1, bundle.replicas ?? 1);
      const shared: { holder: Holder; replica: number; address: string }[] = [];
      const own = new Map<string, Holder>();
      // The allocation repeats after the first replica without an address: its addresses are all here.
      for (const { replica, address } of replicaAddresses(start.value, replicas)) {
        if (address === undefined) break;
        const key = addressKey(address);
        if (own.has(key)) continue;
        own.set(key, { bundle, start, replica, address });
        const holder = holders.get(key);
        if (holder) shared.push({ holder, replica, address });
      }
      for (const [key, holder] of own) if (!holders.has(key)) holders.set(key, holder);

      const byBundle = new Map<Bundle, typeof shared>();
      for (const entry of shared) {
        const list = byBundle.get(entry.holder.bundle) ?? [];
        list.push(entry);
        byBundle.set(entry.holder.bundle, list);
      }
      for (const [other, entries] of byBundle) {
        const first = entries[0]!;
        report({
          messageId: 'bundles',
          node: start,
          data: {
            bundle: bundle.id,
            replica: `${bundle.id}-${first.replica}`,
            address: first.address,
            other: other.id,
            otherReplica: `${other.id}-${first.holder.replica}`,
            count: entries.length,
          },
          suggestion: `Move one range to addresses nothing else uses: pcs resource bundle update ${shellWord(bundle.id)} network ip-range-start=<first free address>`,
          related: [{ target: first.holder.start, message: `ip-range-start of bundle "${other.id}"` }],
          suggestions: [remedy('Move this range to addresses nothing else uses', [setAttribute(start.owner, 'ip-range-start', '<first-free-address>')], bundleUpdate(bundle.id, 'network', 'ip-range-start=<first-free-address>'))],
        });
      }
    }
    if (holders.size === 0) return;

    for (const primitive of cib.primitives) {
      if (primitive.parent?.name === 'bundle') continue;
      const agent = cib.resourceAgent(primitive);
      if (agent.class?.toLowerCase() !== 'ocf' || agent.type === undefined || !ADDRESS_AGENTS.has(agent.type)) continue;
      const ip = cib.instanceAttribute(primitive, 'ip');
      if (!ip || !ip.attribute) continue;
      const holder = holders.get(addressKey(ip.value));
      if (!holder) continue;
      report({
        messageId: 'floatingIp',
        node: ip.attribute,
        data: { agent: agent.type, resource: primitive.id ?? '', address: ip.value.trim(), bundle: holder.bundle.id, replica: `${holder.bundle.id}-${holder.replica}` },
        suggestion: `Give the resource an address outside the bundle's range: pcs resource update ${shellWord(primitive.id ?? '<resource>')} ip=<free address>`,
        related: [{ target: holder.start, message: `ip-range-start of bundle "${holder.bundle.id}"` }],
        suggestions: [remedy("Give the resource an address outside the bundle's range", [setAttribute(ip.nvpair, 'value', '<free-address>')], primitive.id === undefined ? undefined : ['pcs', 'resource', 'update', primitive.id, 'ip=<free-address>'])],
      });
    }
  },
});
