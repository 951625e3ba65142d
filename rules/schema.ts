import { defineRule } from '../src/core/rule.js';
import { nodeAtPath } from '../src/document/xml/node-path.js';
import { schemaDirectory, schemaFileFor, schemaFileInstalled, schemaInstalled, type SchemaError } from '../src/document/xml/schemas.js';

/**
 * RelaxNG reports a cascade for one mistake: the element at fault, then "failed to validate
 * content" and "extra content" on every ancestor. Only the deepest error of each branch says
 * something; the rest is noise.
 */
function deepestErrors(errors: SchemaError[]): SchemaError[] {
  const seen = new Set<string>();
  const located = errors.some((error) => error.path !== undefined);
  return errors.filter((error) => {
    const path = error.path;
    // An error without a node is part of a cascade whenever another error has one.
    if (path === undefined) return !located;
    if (seen.has(path)) return false;
    seen.add(path);
    return !errors.some((other) => other.path !== undefined && other.path.startsWith(`${path}/`));
  });
}

/** libxml2's RelaxNG messages, said in terms of the element at fault; the original follows. */
const EXPLANATIONS: [RegExp, (element: string, match: RegExpExecArray) => string][] = [
  [/^Invalid attribute (\S+) for element/, (element, m) => `${element} does not allow the attribute ${m[1]}`],
  [/^Element \S+ failed to validate attributes/, (element) => `${element} lacks a required attribute or has an invalid one`],
  [/^(Invalid sequence in interleave|Extra element \S+ in interleave|Element \S+ has extra content)/, (element) => `${element} is not allowed here`],
  [/^Expecting an element (\S+), got nothing/, (element, m) => `${element} lacks the required element <${m[1]}>`],
  [/^Expecting element (\S+), got (\S+)/, (_, m) => `<${m[2]}> found where <${m[1]}> is required`],
  [/^Element \S+ failed to validate content/, (element) => `the content of ${element} does not match the schema`],
];

function explain(message: string, element: string): string {
  for (const [pattern, say] of EXPLANATIONS) {
    const match = pattern.exec(message);
    if (match) return `${say(element, match)} (libxml2: ${message})`;
  }
  return message;
}

/**
 * Pacemaker validates every CIB against the RelaxNG schema its `validate-with` names and refuses
 * one that does not validate. crm_verify then says only "CIB did not pass schema validation";
 * this rule shows each error at its element with libxml2's message.
 */
export default defineRule({
  meta: {
    id: 'schema',
    level: 'error',
    description: "The CIB validates against Pacemaker's own RelaxNG schema for its validate-with",
    constraint: {
      title: 'A CIB must be valid against the schema named by validate-with',
      source: "Pacemaker Explained, \"Configuration Layout\"; Pacemaker's xml/pacemaker-X.Y.rng",
    },
    tags: ['schema'],
    unavailable(options) {
      const directory = schemaDirectory(options.schemaDir);
      return schemaInstalled(directory) ? undefined : `Pacemaker's RelaxNG schemas are not installed in ${directory}`;
    },
    messages: {
      invalid: { text: 'Not valid against {{schema}}: {{reason}}' },
      skipped: {
        text: 'Schema validation was skipped: {{reason}}. Install Pacemaker\'s schemas (Debian/Ubuntu: apt-get install pacemaker-common; RHEL: dnf install pacemaker-schemas) or point --schema-dir (or CIB_LINT_SCHEMA_DIR) at a folder holding {{file}}',
        level: 'note',
      },
    },
  },
  check({ cib, options, schemaErrors, report, reportAt }) {
    const validateWith = cib.validateWith;
    const file = schemaFileFor(validateWith, options.schemaDir);
    // A missing, disabled or unknown validate-with is the validate-with rule's finding.
    if (validateWith === undefined || file === undefined) return;
    const directory = schemaDirectory(options.schemaDir);
    if (!schemaFileInstalled(file)) {
      const reason = schemaInstalled(directory)
        ? `${directory} has no ${validateWith}.rng (the installed Pacemaker is older than this CIB's schema)`
        : `no Pacemaker schemas in ${directory}`;
      // Secondary: where the validate-with rule says the version itself is wrong, that says more.
      report({ messageId: 'skipped', node: cib.root.attribute('validate-with'), data: { reason, file: `${validateWith}.rng` }, secondary: true });
      return;
    }
    for (const error of deepestErrors(schemaErrors(file))) {
      // A path through a text node or a namespaced element names no scanned node: the line then.
      const scanned = error.path === undefined ? undefined : nodeAtPath(cib.root, error.path);
      const element = scanned && 'owner' in scanned ? scanned.owner : scanned;
      const attributeName = /Invalid attribute (\S+) for element/.exec(error.message)?.[1];
      const data = { schema: `${validateWith}.rng`, reason: explain(error.message, element?.describe() ?? 'the element') };
      const suggestion = `Correct the element as the schema requires, or upgrade the CIB's schema if the cluster supports a newer one: pcs cluster cib-upgrade`;
      // Secondary: another rule's finding on the same element explains it better.
      if (element) report({ messageId: 'invalid', node: (attributeName && element.attribute(attributeName)) || element, data, suggestion, secondary: true });
      else reportAt({ messageId: 'invalid', line: error.line, data, suggestion });
    }
  },
});
