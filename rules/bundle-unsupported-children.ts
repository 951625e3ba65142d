import { EDIT_CIB_FILE, shellWord, xpathLiteral } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import type { XmlElement } from '../src/document/xml/element.js';
import type { Cib } from '../src/cib/model.js';

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
          report({ messageId: 'ignored', node: child, data, suggestion: moveInstanceAttributes(cib, bundle.id, child, primitive) });
          continue;
        }
        const what = child.name === 'operations' ? 'operations' : 'utilization attributes';
        // The CIB does not validate, so pcs cannot load it: only an edit of the file helps.
        const destination = primitive ? `move the <${child.name}> element into <primitive id="${primitive}">` : `delete the <${child.name}> element of bundle ${bundle.id}`;
        report({
          messageId: 'rejected',
          node: child,
          data: { ...data, what },
          suggestion: `${EDIT_CIB_FILE}: ${destination}`,
        });
      }
    }
  },
});

/**
 * Sets the bundle's instance attributes on its primitive, then deletes the bundle's set: pcs has
 * no command that removes an nvset from a bundle, cibadmin does (by XPath, since a set that refers
 * to another with id-ref has no id of its own).
 */
function moveInstanceAttributes(cib: Cib, bundle: string, set: XmlElement, primitive: string | undefined): string {
  const reference = set.attr('id-ref');
  const selector = reference === undefined ? `@id=${xpathLiteral(set.id ?? '')}` : `@id-ref=${xpathLiteral(reference)}`;
  const remove = `cibadmin --delete --xpath ${shellWord(`//bundle[@id=${xpathLiteral(bundle)}]/instance_attributes[${selector}]`)}`;
  const pairs = (reference === undefined ? set : cib.byId(reference) ?? set).childrenNamed('nvpair');
  const assignments = pairs.filter((nvpair) => nvpair.has('name') && nvpair.has('value')).map((nvpair) => shellWord(`${nvpair.attr('name')}=${nvpair.attr('value')}`));
  return primitive && assignments.length > 0 ? `pcs resource update ${shellWord(primitive)} ${assignments.join(' ')} && ${remove}` : remove;
}
