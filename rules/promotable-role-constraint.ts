import { defineRule } from '../src/core/rule.js';
import type { XmlAttribute, XmlElement } from '../src/document/xml/element.js';
import type { Bundle, Cib } from '../src/cib/model.js';
import { describeConstraint } from '../src/cib/constraints.js';
import { canonicalRole, parseBoolean, parseScore } from '../src/cib/values.js';

const PROMOTED_ROLES = new Set(['Promoted', 'Unpromoted', 'Master', 'Slave']);
const PROMOTION_ACTIONS = new Set(['promote', 'demote', 'promoted', 'demoted']);

/**
 * Whether the resource a constraint names can be promoted: a constraint on a clone's child
 * applies to the clone (pcmk__find_constraint_resource() takes the top-level parent of an
 * instance), which must be promotable (meta promotable, or the old `master` element); a bundle
 * must have promoted-max. Undefined for templates, tags and unknown ids, whose resources this
 * rule does not expand.
 */
function promotable(cib: Cib, bundles: ReadonlyMap<XmlElement, Bundle>, id: string): boolean | undefined {
  const element = cib.byId(id);
  if (!element || !['primitive', 'group', 'clone', 'master', 'bundle'].includes(element.name)) return undefined;
  let top: XmlElement = element;
  for (let parent = element.parent; parent && parent.name !== 'resources'; parent = parent.parent) top = parent;
  if (top.name === 'master') return true;
  if (top.name === 'clone') return parseBoolean(cib.meta(top, 'promotable')?.value) === true;
  if (top.name === 'bundle') return bundles.get(top)?.isPromotable ?? false;
  return false;
}

/**
 * Only promotable clones and bundles have the Promoted and Unpromoted roles and the promote and
 * demote actions. A constraint on them for any other resource never applies; worse, Pacemaker
 * still creates the missing action or role as something that can never happen, so a mandatory
 * ordering after a promote, or a mandatory colocation with a Promoted or Unpromoted instance,
 * keeps the other resource stopped for good (crm_simulate: "due to unrunnable A promote
 * (blocked)", "due to colocation with A (blocked)"). crm_verify says nothing.
 */
export default defineRule({
  meta: {
    id: 'promotable-role-constraint',
    level: 'warning',
    description: 'Constraints on the promote/demote actions or the Promoted/Unpromoted roles name a resource that can be promoted',
    constraint: {
      title: 'Only promotable clones (and bundles with promoted-max) have roles Promoted and Unpromoted and actions promote and demote',
      source: 'Pacemaker Explained, "Promotable Clones" ("Promotable Clone Constraints") and "Ordering Constraints" (first-action, then-action); lib/pacemaker/pcmk_sched_constraints.c pcmk__find_constraint_resource(); lib/pacemaker/pcmk_sched_ordering.c, pcmk_sched_colocation.c',
    },
    tags: ['constraints', 'roles', 'promotable'],
    messages: {
      orderBlocked: {
        text: '{{constraint}} runs {{thenAction}} of "{{then}}" only after "{{first}}" is {{action}}d, but "{{first}}" cannot be promoted (it is not a promotable clone or a bundle with promoted-max): the {{action}} never happens, so Pacemaker never runs {{thenAction}} of "{{then}}"',
      },
      orderIgnored: {
        text: '{{constraint}} orders the {{action}} of "{{resource}}", which cannot be promoted (it is not a promotable clone or a bundle with promoted-max): that action never happens, so the ordering has no effect',
      },
      colocationBlocked: {
        text: '{{constraint}} lets "{{rsc}}" run only with the {{role}} instance of "{{withRsc}}", which cannot be promoted (it is not a promotable clone or a bundle with promoted-max): there is no such instance, so Pacemaker never runs "{{rsc}}"',
      },
      roleIgnored: {
        text: '{{constraint}} applies to "{{resource}}" in role {{role}}, but "{{resource}}" cannot be promoted (it is not a promotable clone or a bundle with promoted-max) and never has that role, so the constraint has no effect',
      },
    },
  },
  check({ cib, report }) {
    const promotion = (attribute: XmlAttribute | undefined, roles: boolean): string | undefined => {
      if (!attribute) return undefined;
      if (roles) {
        const role = canonicalRole(attribute.value);
        return role !== undefined && PROMOTED_ROLES.has(role) ? role : undefined;
      }
      const action = attribute.value.trim().toLowerCase();
      return PROMOTION_ACTIONS.has(action) ? action.replace(/d$/, '') : undefined;
    };
    const bundles = new Map(cib.bundles.map((bundle) => [bundle.element, bundle]));
    const cannot = (id: string | undefined): id is string => id !== undefined && promotable(cib, bundles, id) === false;
    const suggestion = (resource: string): string =>
      `Name a role or action that "${resource}" has (role Started, action start), or make it promotable if its agent supports promotion`;

    for (const constraint of cib.constraintsSection?.children ?? []) {
      const label = describeConstraint(constraint);
      if (constraint.name === 'rsc_order') {
        const first = constraint.attr('first');
        const then = constraint.attr('then');
        const firstAction = constraint.attribute('first-action');
        const thenAction = constraint.attribute('then-action');
        const action = promotion(firstAction, false);
        if (action && cannot(first)) {
          // Mandatory is the default; a score other than 0 means Mandatory too (order-score-deprecated).
          const kind = constraint.attr('kind') ?? (constraint.has('score') && parseScore(constraint.attr('score')) === 0 ? 'Optional' : 'Mandatory');
          const blocks = action === 'promote' && kind === 'Mandatory' && then !== undefined;
          report({
            messageId: blocks ? 'orderBlocked' : 'orderIgnored',
            node: firstAction!,
            data: { constraint: label, first, then: then ?? '', action, thenAction: thenAction?.value ?? 'start', resource: first },
            suggestion: suggestion(first),
          });
        }
        const laterAction = promotion(thenAction, false);
        if (laterAction && cannot(then)) {
          report({ messageId: 'orderIgnored', node: thenAction!, data: { constraint: label, action: laterAction, resource: then }, suggestion: suggestion(then) });
        }
      } else if (constraint.name === 'rsc_colocation') {
        const rsc = constraint.attr('rsc');
        const withRsc = constraint.attr('with-rsc');
        const withRole = constraint.attribute('with-rsc-role');
        const primaryRole = promotion(withRole, true);
        if (primaryRole && cannot(withRsc)) {
          const mandatory = parseScore(constraint.attr('score')) === Number.POSITIVE_INFINITY && rsc !== undefined;
          report({
            messageId: mandatory ? 'colocationBlocked' : 'roleIgnored',
            node: withRole!,
            data: { constraint: label, rsc: rsc ?? '', withRsc, role: primaryRole, resource: withRsc },
            suggestion: suggestion(withRsc),
          });
        }
        const rscRole = constraint.attribute('rsc-role');
        const dependentRole = promotion(rscRole, true);
        if (dependentRole && cannot(rsc)) {
          report({ messageId: 'roleIgnored', node: rscRole!, data: { constraint: label, resource: rsc, role: dependentRole }, suggestion: suggestion(rsc) });
        }
      } else if (constraint.name === 'rsc_location' || constraint.name === 'rsc_ticket') {
        const roleAttribute = constraint.attribute(constraint.name === 'rsc_location' ? 'role' : 'rsc-role');
        const role = promotion(roleAttribute, true);
        const rsc = constraint.attr('rsc');
        if (role && cannot(rsc)) {
          report({ messageId: 'roleIgnored', node: roleAttribute!, data: { constraint: label, resource: rsc, role }, suggestion: suggestion(rsc) });
        }
      }

      // Resource sets: a set's role or action applies to each resource in it.
      for (const set of constraint.childrenNamed('resource_set')) {
        const roleAttribute = set.attribute('role');
        const actionAttribute = set.attribute('action');
        const role = promotion(roleAttribute, true);
        const action = promotion(actionAttribute, false);
        if (!role && !action) continue;
        const resource = set.childrenNamed('resource_ref').map((ref) => ref.attr('id')).find(cannot);
        if (resource === undefined) continue;
        if (role) report({ messageId: 'roleIgnored', node: roleAttribute!, data: { constraint: `resource_set "${set.id ?? ''}" of ${label}`, resource, role }, suggestion: suggestion(resource) });
        else report({ messageId: 'orderIgnored', node: actionAttribute!, data: { constraint: `resource_set "${set.id ?? ''}" of ${label}`, action: action!, resource }, suggestion: suggestion(resource) });
      }
    }
  },
});
