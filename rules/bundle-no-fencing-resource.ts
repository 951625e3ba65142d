import { defineRule } from '../src/rule.js';

/**
 * A bundled resource runs inside a container on a bundle node, under Pacemaker Remote. Fencing
 * devices are run by the fencer, which exists only on full cluster nodes, and a device that
 * depends on a container it might have to fence cannot be trusted. pcs refuses such a bundle
 * ("contains stonith resource ... which is unsupported") and leaves it out of its exports;
 * crm_verify says nothing.
 */
export default defineRule({
  meta: {
    id: 'bundle-no-fencing-resource',
    level: 'error',
    description: 'A bundle does not contain a fencing (stonith) resource',
    constraint: {
      title: 'The resource inside a bundle is not of class stonith',
      source: 'pcs pcs/lib/cib/resource/bundle.py and "pcs resource config" ("Bundle resource ... contains stonith resource ..., which is unsupported"); RHEL 7 HA Reference §9.5.2 (the bundled resource is managed through Pacemaker Remote)',
    },
    tags: ['bundle', 'fencing'],
    messages: {
      fencingInBundle: {
        text: 'Bundle "{{bundle}}" contains the fencing device "{{resource}}" (class {{class}}{{via}}); fencing devices cannot run inside a container, pcs treats the bundle as unsupported, and the device does not protect the cluster',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const primitive of bundle.resources) {
        if (primitive.name !== 'primitive') continue;
        const agent = cib.resourceAgent(primitive);
        if (agent.class?.toLowerCase() !== 'stonith') continue;
        const ownClass = primitive.attribute('class');
        const resource = primitive.id ?? '';
        report({
          messageId: 'fencingInBundle',
          node: ownClass ?? primitive.attribute('template') ?? primitive,
          data: {
            bundle: bundle.id,
            resource,
            class: agent.class,
            via: ownClass ? '' : ` from template "${agent.template?.id ?? ''}"`,
          },
          fix: `Define the device outside the bundle: remove "${resource}" from bundle "${bundle.id}" in the CIB, then pcs stonith create ${resource} ${agent.type ?? '<fence-agent>'} ...`,
        });
      }
    }
  },
});
