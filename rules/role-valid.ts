import { idWord, IN_CIB_FILE, xmlTextWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, setAttribute } from '../src/cib/edits.js';
import type { XmlAttribute } from '../src/document/xml/element.js';
import { canonicalRole, compareVersions, LEGACY_ROLES, ROLES } from '../src/cib/values.js';

/** Role attributes the schema enumerates (exact spelling), by element. */
const SCHEMA_ROLE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  op: ['role'],
  rsc_location: ['role'],
  rsc_colocation: ['rsc-role', 'with-rsc-role'],
  rsc_ticket: ['rsc-role'],
  resource_set: ['role'],
};
const KNOWN = `${ROLES.join(', ')} (legacy: ${Object.keys(LEGACY_ROLES).join(', ')})`;
/** The schema version that introduced the Promoted/Unpromoted spellings. */
const NEW_ROLE_NAMES_SINCE = { major: 3, minor: 7 };

/**
 * A role Pacemaker does not know makes the whole CIB fail schema validation where the schema
 * lists roles (op, constraints, resource sets), and makes Pacemaker ignore the setting where it
 * does not (target-role: "Ignoring 'target-role' ... is not valid", and rule roles). The schema
 * takes roles only in their exact spelling, and Promoted/Unpromoted only from pacemaker-3.7 on.
 */
export default defineRule({
  meta: {
    id: 'role-valid',
    level: 'error',
    description: 'role, rsc-role, with-rsc-role and target-role values are roles Pacemaker knows',
    constraint: {
      title: 'Roles are Stopped, Started, Promoted, Unpromoted (legacy Master, Slave)',
      source: 'Pacemaker xml/constraints-3.9.rng (attribute-roles), xml/resources-3.9.rng (op role); Pacemaker Explained, "Resource Meta-Attributes" (target-role); lib/common/roles.c',
    },
    tags: ['roles', 'constraints', 'operations'],
    messages: {
      unknown: {
        text: '{{attribute}}="{{value}}" on {{element}} is not a role ({{known}}): the CIB fails schema validation, so Pacemaker refuses it',
      },
      unknownRuleRole: {
        text: 'role="{{value}}" on {{element}} is not a role ({{known}}): Pacemaker ignores the rule ("Bad role specified")',
      },
      unknownTargetRole: {
        text: 'target-role "{{value}}" of {{element}} is not a role, so Pacemaker ignores it; known roles: {{known}}',
      },
      wrongCase: {
        text: '{{attribute}}="{{value}}" on {{element}} must be spelled "{{expected}}": the schema only accepts the exact spelling, so the CIB fails validation and Pacemaker refuses it',
      },
      tooNewForSchema: {
        text: '{{attribute}}="{{value}}" on {{element}} needs validate-with pacemaker-3.7 or later (this CIB uses {{schema}}, which only knows Master and Slave): the CIB fails validation and Pacemaker refuses it',
      },
    },
  },
  check({ cib, report }) {
    const schema = cib.schemaVersion;
    const check = (attribute: XmlAttribute, exact: boolean): void => {
      const element = attribute.owner;
      const role = canonicalRole(attribute.value);
      const data = { attribute: attribute.name, value: attribute.value, element: element.describe(), known: KNOWN };
      if (role === undefined) {
        if (exact) report({ messageId: 'unknown', node: attribute, data, suggestion: `Write one of ${KNOWN}${IN_CIB_FILE}` });
        else report({ messageId: 'unknownRuleRole', node: attribute, data, suggestion: `Recreate the rule with a known role: pcs constraint rule delete ${idWord(element.id, '<rule id>')}, then pcs constraint rule add <constraint id> role=Promoted ...` });
      } else if (exact && role !== attribute.value.trim()) {
        report({ messageId: 'wrongCase', node: attribute, data: { ...data, expected: role }, suggestion: `Write ${attribute.name}="${role}"${IN_CIB_FILE}`, fixes: [remedy(`Write ${role}`, [setAttribute(element, attribute.name, role)])] });
      } else if (exact && !(role in LEGACY_ROLES) && role !== 'Started' && role !== 'Stopped' && schema && compareVersions(schema, NEW_ROLE_NAMES_SINCE) < 0) {
        report({
          messageId: 'tooNewForSchema',
          node: attribute,
          data: { ...data, schema: cib.validateWith ?? '' },
          // No upgrade transformation lies between 3.0 and 3.7, so raising validate-with is enough.
          suggestion: `Write ${attribute.name}="${role === 'Promoted' ? 'Master' : 'Slave'}", or set validate-with="pacemaker-3.7" (or later)${IN_CIB_FILE}`,
          // The legacy name is the same role, in the spelling this schema knows.
          fixes: [remedy(`Write ${role === 'Promoted' ? 'Master' : 'Slave'}, the name of this role in ${cib.validateWith ?? 'this schema'}`, [setAttribute(element, attribute.name, role === 'Promoted' ? 'Master' : 'Slave')])],
        });
      }
    };
    for (const [name, attributes] of Object.entries(SCHEMA_ROLE_ATTRIBUTES)) {
      for (const element of cib.configured(name)) {
        for (const attributeName of attributes) {
          const attribute = element.attribute(attributeName);
          if (attribute) check(attribute, true);
        }
      }
    }
    for (const rule of cib.configured('rule')) {
      const attribute = rule.attribute('role');
      if (attribute) check(attribute, false);
    }
    for (const nvpair of cib.configured('nvpair')) {
      if (nvpair.attr('name') !== 'target-role' || nvpair.parent?.name !== 'meta_attributes') continue;
      const attribute = nvpair.attribute('value');
      if (!attribute) continue;
      const value = attribute.value.trim();
      // "#default" unsets the option; Pacemaker 2 also reads "default" as "not set".
      if (value === '#default' || value === 'default' || canonicalRole(value) !== undefined) continue;
      const owner = nvpair.parent.parent;
      const suggestion = owner?.name === 'rsc_defaults' ? 'pcs resource defaults update target-role=Started'
        : owner?.name === 'template' ? `cibadmin --delete --xml-text ${nvpair.id === undefined ? `'<nvpair id="<nvpair id>"/>'` : xmlTextWord('nvpair', { id: nvpair.id })}` // pcs does not manage templates
        : `pcs resource meta ${idWord(owner?.id, '<resource>')} target-role=Started`;
      report({
        messageId: 'unknownTargetRole',
        node: attribute,
        data: { value: attribute.value, element: owner?.describe() ?? '<meta_attributes>', known: KNOWN },
        suggestion: owner?.name === 'template' ? suggestion : `${suggestion} (or Stopped, Promoted, Unpromoted)`,
      });
    }
  },
});
