/**
 * Pacemaker's schema files refer to the same small grammars again and again: for
 * pacemaker-3.9.rng, resources-3.9.rng names nvset-3.9.rng seven times and rule-3.9.rng names
 * score.rng four times, each with its own `<externalRef>`. libxml2 loads and compiles every
 * `externalRef` separately: 136 files for one schema version. Compiling a schema is the largest
 * cost of a small cold run (16 of 110 ms), so the files are served to libxml2 with their repeated
 * `externalRef`s made into one shared definition:
 *
 *     <externalRef href="score.rng"/>  (twice or more)
 *  -> <ref name="cib-lint.shared._usr_share_pacemaker_rule-3.9.rng.score.rng"/>
 *     ... <define name="cib-lint.shared._usr_share_pacemaker_rule-3.9.rng.score.rng"><externalRef href="score.rng"/></define>
 *
 * RELAX NG (§4.7 and §4.18 of the specification) makes an `externalRef` stand for the referenced
 * grammar, whatever refers to it, so a `ref` to one definition holding it describes the same
 * documents. Only references whose nearest `<grammar>` is the file's own are shared (a `ref`
 * inside a nested grammar cannot reach the file's definitions), and the definition's name carries
 * the file's path: files included into one grammar cannot clash. Anything this does not recognise
 * (a namespace prefix, an `ns` attribute, other attributes on `externalRef`, CDATA, a DTD) leaves
 * the file as it is.
 * Measured: pacemaker-3.9.rng loads 51 files instead of 136 and compiles in 12 instead of 16 ms
 * (CIB_LINT_TIMING); libxml2 gives the same verdict and errors as with the files as written
 * (test/schema-rewrite.test.ts compares them for every installed version).
 */

/** The start and end tags this cares about; comments are removed first, so none hides in one. */
const TAGS = /<grammar\b[^>]*?(\/?)>|<\/grammar\s*>|<externalRef\s+href="([^"<>&]*)"\s*\/>/g;

export function shareExternalRefs(filePath: string, text: string): string {
  // An `ns` attribute would make the namespace a reference inherits depend on where it stands.
  if (text.includes('<![CDATA[') || text.includes('<!DOCTYPE') || /\sns\s*=/.test(text)) return text;
  const plain = text.replace(/<!--[\s\S]*?-->/g, '');
  const atTop: { start: number; end: number; href: string }[] = [];
  let depth = 0;
  for (const match of plain.matchAll(TAGS)) {
    const [tag, selfClosing, href] = match;
    if (tag.startsWith('</')) depth--;
    else if (href === undefined) depth += selfClosing ? 0 : 1;
    else if (depth === 1) atTop.push({ start: match.index, end: match.index + tag.length, href });
  }
  const uses = new Map<string, number>();
  for (const { href } of atTop) uses.set(href, (uses.get(href) ?? 0) + 1);
  const shared = atTop.filter(({ href }) => uses.get(href)! > 1);
  const closing = plain.lastIndexOf('</grammar>');
  if (shared.length === 0 || depth !== 0 || closing < 0) return text;

  const nameFor = (href: string): string => `cib-lint.shared.${ncName(filePath)}.${ncName(href)}`;
  let rewritten = '';
  let at = 0;
  for (const { start, end, href } of shared) {
    rewritten += `${plain.slice(at, start)}<ref name="${nameFor(href)}"/>`;
    at = end;
  }
  rewritten += plain.slice(at, closing);
  for (const href of new Set(shared.map(({ href }) => href))) {
    rewritten += `<define name="${nameFor(href)}"><externalRef href="${href}"/></define>`;
  }
  return rewritten + plain.slice(closing);
}

/** Characters a RELAX NG definition name (an NCName) may hold; the prefix makes it start with a letter. */
function ncName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}
