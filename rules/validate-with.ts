import { defineRule } from '../src/core/rule.js';
import { remedy, setAttribute } from '../src/cib/edits.js';
import { parseSchemaVersion } from '../src/cib/values.js';

/** Refused by Pacemaker 3, accepted by Pacemaker 2 (which then validates little or nothing). */
const VERSION_DEPENDENT = new Set(['disabled', 'refused']);

/**
 * What Pacemaker does with the schema a CIB names, by version (pcmk__update_configured_schema() in
 * lib/common/schemas.c; Pacemaker 3.0.0 release notes): Pacemaker 3 refuses a missing
 * validate-with, `none`, `pacemaker-next`, the 0.x series, `pacemaker-1.1` and unknown names, and
 * upgrades every older released schema (1.0, 1.2, 1.3, 2.x, 3.x) in memory each time it loads
 * the CIB. Pacemaker 2 still loads `none` and `pacemaker-next`, with little or no validation.
 */
export default defineRule({
  meta: {
    id: 'validate-with',
    level: 'error',
    description: 'validate-with names a Pacemaker schema that the cluster\'s Pacemaker loads',
    constraint: {
      title: 'validate-with must name a released pacemaker-X.Y schema the cluster\'s Pacemaker knows',
      source: 'Pacemaker 3.0.0 release notes ("validate-with must be set, case-sensitive, and not pacemaker-0.6, pacemaker-0.7, pacemaker-1.1, pacemaker-next, transitional-0.6, or unknown"); pcmk__update_configured_schema() in lib/common/schemas.c; Pacemaker Explained, "Configuration Layout"',
    },
    tags: ['schema', 'pacemaker3'],
    levelFor: (pacemaker, messageId) => (VERSION_DEPENDENT.has(messageId) ? (pacemaker.isPacemaker3 ? 'error' : 'warning') : undefined),
    messages: {
      missing: { text: 'The <cib> element has no validate-with: Pacemaker cannot tell which schema applies, and Pacemaker 3 refuses the CIB' },
      disabled: { text: 'validate-with="{{value}}" turns schema validation off; Pacemaker 3 refuses such a CIB' },
      refused: { text: 'validate-with="{{value}}" is not a schema Pacemaker 3 loads (it refuses none, pacemaker-next, the 0.x series and pacemaker-1.1)' },
      unknown: { text: 'validate-with="{{value}}" is not a schema Pacemaker {{version}} ships (its newest is pacemaker-{{newest}}), so it cannot load the CIB' },
      upgradedOnLoad: {
        text: 'validate-with="{{value}}" predates pacemaker-2.0: Pacemaker {{version}} upgrades the CIB in memory every time it loads it; store the upgraded CIB',
        level: 'warning',
      },
      oldSchema: {
        text: 'validate-with="{{value}}" predates pacemaker-2.0: Pacemaker {{version}} still loads it, Pacemaker 3 upgrades it on every load; upgrading the CIB now gives the newer syntax',
        level: 'note',
      },
    },
  },
  check({ cib, pacemaker, report }) {
    const attribute = cib.root.attribute('validate-with');
    const version = pacemaker.assumed.version;
    const newest = pacemaker.newestSchema;
    // `cibadmin --upgrade` keeps none, next and missing values as they are: name a schema instead.
    const setSchema = `cibadmin --modify --xml-text '<cib validate-with="pacemaker-${newest.major}.${newest.minor}"/>'`;
    // A suggestion, not a fix: the CIB may not validate against the schema it then names.
    const schemaName = `pacemaker-${newest.major}.${newest.minor}`;
    const suggestions = [remedy(`Name ${schemaName}, the newest schema Pacemaker ${version} ships`, [setAttribute(cib.root, 'validate-with', schemaName)], ['cibadmin', '--modify', '--xml-text', `<cib validate-with="${schemaName}"/>`])];
    if (!attribute) {
      report({ messageId: 'missing', node: cib.root, suggestion: setSchema, suggestions });
      return;
    }
    const value = attribute.value;
    switch (pacemaker.schemaSupport(value)) {
      case 'refused':
        report({ messageId: value === 'none' || value === 'pacemaker-none' ? 'disabled' : 'refused', node: attribute, data: { value }, suggestion: setSchema, suggestions });
        return;
      case 'unknown': {
        // Pacemaker cannot load a CIB naming a schema it lacks, so neither pcs nor cibadmin can fix it.
        const suggestion = `In the CIB file, set validate-with to a schema the cluster's Pacemaker ships (ls /usr/share/pacemaker/pacemaker-*.rng; pacemaker-${newest.major}.${newest.minor} for Pacemaker ${version})`;
        report({ messageId: 'unknown', node: attribute, data: { value, version, newest: `${newest.major}.${newest.minor}` }, suggestion });
        return;
      }
      case 'upgraded-on-load':
      case 'current':
        if ((parseSchemaVersion(value)?.major ?? 2) >= 2) return;
        report({
          messageId: pacemaker.isPacemaker3 ? 'upgradedOnLoad' : 'oldSchema',
          node: attribute,
          data: { value, version },
          suggestion: 'pcs cluster cib-upgrade',
        });
    }
  },
});
