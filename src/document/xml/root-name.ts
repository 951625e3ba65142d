/**
 * The name of a document's root element, read from its first bytes without parsing it: whether an
 * XML file a folder walk found is a CIB (`<cib>`) or something else kept next to it (a pom.xml).
 */

/** How far into a file the root element's start tag is looked for: past a long comment or DTD, it is not a CIB. */
const PROLOG_LIMIT = 64 * 1024;

/**
 * The root element's name (with its prefix, if any), or undefined when the prolog cannot be read
 * that far: not XML, malformed before the root, or a prolog longer than PROLOG_LIMIT. Callers lint
 * what this cannot name, so that a broken CIB is still reported.
 */
export function rootElementName(bytes: Uint8Array): string | undefined {
  const text = prologText(bytes.subarray(0, PROLOG_LIMIT));
  let at = 0;
  while (at < text.length) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (text.startsWith('<?', at)) at = after(text, '?>', at + 2);
    else if (text.startsWith('<!--', at)) at = after(text, '-->', at + 4);
    else if (text.startsWith('<!DOCTYPE', at)) at = afterDoctype(text, at + 9);
    else if (text[at] === '<') return /^[^\s/>!?<]+/.exec(text.slice(at + 1, at + 1 + 256))?.[0];
    else return undefined;
  }
  return undefined;
}

function prologText(bytes: Uint8Array): string {
  // UTF-16 needs its byte order mark (XML 1.0, 4.3.3); anything else is read as UTF-8, which names
  // ASCII element names right in every encoding a CIB could declare.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

/** Just past the next `terminator` from `from`, or the end: an unterminated construct names no root. */
function after(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found < 0 ? text.length : found + terminator.length;
}

/** Just past a DOCTYPE's closing `>`, skipping quoted literals and its internal subset. */
function afterDoctype(text: string, from: number): number {
  let at = from;
  let subset = false;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '"' || char === "'") at = after(text, char, at + 1);
    else if (subset && text.startsWith('<!--', at)) at = after(text, '-->', at + 4);
    else if (char === '[') (subset = true), at++;
    else if (char === ']') (subset = false), at++;
    else if (char === '>' && !subset) return at + 1;
    else at++;
  }
  return text.length;
}
