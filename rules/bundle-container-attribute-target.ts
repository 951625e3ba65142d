import { setMetaCommand } from '../src/cib/pcs-commands.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { defineRule } from '../src/core/rule.js';
import { metaCommand, remedy, removeNvpair, setAttribute } from '../src/cib/edits.js';

/**
 * container-attribute-target chooses where the bundle's resource reads and writes user-defined
 * node attributes (promotion scores, for example): "host" means the physical host running the
 * container; anything else means the bundle node itself. Pacemaker 2.1 compares the value with
 * "host" case-insensitively when it looks up node attributes, but exactly when it builds clone
 * notifications, so "Host" works only halfway and "hosts" or "physical" silently mean the default.
 */
export default defineRule({
  meta: {
    id: 'bundle-container-attribute-target',
    level: 'warning',
    description: 'Meta container-attribute-target, when set on a bundle or its resource, is "host"',
    constraint: {
      title: 'container-attribute-target is "host" or unset',
      source: 'RHEL 7 HA Reference §9.5.2.1 ("host に設定されている場合 ... その他の場合は、ローカルノード (この場合はバンドルノード) が使用されます"); Pacemaker lib/pengine/utils.c pe_node_attribute_calculated(), lib/pacemaker/pcmk_sched_notif.c (notify_all_hosts)',
    },
    tags: ['bundle', 'meta', 'attributes'],
    messages: {
      notHost: {
        text: '{{owner}} sets container-attribute-target="{{value}}"; the only meaningful value is "host", and Pacemaker treats anything else as unset, so node attributes are looked up on the bundle node, not on the host',
      },
      wrongCase: {
        text: '{{owner}} sets container-attribute-target="{{value}}"; Pacemaker reads it as "host" when it looks up node attributes, but compares it exactly when it builds clone notifications, which then leave out the hosts (notify_all_hosts); write "host"',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      // The primitive's value wins over the inherited bundle one, so check both.
      const owners = bundle.primitive ? [bundle.element, bundle.primitive] : [bundle.element];
      for (const owner of owners) {
        const found = cib.ownMeta(owner, 'container-attribute-target');
        if (!found || found.value === 'host') continue;
        report({
          messageId: found.value.toLowerCase() === 'host' ? 'wrongCase' : 'notHost',
          node: found.attribute ?? found.nvpair,
          data: {
            owner: owner === bundle.element ? `Bundle "${bundle.id}"` : `Resource "${owner.id ?? ''}" in bundle "${bundle.id}"`,
            value: found.value,
          },
          suggestion: `${setMetaCommand(owner, found.nvpair, 'host')} (or remove it to use the bundle node, the default: ${setMetaCommand(owner, found.nvpair, '')})`,
          ...remedies(owner, found.nvpair, found.value.toLowerCase() === 'host'),
        });
      }
    }
  },
});

/** "Host" can only mean host; any other value is a choice between the host and the default. */
function remedies(owner: XmlElement, nvpair: XmlElement, wrongCase: boolean) {
  const host = remedy('Write "host"', [setAttribute(nvpair, 'value', 'host')], metaCommand(owner, nvpair, 'host'));
  if (wrongCase) return { fixes: [host] };
  const removal = removeNvpair(owner, nvpair);
  const unset = removal && remedy('Remove it, so node attributes are those of the bundle node (the default)', removal, metaCommand(owner, nvpair, ''));
  return { suggestions: unset ? [host, unset] : [host] };
}
