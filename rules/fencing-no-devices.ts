import { defineRule } from '../src/core/rule.js';
import { remedy } from '../src/cib/edits.js';
import { parseBoolean } from '../src/cib/values.js';
import { fencingOption } from '../src/cib/pacemaker.js';

/**
 * With fencing enabled (the default) and no fencing device, Pacemaker can fence nothing, and
 * since a resource may only start where a failed node could be fenced, it refuses to start any
 * resource: "Resource start-up disabled since no STONITH resources have been defined". SBD's
 * watchdog self-fencing (have-watchdog=true) counts as a fencing mechanism, as in Pacemaker.
 */
export default defineRule({
  meta: {
    id: 'fencing-no-devices',
    level: 'error',
    description: 'With fencing enabled, at least one fencing device (class="stonith") is configured',
    constraint: {
      title: 'Fencing enabled (the default) requires a stonith primitive',
      source: 'Pacemaker Explained, "Fencing" and "Cluster Options" (stonith-enabled); Pacemaker lib/pengine/unpacked.c unpack_resources()',
    },
    tags: ['fencing', 'cluster-options'],
    messages: {
      noDevicesByDefault: {
        text: 'Fencing is enabled by default but no fencing device (primitive with class="stonith") is configured: Pacemaker starts no resource at all',
      },
      noDevices: {
        text: 'Cluster option {{name}}={{value}} enables fencing but no fencing device (primitive with class="stonith") is configured: Pacemaker starts no resource at all',
      },
    },
  },
  check({ cib, pacemaker, report }) {
    const option = fencingOption(cib, pacemaker).effective;
    if (parseBoolean(option?.value) === false) return;
    if (cib.fencingDevices.length > 0) return;
    // Pacemaker sets have-watchdog when SBD runs: watchdog self-fencing then needs no device.
    if (parseBoolean(cib.clusterOption('have-watchdog')?.value) === true) return;
    // The fence agent and its options are the cluster's: placeholders only.
    const suggestions = [remedy('Configure a fencing device for the nodes', [], ['pcs', 'stonith', 'create', '<name>', '<fence agent>', '<agent options>', 'pcmk_host_list=<node names>'])];
    const suggestion = 'pcs stonith create <name> <fence agent> ... (see pcs stonith list), for example: pcs stonith create fence-node1 fence_ipmilan ip=... username=... password=... pcmk_host_list=node1';
    if (option) {
      report({
        messageId: 'noDevices',
        node: option.attribute ?? option.nvpair,
        data: { name: option.nvpair.attr('name') ?? 'stonith-enabled', value: option.value },
        suggestion,
        suggestions,
      });
    } else {
      report({ messageId: 'noDevicesByDefault', node: undefined, suggestion, suggestions });
    }
  },
});
