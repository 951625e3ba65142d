import { defineRule } from '../src/rule.js';

/**
 * A group is an ordered, colocated list of primitives; a bundle is not a primitive and cannot
 * be a member. The schema rejects it, and pcs refuses to add a bundle to a group: the ordering
 * and colocation a group would give are expressed with constraints on the bundle instead.
 */
export default defineRule({
  meta: {
    id: 'bundle-not-grouped',
    level: 'error',
    description: 'Bundles are not members of a group',
    constraint: {
      title: 'Bundles cannot be included in a group',
      source: 'RHEL 7 HA Reference §9.5.3 ("バンドルはグループに含まれていないこと"); Pacemaker xml/resources-*.rng (element-group holds primitives only)',
    },
    tags: ['bundle', 'resource'],
    crmVerify: /Element group has extra content: bundle/,
    messages: {
      grouped: {
        text: 'Bundle "{{bundle}}" is inside group "{{group}}"; groups hold only primitives, so the schema rejects the CIB',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const group = bundle.element.ancestor('group');
      if (!group) continue;
      const groupId = group.id ?? '';
      report({
        messageId: 'grouped',
        node: bundle.element,
        data: { bundle: bundle.id, group: groupId },
        fix: `Move the bundle out of the group to <resources> (pcs cluster edit) and keep its ordering with constraints: pcs constraint order start <previous> then start ${bundle.id}; pcs constraint colocation add ${bundle.id} with <previous>`,
        related: [{ target: group, message: `group "${groupId}"` }],
      });
    }
  },
});
