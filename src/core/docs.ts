/** Reading rule docs pages: `cib-lint explain` prints them, tests run their examples. */

export interface DocsExample {
  kind: 'incorrect' | 'correct';
  xml: string;
}

/** The ```xml blocks under the `## Incorrect` and `## Correct` headings of a docs page. */
export function docsExamples(markdown: string): DocsExample[] {
  const examples: DocsExample[] = [];
  let kind: DocsExample['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[1]!.trim().toLowerCase();
      kind = title === 'incorrect' ? 'incorrect' : title === 'correct' ? 'correct' : undefined;
      continue;
    }
    if (kind && /^```xml\s*$/.test(line)) {
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
      examples.push({ kind, xml: body.join('\n') });
    }
  }
  return examples;
}

/**
 * A docs example may be a whole CIB, a `<configuration>`, or a fragment of resources
 * (the usual case), which is placed in an otherwise empty CIB.
 */
export function exampleAsCib(xml: string): string {
  const trimmed = xml.trim();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<cib[\s>]/.test(trimmed)) return trimmed;
  const wrap = (configuration: string): string =>
    `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">\n${configuration}\n  <status/>\n</cib>\n`;
  if (/^(<!--[\s\S]*?-->\s*)*<configuration[\s>]/.test(trimmed)) return wrap(trimmed);
  return wrap(`  <configuration>\n    <crm_config/>\n    <nodes/>\n    <resources>\n${trimmed}\n    </resources>\n    <constraints/>\n  </configuration>`);
}
