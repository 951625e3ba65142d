import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';
import { formatIpv4, nextReplicaAddress, parseIpv4 } from '../src/cib/addresses.js';

/**
 * Pacemaker gives the first replica ip-range-start exactly as written and counts the later
 * replicas' addresses up from it with sscanf("%u.%u.%u.%u"). IPaddr2 accepts only a plain dotted
 * quad (no blanks, no leading zeros, no suffix), so anything else breaks the first replica's
 * address, and IPv6 or a host name leaves the next replica without one. Pacemaker says nothing.
 */
export default defineRule({
  meta: {
    id: 'bundle-ip-range-start-ipv4',
    level: 'error',
    description: 'A bundle\'s ip-range-start is a dotted-quad IPv4 address',
    constraint: {
      title: 'ip-range-start supports IPv4 addresses only',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.7 (ip-range-start: "現在サポートされているアドレスは、IPv4 のみです"); Pacemaker lib/pengine/bundle.c next_ip(); resource-agents IPaddr2 (findif.sh ipcheck_ipv4)',
    },
    tags: ['bundle', 'network'],
    messages: {
      empty: {
        text: 'Bundle "{{bundle}}" has an empty ip-range-start; Pacemaker takes it as set and creates IP resources without an address',
      },
      ipv6: {
        text: 'Bundle "{{bundle}}" has the IPv6 ip-range-start "{{value}}"; Pacemaker supports only IPv4 here: the first replica gets this address, the next one none, the one after it this address again',
      },
      notIpv4: {
        text: 'Bundle "{{bundle}}" has ip-range-start "{{value}}", which is not a plain dotted-quad IPv4 address (four decimal numbers 0-255, no leading zeros, nothing around them); Pacemaker gives the first replica this text as written, which IPaddr2 rejects, and {{rest}}',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const attribute = bundle.network?.attribute('ip-range-start');
      if (!attribute) continue;
      const value = attribute.value;
      const parsed = parseIpv4(value);
      // parseIpv4 admits leading zeros ("192.168.001.010"), which IPaddr2 refuses.
      if (parsed !== undefined && formatIpv4(parsed) === value) continue;
      const messageId = value.trim() === '' ? 'empty' : value.includes(':') ? 'ipv6' : 'notIpv4';
      const next = nextReplicaAddress(value);
      const meant = meantAddress(value);
      // Even an address written with blanks or zeros is the administrator's to confirm: it must be free.
      const settings = meant ?? { 'ip-range-start': '<first-free-address>' };
      const suggestions = bundle.network
        ? [remedy(meant ? `Write ${Object.entries(meant).map(([name, written]) => `${name}=${written}`).join(' ')}` : 'Give the first of enough free consecutive IPv4 addresses', Object.entries(settings).map(([name, written]) => setAttribute(bundle.network!, name, written)), bundleUpdate(bundle.id, 'network', ...Object.entries(settings).map(([name, written]) => `${name}=${written}`)))]
        : [];
      report({
        messageId,
        node: attribute,
        data: {
          bundle: bundle.id,
          value,
          rest: next === undefined ? 'gives the next replica no address at all' : `the next replicas get ${next} onwards`,
        },
        suggestion: `pcs resource bundle update ${shellWord(bundle.id)} network ${suggestedAddress(value, bundle.replicas ?? 1)}`,
        suggestions,
      });
    }
  },
});

/** The attributes that say what the value meant, when it holds an IPv4 address behind blanks, zeros or a CIDR suffix. */
function meantAddress(value: string): Record<string, string> | undefined {
  const match = /^\s*(\d+)\.(\d+)\.(\d+)\.(\d+)\s*(?:\/\s*(\d+))?\s*$/.exec(value);
  const octets = match?.slice(1, 5).map(Number);
  if (!match || !octets || octets.some((octet) => octet > 255)) return undefined;
  return { 'ip-range-start': octets.join('.'), ...(match[5] !== undefined && { 'host-netmask': String(Number(match[5])) }) };
}

/**
 * The address the user meant when the value holds one behind blanks, leading zeros or a CIDR
 * suffix (which belongs in host-netmask); otherwise an example to replace.
 */
function suggestedAddress(value: string, replicas: number): string {
  const match = /^\s*(\d+)\.(\d+)\.(\d+)\.(\d+)\s*(?:\/\s*(\d+))?\s*$/.exec(value);
  const octets = match?.slice(1, 5).map(Number);
  if (!match || !octets || octets.some((octet) => octet > 255)) {
    return `ip-range-start=<first-free-address> (${replicas > 1 ? `the first of ${replicas} free consecutive IPv4 addresses` : 'a free IPv4 address'})`;
  }
  return `ip-range-start=${octets.join('.')}${match[5] === undefined ? '' : ` host-netmask=${Number(match[5])}`}`;
}
