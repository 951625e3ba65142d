import { defineRule } from '../src/rule.js';

/**
 * A bundle is not a resource agent instance: it has no operations, utilization or instance
 * attributes of its own; those belong on the primitive inside it (Pacemaker even moves the
 * primitive's utilization to the implicit container resources). The schema rejects operations
 * and utilization on a bundle; it admits instance_attributes, which Pacemaker then never reads.
 */
export default defineRule({
  meta: {
    id: 'bundle-unsupported-children',
    level: 'error',
    description: 'Bundles have no operations, utilization or instance_attributes of their own',
    constraint: {
      title: 'Bundles have no instance attributes, utilization attributes or operations',
      source: 'RHEL 7 HA Reference §9.5.3 ("バンドルには、インスタンス属性、使用率属性、または操作がありません。しかし、バンドルに含まれるリソースには、これらがあります。"); Pacemaker xml/resources-*.rng (element-bundle); lib/pengine/bundle.c (utilization)',
    },
    tags: ['bundle', 'schema'],
    crmVerify: /Element bundle has extra content: (operations|utilization)/,
    messages: {
      rejected: {
        text: 'Bundle "{{bundle}}" has <{{child}}> of its own; bundles cannot have {{what}} (the schema rejects the CIB), they belong on the primitive inside the bundle',
      },
      ignored: {
        text: 'Bundle "{{bundle}}" has <instance_attributes> of its own; Pacemaker silently ignores them, since bundles have no instance attributes (they belong on the primitive inside the bundle)',
        level: 'warning',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const primitive = bundle.primitive?.id;
      for (const child of bundle.element.childrenNamed('operations', 'utilization', 'instance_attributes')) {
        const data = { bundle: bundle.id, child: child.name };
        if (child.name === 'instance_attributes') {
          report({
            messageId: 'ignored',
            node: child,
            data,
            fix: primitive
              ? `Move them to the primitive: pcs resource update ${primitive} <name>=<value>, then delete the bundle's <instance_attributes> (pcs cluster edit)`
              : `Delete the bundle's <instance_attributes> (pcs cluster edit); container settings go on the container: pcs resource bundle update ${bundle.id} container ...`,
          });
          continue;
        }
        const what = child.name === 'operations' ? 'operations' : 'utilization attributes';
        const onPrimitive =
          child.name === 'operations'
            ? `pcs resource op add ${primitive ?? '<primitive>'} monitor interval=<interval>`
            : `pcs resource utilization ${primitive ?? '<primitive>'} <name>=<value>`;
        report({
          messageId: 'rejected',
          node: child,
          data: { ...data, what },
          fix: `Delete the bundle's <${child.name}> (pcs cluster edit)${primitive ? ` and configure them on the primitive: ${onPrimitive}` : ''}`,
        });
      }
    }
  },
});
