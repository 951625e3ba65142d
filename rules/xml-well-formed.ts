import { defineRule } from '../src/rule.js';

/**
 * Pacemaker refuses a CIB that is not well-formed XML (Pacemaker 3 ignores no syntax error at
 * all), and every other rule needs a `<cib>` document to say anything useful.
 */
export default defineRule({
  meta: {
    id: 'xml-well-formed',
    level: 'error',
    description: 'The file parses as XML and its root element is <cib>',
    constraint: {
      title: 'A CIB is a well-formed XML document whose root element is cib',
      source: 'Pacemaker Explained, "Configuration Layout"; Pacemaker 3.0 release notes (XML syntax must be correctly formed)',
    },
    tags: ['xml'],
    anyDocument: true,
    messages: {
      syntax: { text: 'Not well-formed XML: {{reason}}' },
      notCib: { text: 'The root element is <{{root}}>, not <cib>: this is not a Pacemaker CIB' },
    },
  },
  check({ cib, report }) {
    if (cib.root.name !== 'cib') {
      report({
        messageId: 'notCib',
        node: cib.root,
        data: { root: cib.root.name },
        fix: 'Lint the file that `pcs cluster cib tmp-cib.xml` writes; its root element is <cib>.',
      });
    }
  },
  checkUnparsable({ error, reportAt }) {
    reportAt({
      messageId: 'syntax',
      line: error.line,
      column: error.column,
      data: { reason: error.message },
      fix: 'Repair the XML at this position (an unclosed tag, a stray "&" or "<", a quote left open).',
    });
  },
});
