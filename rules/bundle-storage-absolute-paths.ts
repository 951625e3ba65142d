import { recreateMappingCommand, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { recreateMapping, remedy, setAttribute } from '../src/cib/edits.js';
import type { XmlElement } from '../src/document/xml/element.js';

const PATH_ATTRIBUTES = ['source-dir', 'source-dir-root', 'target-dir'] as const;

/**
 * Pacemaker passes the paths of a storage-mapping to the container runtime unchanged. A relative
 * source is not a host directory at all: docker and podman read a bare name as a volume and create
 * an empty one (newer CLIs resolve "./x" against the agent's working directory, which is no better);
 * a relative target is refused and the container does not start.
 */
export default defineRule({
  meta: {
    id: 'bundle-storage-absolute-paths',
    level: 'error',
    description: 'Bundle storage-mapping paths (source-dir, source-dir-root, target-dir) are absolute',
    constraint: {
      title: 'source-dir, source-dir-root and target-dir are absolute paths',
      source: 'RHEL 7 HA Reference §9.5.1.3, table 9.9 (source-dir: "ホストファイルシステム上の絶対パス")',
    },
    tags: ['bundle', 'storage'],
    messages: {
      relativeSource: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" has {{attribute}}="{{value}}", which is not an absolute path; Pacemaker passes it on unchanged and the container runtime takes it as a volume name (or relative to the resource agent\'s working directory), not as a host directory',
      },
      relativeTarget: {
        text: 'Storage mapping "{{mapping}}" of bundle "{{bundle}}" has target-dir="{{value}}", which is not an absolute path; the container runtime refuses the mount and the containers do not start',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const mapping of bundle.storageMappings) {
        const id = mapping.id ?? '<id>';
        const relative = PATH_ATTRIBUTES.flatMap((name) => {
          const attribute = mapping.attribute(name);
          if (!attribute || attribute.value.startsWith('/')) return [];
          // An empty target is bundle-storage-target-required's finding.
          return name === 'target-dir' && attribute.value.trim() === '' ? [] : [attribute];
        });
        if (relative.length === 0) continue;
        // A container path has no working directory, so "etc/x" can only mean "/etc/x"; a host
        // path is the administrator's to choose.
        const absolute = Object.fromEntries(
          relative.map(({ name, value }) => [name, name === 'target-dir' ? shellWord(`/${value.replace(/^(\.\/)+/, '')}`) : '<absolute-host-path>']),
        );
        for (const attribute of relative) {
          report({
            messageId: attribute.name === 'target-dir' ? 'relativeTarget' : 'relativeSource',
            node: attribute,
            data: { mapping: id, bundle: bundle.id, attribute: attribute.name, value: attribute.value },
            suggestion: recreateMappingCommand(bundle.id, mapping, absolute),
            ...(attribute.name === 'target-dir'
              ? { fixes: [remedy(`Write target-dir as ${containerPath(attribute.value)}`, [setAttribute(mapping, 'target-dir', containerPath(attribute.value))], ...(recreateMapping(bundle.id, mapping, { 'target-dir': containerPath(attribute.value) }) ?? [undefined]))] }
              : { suggestions: [remedy(`Write ${attribute.name} as an absolute path of the host`, [setAttribute(mapping, attribute.name, '<absolute-host-path>')], ...(recreateMapping(bundle.id, mapping, { [attribute.name]: '<absolute-host-path>' }) ?? [undefined]))] }),
          });
        }
      }
    }
  },
});

function containerPath(value: string): string {
  return `/${value.replace(/^(\.\/)+/, '')}`;
}

