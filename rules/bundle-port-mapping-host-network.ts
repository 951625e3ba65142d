import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeElement, setAttribute } from '../src/cib/edits.js';

/**
 * A container on the host network already listens on the host's own ports, so there is nothing
 * to forward: Pacemaker drops port-mappings of a network="host" container without
 * ip-range-start, and docker/podman discard published ports in host network mode. The mapping
 * does nothing, and usually means the bundle was meant to have its own addresses.
 */
export default defineRule({
  meta: {
    id: 'bundle-port-mapping-host-network',
    level: 'warning',
    description: 'Host-networked bundles without ip-range-start have no port-mapping',
    constraint: {
      title: 'Port mappings do nothing on the host network without ip-range-start',
      source: 'RHEL 7 HA Reference §9.5.1.2, table 9.8 and §9.5.2; Pacemaker lib/pengine/bundle.c create_container_resource() ("No need to do port mapping if net == host")',
    },
    tags: ['bundle', 'network'],
    messages: {
      ignored: {
        text: 'Port mapping "{{mapping}}" of bundle "{{bundle}}" has no effect: the container uses host networking and the bundle has no ip-range-start, so the container listens on the host\'s ports directly and the mapping is dropped',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.usesHostNetwork || bundle.network?.has('ip-range-start')) continue;
      for (const mapping of bundle.portMappings) {
        report({
          messageId: 'ignored',
          node: mapping,
          data: { bundle: bundle.id, mapping: mapping.id ?? '?' },
          // A leftover mapping or forgotten addresses: the administrator's call.
          suggestions: [
            remedy('Remove the mapping, which has no effect', [removeElement(mapping)], mapping.id === undefined ? undefined : bundleUpdate(bundle.id, 'port-map', 'delete', mapping.id)),
            ...(bundle.network && bundle.containerAttr('network') !== 'host'
              ? [remedy('Give the replicas addresses, so that the mapping applies (the first of enough free consecutive ones)', [setAttribute(bundle.network, 'ip-range-start', '<first-free-address>')], bundleUpdate(bundle.id, 'network', 'ip-range-start=<first-free-address>'))]
              : []),
          ],
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} port-map delete ${idWord(mapping.id)}`,
        });
      }
    }
  },
});
