import { EDIT_CIB_FILE, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { RESOURCE_ELEMENTS } from '../src/cib/model.js';
import type { XmlElement } from '../src/document/xml/element.js';

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
    messages: {
      grouped: {
        text: 'Bundle "{{bundle}}" is inside group "{{group}}"; groups hold only primitives, so the schema rejects the CIB and Pacemaker refuses it',
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
        suggestion: `${EDIT_CIB_FILE}: move bundle ${bundle.id} out of group ${groupId} into <resources>${groupConstraints(bundle.element, group)}`,
        related: [{ target: group, message: `group "${groupId}"` }],
      });
    }
  },
});

/**
 * The order and colocation the group gave the bundle, as constraints on its neighbour in the group
 * (the member before it, else the one after it); empty when the bundle is alone in the group.
 */
function groupConstraints(bundle: XmlElement, group: XmlElement): string {
  const members = group.childrenNamed(...RESOURCE_ELEMENTS);
  const index = members.indexOf(bundle);
  if (index < 0) return '';
  const before = members[index - 1]?.id;
  const after = members[index + 1]?.id;
  const [first, then] = before !== undefined ? [before, bundle.id] : [bundle.id, after];
  if (first === undefined || then === undefined) return '';
  return `, then keep the group's order and colocation: pcs constraint order start ${shellWord(first)} then start ${shellWord(then)} && pcs constraint colocation add ${shellWord(then)} with ${shellWord(first)}`;
}
