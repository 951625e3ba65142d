import { defineRule } from '../src/core/rule.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { cibadminDelete, cibadminModify } from '../src/cib/cibadmin.js';
import { shellWord } from '../src/cib/pcs-commands.js';
import { closestWords } from '../src/core/similar.js';

/**
 * Meta-attributes Pacemaker reads from resources (Pacemaker Explained, "Resource Meta-Attributes",
 * "Clone Options", "Group Properties", guest node options; include/crm/common/options.h). Clone
 * options are accepted everywhere: bundles pass them on to their implicit clone, and a clone
 * option on a primitive is another rule's business. Deprecated names that Pacemaker still reads
 * are here too (master-max, collocated, restart-type...): pacemaker3-removed reports what
 * Pacemaker 3 drops.
 */
const RESOURCE_META = [
  'priority', 'critical', 'target-role', 'is-managed', 'maintenance', 'resource-stickiness', 'requires',
  'migration-threshold', 'failure-timeout', 'multiple-active', 'allow-migrate', 'allow-unhealthy-nodes',
  'container-attribute-target', 'remote-node', 'remote-addr', 'remote-port', 'remote-connect-timeout',
  'remote-allow-migrate', 'provides',
  'globally-unique', 'clone-max', 'clone-node-max', 'clone-min', 'notify', 'ordered', 'interleave',
  'promotable', 'promoted-max', 'promoted-node-max', 'master-max', 'master-node-max',
  'collocated', 'container', 'restart-type',
];

/**
 * Operation properties, as op attributes or in an op's (or op_defaults') meta_attributes
 * (Pacemaker Explained, "Operation Properties"); `requires` is the pre-3.0 schema's, and the
 * failure options Pacemaker 3 drops are pacemaker3-removed's to report.
 */
const OP_META = ['interval', 'timeout', 'on-fail', 'enabled', 'record-pending', 'role', 'start-delay', 'interval-origin', 'description', 'requires', 'can_fail', 'can-fail', 'role_after_failure'];
/** What an `<op>` element itself may carry (xml/resources-*.rng). */
const OP_ATTRIBUTES = ['id', 'name', ...OP_META.filter((name) => !['can_fail', 'can-fail', 'role_after_failure'].includes(name))];

/** Action names people write where a meta-attribute belongs. */
const ACTION_NAMES = new Set(['migrate_to', 'migrate_from', 'migrate', 'start', 'stop', 'monitor', 'promote', 'demote', 'notify', 'reload']);

const RESOURCE_OWNERS = new Set(['primitive', 'template', 'group', 'clone', 'master', 'bundle', 'rsc_defaults']);
const OP_OWNERS = new Set(['op', 'op_defaults']);

/** How an agent would see the name: `OCF_RESKEY_CRM_meta_<name>` with dashes as underscores (crm_meta_name()). */
function environmentName(name: string): string {
  return `OCF_RESKEY_CRM_meta_${name.replaceAll('-', '_')}`;
}

function suggestions(close: readonly string[]): string {
  return close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
}

function describeOwner(owner: XmlElement): string {
  if (owner.name === 'rsc_defaults' || owner.name === 'op_defaults') return owner.name;
  if (owner.name === 'op') return `operation "${owner.id ?? owner.attr('name') ?? ''}"`;
  return owner.describe();
}

/**
 * Pacemaker looks meta-attributes up by their exact names and ignores every other one (an agent
 * may read it as OCF_RESKEY_CRM_meta_<name>): `clone_max`, `inteleave` or `on_fail` change
 * nothing. An unknown attribute on an `<op>` element itself fails the schema.
 */
export default defineRule({
  meta: {
    id: 'meta-attribute-names',
    level: 'error',
    description: 'Meta-attributes and operation properties have names Pacemaker reads',
    constraint: {
      title: 'meta_attributes of resources, rsc_defaults, ops and op_defaults, and op attributes, use the names Pacemaker Explained documents',
      source: 'Pacemaker Explained, "Resource Meta-Attributes", "Clone Options", "Bundle Properties", "Operation Properties"; include/crm/common/options.h (PCMK_META_*); xml/resources-3.10.rng (op attributes); lib/common/utils.c crm_meta_name()',
    },
    tags: ['meta-attributes', 'operations', 'typos'],
    options: ['allow'],
    messages: {
      opAttribute: {
        text: 'Operation "{{op}}" of {{resource}} has an attribute "{{name}}" that is not an operation property: the schema does not allow it, so Pacemaker refuses the CIB{{didYouMean}}',
      },
      lookAlike: {
        text: 'Meta-attribute "{{name}}" of {{owner}} is not one Pacemaker reads, so "{{value}}" has no effect{{didYouMean}}',
        level: 'warning',
      },
      actionName: {
        text: 'Meta-attribute "{{name}}" of {{owner}} names an operation, not a meta-attribute, so Pacemaker ignores it{{hint}}',
        level: 'warning',
      },
      unknown: {
        text: 'Meta-attribute "{{name}}" of {{owner}} is not one Pacemaker reads: it has no effect unless the resource agent reads {{environment}}',
        level: 'note',
      },
    },
  },
  check({ cib, options, report }) {
    const allowed = new Set((options.ruleOptions?.allow as unknown[] | undefined)?.filter((name): name is string => typeof name === 'string') ?? []);

    for (const op of cib.configured('op')) {
      if (op.parent?.name !== 'operations') continue;
      for (const attribute of op.attributes) {
        if (OP_ATTRIBUTES.includes(attribute.name) || attribute.name.includes(':')) continue;
        const resource = op.parent.parent;
        report({
          messageId: 'opAttribute',
          node: attribute,
          data: { op: op.id ?? op.attr('name') ?? '', resource: resource?.describe() ?? 'its resource', name: attribute.name, didYouMean: suggestions(closestWords(attribute.name, OP_ATTRIBUTES)) },
          suggestion: closestWords(attribute.name, OP_ATTRIBUTES).length > 0
            ? `Write ${closestWords(attribute.name, OP_ATTRIBUTES)[0]}="${attribute.value}" instead, in the CIB file (pcs and cibadmin cannot load it until then)`
            : `Remove ${attribute.name} from the op in the CIB file (pcs and cibadmin cannot load it until then)`,
        });
      }
    }

    for (const set of cib.configured('meta_attributes')) {
      const owner = set.parent;
      if (!owner) continue;
      const forResource = RESOURCE_OWNERS.has(owner.name);
      if (!forResource && !OP_OWNERS.has(owner.name)) continue;
      // Meta-attributes of an op of an operations list: its resource's op; op_defaults stands alone.
      if (owner.name === 'op' && owner.parent?.name !== 'operations') continue;
      const known = forResource ? RESOURCE_META : OP_META;
      for (const nvpair of set.childrenNamed('nvpair')) {
        const name = nvpair.attr('name');
        const nameAttribute = nvpair.attribute('name');
        if (name === undefined || !nameAttribute || known.includes(name) || allowed.has(name)) continue;
        const data = { name, owner: describeOwner(owner), value: nvpair.attr('value') ?? '', environment: environmentName(name) };
        const close = closestWords(name, known);
        if (forResource && ACTION_NAMES.has(name)) {
          const migrate = name.startsWith('migrate');
          report({
            messageId: 'actionName',
            node: nameAttribute,
            data: { ...data, hint: migrate ? '; to let Pacemaker live-migrate the resource, set allow-migrate=true (the agent must support migrate_to and migrate_from)' : '' },
            suggestion: migrate && owner.id !== undefined && owner.name !== 'rsc_defaults'
              ? `${cibadminDelete(nvpair)} && pcs resource meta ${shellWord(owner.id)} allow-migrate=true`
              : cibadminDelete(nvpair),
          });
        } else if (close.length > 0) {
          report({
            messageId: 'lookAlike',
            node: nameAttribute,
            data: { ...data, didYouMean: suggestions(close) },
            suggestion: cibadminModify(nvpair, { name: close[0]! }),
          });
        } else {
          report({
            messageId: 'unknown',
            node: nameAttribute,
            data,
            suggestion: `Remove it if no agent reads it (${cibadminDelete(nvpair)}), or allow the name in .cib-lint.yaml: rules: { meta-attribute-names: [warning, { allow: [${JSON.stringify(name)}] }] }`,
          });
        }
      }
    }
  },
});
