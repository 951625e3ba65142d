import { defineRule } from '../src/rule.js';

/**
 * container-attribute-target chooses where the bundle's resource reads and writes user-defined
 * node attributes (promotion scores, for example): "host" means the physical host running the
 * container; anything else means the bundle node itself. Pacemaker compares the value with
 * "host" exactly, so "Host", "hosts" or "physical" silently select the default.
 */
export default defineRule({
  meta: {
    id: 'bundle-container-attribute-target',
    level: 'warning',
    description: 'Meta container-attribute-target, when set on a bundle or its resource, is "host"',
    constraint: {
      title: 'container-attribute-target is "host" or unset',
      source: 'RHEL 7 HA Reference §9.5.2.1 ("host に設定されている場合 ... その他の場合は、ローカルノード (この場合はバンドルノード) が使用されます"); Pacemaker lib/pengine/bundle.c, lib/pacemaker/pcmk_sched_notif.c',
    },
    tags: ['bundle', 'meta', 'attributes'],
    messages: {
      notHost: {
        text: '{{owner}} sets container-attribute-target="{{value}}"; the only meaningful value is "host", and Pacemaker treats anything else as unset, so node attributes are looked up on the bundle node, not on the host',
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
        const resource = owner.id ?? '<id>';
        report({
          messageId: 'notHost',
          node: found.attribute ?? found.nvpair,
          data: {
            owner: owner === bundle.element ? `Bundle "${bundle.id}"` : `Resource "${resource}" in bundle "${bundle.id}"`,
            value: found.value,
          },
          fix: `pcs resource meta ${resource} container-attribute-target=host (or container-attribute-target= to use the bundle node, the default)`,
        });
      }
    }
  },
});
