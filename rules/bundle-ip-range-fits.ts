import { defineRule } from '../src/rule.js';
import { inSubnet, parseIpv4, replicaAddresses } from '../src/cib/addresses.js';
import { parseInteger } from '../src/cib/values.js';

const DEFAULT_NETMASK = 32;

/**
 * Pacemaker numbers replica addresses by counting up from ip-range-start, without looking at
 * host-netmask: after x.y.z.254 it jumps to x.y.(z+1).1, and once the third octet is above 253
 * the next replica gets no address at all (its IPaddr2 cannot start, and the replica after it
 * starts over at ip-range-start). Addresses that leave the /host-netmask subnet are still
 * created on the host interface with that netmask, where they are usually unreachable.
 * Pacemaker says nothing about either.
 */
export default defineRule({
  meta: {
    id: 'bundle-ip-range-fits',
    level: 'error',
    description: 'Every bundle replica gets an address from ip-range-start, inside its host-netmask subnet',
    constraint: {
      title: 'ip-range-start provides one consecutive address per replica, within host-netmask',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.7 (ip-range-start, host-netmask); Pacemaker lib/pengine/bundle.c next_ip() and allocate_ip()',
    },
    tags: ['bundle', 'network'],
    messages: {
      noAddress: {
        text: 'Bundle "{{bundle}}" counts {{replicas}} replica addresses up from ip-range-start {{start}}, but Pacemaker stops once the third octet would pass 254: replica {{replica}} gets no IP address ({{count}} of the {{replicas}} replicas get none), so its IP resource and container cannot work, and the replica after it starts over at {{start}}',
      },
      outsideSubnet: {
        text: 'Bundle "{{bundle}}" gives replica {{replica}} the address {{address}}, outside the /{{netmask}} subnet of ip-range-start {{start}}{{netmaskNote}} ({{count}} of the {{replicas}} replicas are outside it); Pacemaker still creates it with that netmask on the host interface, where it is likely unreachable',
        level: 'warning',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const startAttribute = bundle.network?.attribute('ip-range-start');
      const start = parseIpv4(startAttribute?.value);
      if (!startAttribute || start === undefined) continue;
      const netmaskAttribute = bundle.network?.attribute('host-netmask');
      const netmask = netmaskAttribute ? parseInteger(netmaskAttribute.value) : DEFAULT_NETMASK;
      const checkSubnet = netmask !== undefined && netmask >= 1 && netmask <= 32;
      const replicas = Math.max(1, bundle.replicas ?? 1);

      // The allocation repeats after the first replica without an address, so one round of it
      // holds every distinct finding; the rest is counted, keeping the rule linear in the CIB.
      let missing: number | undefined;
      const outside: { replica: number; address: string }[] = [];
      for (const { replica, address } of replicaAddresses(startAttribute.value, replicas)) {
        if (address === undefined) {
          missing = replica;
          break;
        }
        if (checkSubnet && !inSubnet(parseIpv4(address)!, start, netmask)) outside.push({ replica, address });
      }
      const period = missing === undefined ? replicas : missing + 1;
      const occurrences = (replica: number): number => Math.floor((replicas - 1 - replica) / period) + 1;
      const related = bundle.container?.attribute('replicas')
        ? [{ target: bundle.container.attribute('replicas')!, message: `${replicas} replicas requested here` }]
        : [];

      if (missing !== undefined) {
        report({
          messageId: 'noAddress',
          node: startAttribute,
          data: {
            bundle: bundle.id,
            replicas,
            start: startAttribute.value,
            replica: `${bundle.id}-${missing}`,
            count: occurrences(missing),
          },
          fix: `Start the range lower so ${replicas} addresses fit (pcs resource bundle update ${bundle.id} network ip-range-start=...), or run fewer replicas: pcs resource bundle update ${bundle.id} container replicas=${missing}`,
          related,
        });
      }
      const first = outside[0];
      if (first) {
        report({
          messageId: 'outsideSubnet',
          node: startAttribute,
          data: {
            bundle: bundle.id,
            replica: `${bundle.id}-${first.replica}`,
            address: first.address,
            netmask: netmask!,
            replicas,
            start: startAttribute.value,
            netmaskNote: netmaskAttribute ? '' : ' (host-netmask is unset, so the subnet is /32: ip-range-start alone)',
            count: outside.reduce((sum, { replica }) => sum + occurrences(replica), 0),
          },
          fix: netmaskAttribute
            ? `Choose an ip-range-start with room for ${replicas} addresses inside the /${netmask} subnet: pcs resource bundle update ${bundle.id} network ip-range-start=...`
            : `Set the prefix length of the host interface's subnet: pcs resource bundle update ${bundle.id} network host-netmask=24`,
          related: netmaskAttribute ? [{ target: netmaskAttribute, message: `host-netmask ${netmaskAttribute.value} set here` }, ...related] : related,
        });
      }
    }
  },
});
