import { defineRule } from '../src/rule.js';
import { compareVersions, parseSchemaVersion } from '../src/cib/values.js';

/** Schema versions Pacemaker has shipped (`xml/pacemaker-X.Y.rng`); 4.0 is Pacemaker 3's upgrade target. */
const KNOWN_MINORS: Record<number, number> = { 1: 3, 2: 10, 3: 10, 4: 0 };
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
      missing: { text: 'The <cib> element has no validate-with: Pacemaker cannot tell which schema applies' },
      disabled: { text: 'validate-with="{{value}}" turns schema validation off; Pacemaker 3 refuses such a CIB' },
      unknown: { text: 'validate-with="{{value}}" is not a schema Pacemaker knows (pacemaker-2.0 to pacemaker-4.0)' },
      tooOld: { text: 'validate-with="{{value}}" is older than pacemaker-2.0; Pacemaker 3 refuses it' },
    },
  },
  check({ cib, report }) {
    const attribute = cib.root.attribute('validate-with');
    const fix = 'Upgrade the CIB to the newest schema the cluster supports: `pcs cluster cib-upgrade` (or `cibadmin --upgrade --force`).';
    if (!attribute) {
      report({ messageId: 'missing', node: cib.root, fix });
      return;
    }
    const value = attribute.value;
    if (value === 'none' || value === 'pacemaker-none') {
      report({ messageId: 'disabled', node: attribute, data: { value }, fix });
      return;
    }
    const version = parseSchemaVersion(value);
    if (!version || !value.startsWith('pacemaker-') && !value.startsWith('transitional-')) {
      report({ messageId: 'unknown', node: attribute, data: { value }, fix });
      return;
    }
    if (compareVersions(version, OLDEST_SUPPORTED) < 0) {
      report({ messageId: 'tooOld', node: attribute, data: { value }, fix });
      return;
    }
    const newestMinor = KNOWN_MINORS[version.major];
    if (newestMinor === undefined || version.minor > newestMinor || value.startsWith('transitional-')) {
      report({ messageId: 'unknown', node: attribute, data: { value }, fix });
    }
  },
});
