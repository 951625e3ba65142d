import { defineRule } from '../src/rule.js';
import { parseIpv4 } from '../src/cib/addresses.js';

/**
 * Pacemaker reads ip-range-start as four decimal numbers to count replica addresses up from it.
 * The first replica gets the text as written; anything else (IPv6, a host name, a typo) gives
 * every later replica no address or the first one again, and Pacemaker says nothing.
 */
export default defineRule({
  meta: {
    id: 'bundle-ip-range-start-ipv4',
    level: 'error',
    description: 'A bundle\'s ip-range-start is a dotted-quad IPv4 address',
    constraint: {
      title: 'ip-range-start supports IPv4 addresses only',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.7 (ip-range-start: "現在サポートされているアドレスは、IPv4 のみです"); Pacemaker lib/pengine/bundle.c next_ip()',
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
        text: 'Bundle "{{bundle}}" has ip-range-start "{{value}}", which is not a dotted-quad IPv4 address (four numbers 0-255); Pacemaker cannot count replica addresses up from it',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const attribute = bundle.network?.attribute('ip-range-start');
      if (!attribute || parseIpv4(attribute.value) !== undefined) continue;
      const messageId = attribute.value.trim() === '' ? 'empty' : attribute.value.includes(':') ? 'ipv6' : 'notIpv4';
      report({
        messageId,
        node: attribute,
        data: { bundle: bundle.id, value: attribute.value },
        fix: `pcs resource bundle update ${bundle.id} network ip-range-start=192.168.122.131 (the first of one free IPv4 address per replica)`,
      });
    }
  },
});
