import { defineRule } from '../src/core/rule.js';
import { compareVersions, parseSchemaVersion } from '../src/cib/values.js';

/** The newest minor of each schema major Pacemaker has shipped since 2.0 (`xml/pacemaker-X.Y.rng`); 4.0 is Pacemaker 3's upgrade target. */
const KNOWN_MINORS: Record<number, number> = { 2: 10, 3: 10, 4: 0 };
const OLDEST_SUPPORTED = { major: 2, minor: 0 };

/**
 * Pacemaker 3 refuses a CIB whose `validate-with` is missing, `none`, `pacemaker-next`, a
 * `0.x`/`1.x` schema or a name it does not know; Pacemaker 2 still accepts some of them and
 * then skips validation entirely.
 */
export default defineRule({
  meta: {
    id: 'validate-with',
    level: 'error',
    description: 'validate-with names a known Pacemaker schema, 2.0 or newer',
    constraint: {
      title: 'validate-with must be set to a known pacemaker-X.Y schema of at least 2.0',
      source: 'Pacemaker 3.0.0 release notes ("validate-with must be set, case-sensitive, and not pacemaker-0.6, pacemaker-0.7, pacemaker-1.1, pacemaker-next, transitional-0.6, or unknown"); Pacemaker Explained, "Configuration Layout"',
    },
    tags: ['schema', 'pacemaker3'],
    messages: {
      missing: { text: 'The <cib> element has no validate-with: Pacemaker cannot tell which schema applies, and Pacemaker 3 refuses the CIB' },
      disabled: { text: 'validate-with="{{value}}" turns schema validation off; Pacemaker 3 refuses such a CIB' },
      unknown: { text: 'validate-with="{{value}}" is not a schema Pacemaker has released (pacemaker-2.0 to pacemaker-4.0), so Pacemaker cannot validate the CIB and Pacemaker 3 refuses it' },
      tooOld: { text: 'validate-with="{{value}}" is older than pacemaker-2.0; Pacemaker 3 refuses it' },
    },
  },
  check({ cib, report }) {
    const attribute = cib.root.attribute('validate-with');
    // `cibadmin --upgrade` keeps none, next and missing values as they are: name a schema instead.
    const setSchema = `cibadmin --modify --xml-text '<cib validate-with="pacemaker-3.9"/>' (use the newest pacemaker-X.Y.rng in /usr/share/pacemaker)`;
    if (!attribute) {
      report({ messageId: 'missing', node: cib.root, suggestion: setSchema });
      return;
    }
    const value = attribute.value;
    if (value === 'none' || value === 'pacemaker-none') {
      report({ messageId: 'disabled', node: attribute, data: { value }, suggestion: setSchema });
      return;
    }
    // Pacemaker looks schema names up verbatim: no spaces, no other case.
    const version = value === value.trim() ? parseSchemaVersion(value) : undefined;
    if (!version || value.startsWith('transitional-') && compareVersions(version, OLDEST_SUPPORTED) >= 0) {
      report({ messageId: 'unknown', node: attribute, data: { value }, suggestion: setSchema });
      return;
    }
    if (compareVersions(version, OLDEST_SUPPORTED) < 0) {
      report({ messageId: 'tooOld', node: attribute, data: { value }, suggestion: 'pcs cluster cib-upgrade' });
      return;
    }
    const newestMinor = KNOWN_MINORS[version.major];
    if (newestMinor === undefined || version.minor > newestMinor) {
      // Pacemaker cannot load a CIB naming a schema it lacks, so neither pcs nor cibadmin can fix it.
      const suggestion = 'In the CIB file, set validate-with to a schema the cluster\'s Pacemaker ships (ls /usr/share/pacemaker/pacemaker-*.rng)';
      report({ messageId: 'unknown', node: attribute, data: { value }, suggestion });
    }
  },
});
