import { idWord, recreateMappingCommand, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, recreateMapping, remedy, removeElement, setAttribute } from '../src/cib/edits.js';
import type { XmlElement } from '../src/document/xml/element.js';

const LOG_DIR = '/var/log';

/**
 * For a bundle with a resource, Pacemaker mounts /var/log/pacemaker/bundles/<replica> of the host
 * on /var/log in each container, so Pacemaker Remote's log survives the container. It skips that
 * mount only when a storage-mapping's target-dir is exactly "/var/log": the mapping then takes
 * over, and replicas sharing one source-dir write to the same directory. "/var/log/" does not
 * match, so both mounts land on /var/log.
 */
export default defineRule({
  meta: {
    id: 'bundle-storage-log-mount',
    level: 'note',
    description: 'A storage-mapping onto /var/log replaces the log mount Pacemaker adds to bundle containers',
    constraint: {
      title: 'A mapping with target-dir=/var/log replaces the automatic /var/log/pacemaker/bundles/<replica> mount',
      source: 'RHEL 7 HA Reference §9.5.1.3, note after table 9.9 (source-dir-root=/var/log/pacemaker/bundles, target-dir=/var/log); Pacemaker lib/pengine/bundle.c (need_log_mount)',
    },
    tags: ['bundle', 'storage', 'logging'],
    messages: {
      replacesLogMount: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" mounts {{source}} on /var/log, so Pacemaker does not add its own per-replica mount of /var/log/pacemaker/bundles/<replica>; the Pacemaker Remote logs of the replicas go to {{source}} instead',
      },
      trailingSlash: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" targets "{{target}}", which Pacemaker does not recognise as /var/log: it still adds its own /var/log mount, so two mounts land on /var/log',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      // Pacemaker adds the log mount only for bundles that run Pacemaker Remote.
      if (!bundle.primitive) continue;
      for (const mapping of bundle.storageMappings) {
        const target = mapping.attribute('target-dir');
        if (!target || target.value.replace(/\/+$/, '') !== LOG_DIR) continue;
        // A mapping without a source is dropped ("Invalid mount directive"), and the log mount stays.
        const root = mapping.attr('source-dir-root');
        const sourceDir = mapping.attr('source-dir');
        if (sourceDir === undefined && root === undefined) continue;
        const id = mapping.id ?? '<id>';
        const exact = target.value === LOG_DIR;
        report({
          messageId: exact ? 'replacesLogMount' : 'trailingSlash',
          node: target,
          data: { mapping: id, bundle: bundle.id, source: sourceDir ?? `${root}/${bundle.id}-<n>`, target: target.value },
          suggestion: exact
            ? `Nothing to do if this is intended; to keep Pacemaker's per-replica logs: pcs resource bundle update ${shellWord(bundle.id)} storage-map delete ${idWord(mapping.id)}`
            : recreateMappingCommand(bundle.id, mapping, { 'target-dir': LOG_DIR }),
          // "/var/log/" can only mean /var/log; written exactly, the mapping replaces the log mount as meant.
          ...(exact
            ? { suggestions: [remedy("Remove the mapping to keep Pacemaker's per-replica logs", [removeElement(mapping)], mapping.id === undefined ? undefined : bundleUpdate(bundle.id, 'storage-map', 'delete', mapping.id))] }
            : { fixes: [remedy('Write target-dir as /var/log', [setAttribute(mapping, 'target-dir', LOG_DIR)], ...(recreateMapping(bundle.id, mapping, { 'target-dir': LOG_DIR }) ?? [undefined]))] }),
        });
      }
    }
  },
});

