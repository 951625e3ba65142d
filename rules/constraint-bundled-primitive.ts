import { defineRule } from '../src/rule.js';
import type { Bundle } from '../src/cib/model.js';
import { constraintResourceReferences, describeConstraint } from '../src/cib/constraints.js';

/**
 * The primitive inside a bundle is not a resource of its own to the scheduler: Pacemaker
 * replicates it per container and only the bundle can be constrained. A constraint naming the
 * inner primitive is ignored ("Ignoring constraint ... because 'X' is not a valid resource or
 * tag"), so the placement or ordering the administrator wanted silently does not happen.
 */
export default defineRule({
  meta: {
    id: 'constraint-bundled-primitive',
    level: 'error',
    description: "Constraints name the bundle, never the primitive inside it",
    constraint: {
      title: "No constraint names a bundle's inner primitive",
      source: 'Pacemaker scheduler, constraint unpacking (observed with crm_verify 2.1.5: "Ignoring constraint ... because X is not a valid resource or tag"); RHEL 7 HA Reference §9.5 (bundles are managed as a whole)',
    },
    tags: ['bundle', 'constraints'],
    messages: {
      bundled: {
        text: '{{attribute}}="{{primitive}}" in {{constraint}} names the primitive inside bundle "{{bundle}}"; Pacemaker ignores the constraint: constrain the bundle "{{bundle}}" instead',
      },
    },
    crmVerify: /because '[^']*' is not a valid resource or tag/,
  },
  check({ cib, report }) {
    const bundleOfPrimitive = new Map<string, Bundle>();
    for (const bundle of cib.bundles) {
      for (const resource of bundle.resources) if (resource.id !== undefined) bundleOfPrimitive.set(resource.id, bundle);
    }
    if (bundleOfPrimitive.size === 0) return;
    for (const { attribute, constraint } of constraintResourceReferences(cib)) {
      const bundle = bundleOfPrimitive.get(attribute.value);
      if (!bundle) continue;
      const name = attribute.owner.name === 'resource_ref' ? 'resource_ref id' : attribute.name;
      report({
        messageId: 'bundled',
        node: attribute,
        data: { attribute: name, primitive: attribute.value, bundle: bundle.id, constraint: describeConstraint(constraint) },
        fix: `Replace "${attribute.value}" with "${bundle.id}": pcs constraint delete ${constraint.id ?? '<constraint id>'}, then recreate it on the bundle (e.g. pcs constraint location ${bundle.id} prefers <node>)`,
        related: [{ target: bundle.element, message: `bundle "${bundle.id}" defined here` }],
      });
    }
  },
});
