import { defineRule } from '../src/core/rule.js';

/** libxml2's terse messages, with what usually causes them in a hand-edited CIB. */
const HINTS: [RegExp, string][] = [
  [/^Document is empty/, 'the file is empty'],
  [/^Start tag expected/, 'no XML element at all: a binary file, a text file, or a wrong encoding'],
  [/^xmlParseEntityRef: no name|^EntityRef: expecting ';'/, 'a bare "&" in text or a value: write &amp;'],
  [/^Unescaped '<' not allowed in attributes values/, 'a "<" inside a value, or a quote left open before it: write &lt;'],
  [/^AttValue: " or ' expected/, 'an attribute value without quotes: write name="value"'],
  [/^Attribute \S+ redefined/, 'the same attribute twice on one element'],
  [/^Extra content at the end of the document/, 'something after the end of the root element: a second <cib>, or text'],
  [/^Premature end of data/, 'the file ends before every element is closed (a truncated file?)'],
  [/^Opening and ending tag mismatch/, 'an end tag that does not close the element opened last'],
  [/^Detected an entity reference loop|amplification|^Maximum entity amplification/i, 'an entity expansion bomb, refused'],
];

function explain(message: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1];
  return hint ? `${message} (${hint})` : message;
}

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
        suggestion: 'Lint the file that `pcs cluster cib tmp-cib.xml` writes; its root element is <cib>.',
      });
    }
  },
  checkUnparsable({ error, reportAt }) {
    reportAt({
      messageId: 'syntax',
      line: error.line,
      column: error.column,
      data: { reason: explain(error.message) },
      suggestion: 'Repair the XML at this position (an unclosed tag, a stray "&" or "<", a quote left open).',
    });
  },
});
