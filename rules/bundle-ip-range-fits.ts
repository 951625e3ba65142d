import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';
import type { Bundle } from '../src/cib/model.js';
import type { XmlAttribute } from '../src/document/xml/element.js';
import { inSubnet, parseIpv4, replicaAddresses } from '../src/cib/addresses.js';
import { parseInteger } from '../src/cib/values.js';

/**
 * Pacemaker numbers replica addresses by counting up from ip-range-start, without looking at
 * host-netmask: after x.y.z.254 it jumps to x.y.(z+1).1, and once the third octet is above 253
 * the next replica gets no address at all (its IPaddr2 cannot start, and the replica after it
 * starts over at ip-range-start). Pacemaker says nothing about either.
 *
 * The subnet is checked only for an explicit host-netmask below 32. Unset, host-netmask means
 * cidr_netmask=32 on every IPaddr2: each replica's address is a host address of its own, which
 * IPaddr2 adds to whichever interface's subnet holds it (the usual floating-IP setup), so a /32
 * says nothing about where the range may go and every bundle with two replicas would be flagged.
 */
export default defineRule({
  meta: {
    id: 'bundle-ip-range-fits',
    level: 'error',
    description: 'Every bundle replica gets an address from ip-range-start, inside its host-netmask subnet',
    constraint: {
      title: 'ip-range-start provides one consecutive address per replica, within host-netmask',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.7 (ip-range-start, host-netmask); Pacemaker lib/pengine/bundle.c next_ip(), allocate_ip() and create_ip_resource()',
    },
    tags: ['bundle', 'network'],
    messages: {
      noAddress: {
        text: 'Bundle "{{bundle}}" counts {{replicas}} replica addresses up from ip-range-start {{start}}, but Pacemaker stops once the third octet would pass 254: replica {{replica}} gets no IP address ({{count}} of the {{replicas}} replicas get none), so its IP resource and container cannot work, and the replica after it starts over at {{start}}',
      },
      outsideSubnet: {
        text: 'Bundle "{{bundle}}" gives replica {{replica}} the address {{address}}, outside the /{{netmask}} subnet of ip-range-start {{start}} ({{count}} of the {{replicas}} replicas are outside it); Pacemaker still hands {{address}}/{{netmask}} to IPaddr2, which fails to start when no host interface is on that subnet, or (with host-interface set) adds it where hosts on the subnet of {{start}} cannot reach it',
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
      const netmask = parseInteger(netmaskAttribute?.value);
      const checkSubnet = netmask !== undefined && netmask >= 1 && netmask < 32;
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
      const replicasAttribute = bundle.container?.attribute('replicas');
      const related = replicasAttribute ? [{ target: replicasAttribute, message: `${replicas} replicas requested here` }] : [];

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
          suggestions: rangeRemedies(bundle, startAttribute, missing),
          suggestion: `Run only the replicas that get an address: pcs resource bundle update ${shellWord(bundle.id)} container replicas=${missing} (or move ip-range-start to a free range whose third octet leaves room: network ip-range-start=...)`,
          related,
        });
      }
      const first = outside[0];
      if (first && netmaskAttribute) {
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
            count: outside.reduce((sum, { replica }) => sum + occurrences(replica), 0),
          },
          suggestions: rangeRemedies(bundle, startAttribute, first.replica),
          suggestion: `Run only the replicas that fit: pcs resource bundle update ${shellWord(bundle.id)} container replicas=${first.replica} (or move ip-range-start to a free range with room for ${replicas} addresses inside the /${netmask}: network ip-range-start=...)`,
          related: [{ target: netmaskAttribute, message: `host-netmask ${netmaskAttribute.value} set here` }, ...related],
        });
      }
    }
  },
});

/** Fewer replicas, or another range: which one only the administrator knows. */
function rangeRemedies(bundle: Bundle, start: XmlAttribute, fitting: number) {
  return [
    ...(bundle.container ? [remedy(`Run only the ${fitting} replicas that get an address`, [setAttribute(bundle.container, 'replicas', String(fitting))], bundleUpdate(bundle.id, 'container', `replicas=${fitting}`))] : []),
    remedy('Move the range to free addresses with room for every replica', [setAttribute(start.owner, 'ip-range-start', '<first-free-address>')], bundleUpdate(bundle.id, 'network', 'ip-range-start=<first-free-address>')),
  ];
}
