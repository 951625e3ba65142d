import { defineRule } from '../src/core/rule.js';
import { schemaProblems } from '../src/cib/schema-problems.js';
import { schemaDirectory, schemaFileFor, schemaFileInstalled, schemaInstalled } from '../src/document/xml/schemas.js';
import { SCHEMA_BUDGET_SECONDS, SchemaValidationSkipped } from '../src/document/xml/schema-budget.js';

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
      tooSlow: {
        text: 'Schema validation skipped: it would take longer than {{seconds}} s; {{element}} has {{children}} child elements, and RelaxNG validation time grows with the square of that number; crm_verify --xml-file checks it where time does not matter',
        level: 'note',
      },
    },
  },
  check({ cib, document, options, schemaErrors, positionOf, report, reportAt }) {
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
    let errors;
    try {
      errors = schemaErrors(file);
    } catch (error) {
      if (!(error instanceof SchemaValidationSkipped)) throw error;
      const { element, children } = error.widest;
      report({ messageId: 'tooSlow', node: element, data: { seconds: SCHEMA_BUDGET_SECONDS, element: element.describe(), children } });
      return;
    }
    if (errors.length === 0) return;
    const problems = schemaProblems(
      cib,
      errors,
      (element, without) => document.isolatedSchemaErrors(file, element, { without }),
      (element) => positionOf(element).line,
    );
    const suggestion = `Correct the element as the schema requires, or upgrade the CIB's schema if the cluster supports a newer one: pcs cluster cib-upgrade`;
    for (const { node, line, reason, related } of problems) {
      const data = { schema: `${validateWith}.rng`, reason };
      // Secondary: another rule's finding on the same attribute (or, for one on an element, on the
      // element or its attributes) explains the same problem better.
      if (node) report({ messageId: 'invalid', node, data, suggestion, related, secondary: true });
      else reportAt({ messageId: 'invalid', line, data, suggestion });
    }
  },
});
