import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';

/**
 * A bundled resource runs inside a container on a bundle node, under Pacemaker Remote. Fencing
 * devices are run by the fencer, which exists only on full cluster nodes, and a device that
 * depends on a container it might have to fence cannot be trusted. Recent pcs leaves such a
 * bundle out of its exports ("contains stonith resource ..., which is unsupported"); crm_verify
 * says nothing.
 */
export default defineRule({
  meta: {
    id: 'bundle-no-fencing-resource',
    level: 'error',
    description: 'A bundle does not contain a fencing (stonith) resource',
    constraint: {
      title: 'The resource inside a bundle is not of class stonith',
      source: 'pcs "pcs resource config --output-format=cmd" (pcs_test/resources/cib-unsupported-stonith-config.xml: "Bundle resource ... contains stonith resource ..., which is unsupported"; pcs 0.11.5 does not warn yet); RHEL 7 HA Reference §9.5.2 (the bundled resource is managed through Pacemaker Remote)',
    },
    tags: ['bundle', 'fencing'],
    messages: {
      fencingInBundle: {
        text: 'Bundle "{{bundle}}" contains the fencing device "{{resource}}" (class {{class}}{{via}}); Pacemaker schedules it inside the container, but fencing is done by the fencer of the full cluster nodes, which cannot use a device living there; pcs treats the bundle as unsupported, and the device does not protect the cluster',
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
          // pcs 0.11 deletes a primitive of class stonith with `stonith delete`, one whose class
          // comes from a template only with `resource delete`.
          suggestion: `Define the device outside the bundle: pcs ${ownClass ? 'stonith' : 'resource'} delete ${shellWord(resource)} && pcs stonith create ${shellWord(resource)} ${agent.type === undefined ? '<fence-agent>' : shellWord(agent.type)} <its options> (or delete the whole bundle if it exists only for the device: pcs resource delete ${shellWord(bundle.id)})`,
        });
      }
    }
  },
});
