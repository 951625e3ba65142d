import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, metaCommand, onlyMeta, remedy, removeNvpair, setAttribute, withRemedies } from '../src/cib/edits.js';
import { shellWord, unsetMetaCommand } from '../src/cib/pcs-commands.js';

const PROMOTION_ROLES = new Set(['promoted', 'unpromoted', 'master', 'slave']);

/**
 * Promoted and Unpromoted (Master and Slave before Pacemaker 2.1) are roles of promotable clones.
 * A bundle that is not promotable (no promoted-max, no meta promotable) has no such roles:
 * Pacemaker logs "Ignoring 'target-role' ... only makes sense for promotable clones" for the
 * bundle and every resource it generates, and runs them as if target-role were unset, so the role
 * asked for never takes effect.
 */
export default defineRule({
  meta: {
    id: 'bundle-target-role-promoted',
    level: 'error',
    description: 'target-role Promoted/Unpromoted on a bundle or its resource requires a promotable bundle',
    constraint: {
      title: 'Promoted, Unpromoted, Master and Slave target roles apply only to promotable bundles',
      source: 'RHEL 7 HA Reference §9.5.2 (promoted-max makes the bundle a multi-state clone) and §9.5.2.2 (bundle meta-attributes such as target-role are inherited); Pacemaker lib/pengine/utils.c (get_target_role)',
    },
    tags: ['bundle', 'promotable', 'meta'],
    messages: {
      notPromotable: {
        text: 'Bundle "{{bundle}}" is not promotable (no promoted-max above 0, no meta promotable=true), so target-role="{{value}}" on {{owner}} only makes sense for promotable clones; Pacemaker ignores it and runs the resources as if no target-role were set',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (bundle.isPromotable) continue;
      const owners = bundle.primitive ? [bundle.element, bundle.primitive] : [bundle.element];
      for (const owner of owners) {
        const targetRole = cib.ownMeta(owner, 'target-role');
        if (!targetRole || !PROMOTION_ROLES.has(targetRole.value.toLowerCase())) continue;
        const isBundle = owner === bundle.element;
        const resource = owner.id ?? '<id>';
        report({
          messageId: 'notPromotable',
          node: targetRole.attribute ?? targetRole.nvpair,
          data: {
            bundle: bundle.id,
            value: targetRole.value,
            owner: isBundle ? 'the bundle' : `its resource "${resource}"`,
          },
          // Pacemaker runs the resources as if it were not set: without it the CIB says what happens,
          // unless another set or rsc_defaults would then decide.
          ...withRemedies(onlyMeta(cib, owner, 'target-role') ? removeNvpair(owner, targetRole.nvpair) : undefined, (removal) => ({
            fixes: [remedy('Remove target-role, which Pacemaker ignores on a bundle that is not promotable', removal, metaCommand(owner, targetRole.nvpair, ''))],
          })),
          suggestions: [remedy('Make the bundle promotable instead (its agent must support promote and demote)', bundle.container ? [setAttribute(bundle.container, 'promoted-max', '1')] : [], bundleUpdate(bundle.id, 'container', 'promoted-max=1'))],
          suggestion: `${unsetMetaCommand(owner, targetRole.nvpair)} (${isBundle ? `or pcs resource disable ${shellWord(bundle.id)} to stop it` : 'the resource then follows its bundle'}), or make the bundle promotable (needs an OCF agent with promote/demote): pcs resource bundle update ${shellWord(bundle.id)} container promoted-max=1`,
        });
      }
    }
  },
});

