// `--format checkstyle`: well-formed XML of the shape Checkstyle's XMLLogger writes and Jenkins
// Warnings NG's CheckStyleParser reads (checkstyle/file/error with line, column, severity, message,
// source), checked with libxml2 against the schema below, and escaping that survives any message.
import { describe, expect, it } from 'vitest';
import { FILE_ERROR_SOURCE, formatCheckstyle } from '../../src/output/checkstyle.js';
import { runInProcess } from '../helpers.js';
import { file, finding, HOSTILE, HOSTILE_IN_XML, report, withXml, xpathValue, xsdProblems } from './helpers.js';

/**
 * Checkstyle publishes no schema for its report, so this one is written from its XMLLogger's output:
 * `<checkstyle version>`, `<file name>` per file, `<error>` with a line from 1, an optional column
 * from 1, one of Checkstyle's severities, a message and the check that reported it.
 */
const CHECKSTYLE_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="severity">
    <xs:restriction base="xs:string">
      <xs:enumeration value="error"/>
      <xs:enumeration value="warning"/>
      <xs:enumeration value="info"/>
      <xs:enumeration value="ignore"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:element name="checkstyle">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="file" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="error" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="line" type="xs:positiveInteger" use="required"/>
                  <xs:attribute name="column" type="xs:positiveInteger"/>
                  <xs:attribute name="severity" type="severity" use="required"/>
                  <xs:attribute name="message" type="xs:string" use="required"/>
                  <xs:attribute name="source" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="name" type="xs:string" use="required"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="version" type="xs:string" use="required"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

function expectValid(xml: string): void {
  expect(xsdProblems(xml, CHECKSTYLE_XSD)).toEqual([]);
}

describe('the schema itself', () => {
  it('rejects what Warnings NG cannot read (so passing it means something)', () => {
    expect(xsdProblems('<checkstyle version="4.3"><file name="a"><error line="0" severity="error" message="m" source="s"/></file></checkstyle>', CHECKSTYLE_XSD)).not.toEqual([]);
    expect(xsdProblems('<checkstyle version="4.3"><file name="a"><error line="1" severity="fatal" message="m" source="s"/></file></checkstyle>', CHECKSTYLE_XSD)).not.toEqual([]);
  });
});

describe('--format checkstyle on the examples', () => {
  it('lists every file and each finding with its position, severity, message and rule', async () => {
    const json = JSON.parse((await runInProcess(['fixtures/examples', '--format', 'json'])).stdout);
    const result = await runInProcess(['fixtures/examples', '--format', 'checkstyle']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expectValid(result.stdout);
    withXml(result.stdout, (document) => {
      expect(document.find('/checkstyle/file/@name').map((node) => node.content)).toEqual(['fixtures/examples/clean.xml', 'fixtures/examples/httpd-bundle.xml']);
      const count = Number(xpathValue(document, 'count(/checkstyle/file[2]/error)'));
      const errors = Array.from({ length: count }, (_, index) => {
        const attribute = (name: string) => xpathValue(document, `string(/checkstyle/file[2]/error[${index + 1}]/@${name})`);
        return [Number(attribute('line')), Number(attribute('column')), attribute('severity'), attribute('message'), attribute('source')];
      });
      const findings = json.files[1].findings as { line: number; column: number; level: string; message: string; ruleId: string }[];
      expect(errors).toEqual(
        findings.map((item) => [item.line, item.column, { error: 'error', warning: 'warning', note: 'info' }[item.level], item.message, `cib-lint.rules.${item.ruleId}`]),
      );
    });
  });
});

describe('formatCheckstyle', () => {
  it('escapes markup, keeps line breaks in attributes and shows characters XML cannot carry', () => {
    const xml = formatCheckstyle(report([file(`/repo/${HOSTILE}.xml`, [finding({ message: HOSTILE, ruleId: 'a&b' })], [HOSTILE])]));
    expectValid(xml);
    withXml(xml, (document) => {
      expect(xpathValue(document, 'string(/checkstyle/file/@name)')).toBe(`${HOSTILE_IN_XML}.xml`);
      expect(xpathValue(document, 'string(/checkstyle/file/error[2]/@message)')).toBe(HOSTILE_IN_XML);
      expect(xpathValue(document, 'string(/checkstyle/file/error[2]/@source)')).toBe('cib-lint.rules.a&b');
      expect(xpathValue(document, 'string(/checkstyle/file/error[1]/@message)')).toBe(HOSTILE_IN_XML);
    });
  });

  it('reports a file error on line 1 and leaves suppressed findings out', () => {
    const xml = formatCheckstyle(
      report([
        file('/repo/missing.xml', [], ['no such file']),
        file('/repo/a.xml', [finding({ suppressions: [{ kind: 'inSource', justification: 'known' }] }), finding({ level: 'note', line: 8, column: 1 })]),
      ]),
    );
    expectValid(xml);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="missing.xml">',
        `    <error line="1" severity="error" message="no such file" source="${FILE_ERROR_SOURCE}"/>`,
        '  </file>',
        '  <file name="a.xml">',
        '    <error line="8" column="1" severity="info" message="something is wrong" source="cib-lint.rules.some-rule"/>',
        '  </file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('writes a valid report for no files', () => {
    expectValid(formatCheckstyle(report([])));
  });
});
