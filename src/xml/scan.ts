/**
 * A single pass over the source text that finds every start tag, attribute and comment with its
 * exact offsets, and builds the element tree from them. It trusts libxml2 to have rejected
 * malformed documents first; on malformed text it stops quietly with what it has (only comments are
 * then used, for fixture and suppression markers).
 */
import { XmlElement, type XmlAttribute, type XmlComment } from './element.js';

export interface ScanResult {
  root: XmlElement | undefined;
  /** Every element in document order; `elements[i].index === i`. */
  elements: XmlElement[];
  comments: XmlComment[];
  /** A value referenced an entity declared in the DTD, which only libxml2 can expand. */
  usesDeclaredEntities: boolean;
}

const NAME_END = /[\s/>=]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function scanXml(text: string): ScanResult {
  const elements: XmlElement[] = [];
  const comments: XmlComment[] = [];
  const pendingComments: XmlComment[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let usesDeclaredEntities = false;
  let at = 0;

  const skipPast = (terminator: string, from: number): number => {
    const found = text.indexOf(terminator, from);
    return found < 0 ? text.length : found + terminator.length;
  };

  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open < 0) break;
    if (text.startsWith('<!--', open)) {
      const end = skipPast('-->', open + 4);
      const comment: XmlComment = {
        text: text.slice(open + 4, end - 3),
        span: { start: open, end },
        nextElement: undefined,
      };
      comments.push(comment);
      pendingComments.push(comment);
      at = end;
    } else if (text.startsWith('<![CDATA[', open)) {
      at = skipPast(']]>', open + 9);
    } else if (text.startsWith('<?', open)) {
      at = skipPast('?>', open + 2);
    } else if (text.startsWith('<!', open)) {
      at = skipDoctype(text, open);
    } else if (text.charCodeAt(open + 1) === 47 /* / */) {
      stack.pop();
      at = skipPast('>', open + 2);
    } else {
      let cursor = open + 1;
      while (cursor < text.length && !NAME_END.test(text[cursor]!)) cursor++;
      const name = text.slice(open + 1, cursor);
      if (name === '') break;
      const parent = stack[stack.length - 1];
      const element = new XmlElement(name, parent, elements.length, { start: open, end: open }, {
        start: open + 1,
        end: cursor,
      });
      let selfClosing = false;
      for (;;) {
        while (cursor < text.length && /\s/.test(text[cursor]!)) cursor++;
        if (cursor >= text.length) break;
        if (text[cursor] === '>') {
          cursor++;
          break;
        }
        if (text.startsWith('/>', cursor)) {
          selfClosing = true;
          cursor += 2;
          break;
        }
        const nameStart = cursor;
        while (cursor < text.length && !NAME_END.test(text[cursor]!)) cursor++;
        const attributeName = text.slice(nameStart, cursor);
        while (cursor < text.length && /\s/.test(text[cursor]!)) cursor++;
        if (text[cursor] !== '=' || attributeName === '') return finish();
        cursor++;
        while (cursor < text.length && /\s/.test(text[cursor]!)) cursor++;
        const quote = text[cursor];
        if (quote !== '"' && quote !== "'") return finish();
        const valueStart = cursor + 1;
        const valueEnd = text.indexOf(quote, valueStart);
        if (valueEnd < 0) return finish();
        cursor = valueEnd + 1;
        const raw = text.slice(valueStart, valueEnd);
        const decoded = decodeAttributeValue(raw);
        if (decoded === undefined) usesDeclaredEntities = true;
        const attribute: XmlAttribute = {
          name: attributeName,
          value: decoded ?? raw,
          owner: element,
          span: { start: nameStart, end: cursor },
          valueSpan: { start: valueStart, end: valueEnd },
        };
        element.attributes.push(attribute);
      }
      element.span.end = cursor;
      for (const comment of pendingComments) comment.nextElement = element;
      element.leadingComments.push(...pendingComments);
      pendingComments.length = 0;
      elements.push(element);
      if (parent) parent.children.push(element);
      else root ??= element;
      if (!selfClosing) stack.push(element);
      at = cursor;
    }
  }
  return finish();

  function finish(): ScanResult {
    return { root, elements, comments, usesDeclaredEntities };
  }
}

/** Skips `<!DOCTYPE ... [ internal subset ] >` including quoted strings and comments inside. */
function skipDoctype(text: string, open: number): number {
  let depth = 0;
  let cursor = open + 2;
  while (cursor < text.length) {
    const c = text[cursor]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, cursor + 1);
      cursor = close < 0 ? text.length : close + 1;
      continue;
    }
    if (text.startsWith('<!--', cursor)) {
      const close = text.indexOf('-->', cursor + 4);
      cursor = close < 0 ? text.length : close + 3;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return cursor + 1;
    cursor++;
  }
  return text.length;
}

/**
 * XML attribute-value normalisation (XML 1.0 §3.3.3) for CDATA attributes: line breaks and tabs
 * become spaces, then character and predefined entity references are expanded. Returns undefined
 * when the value references an entity only the DTD defines.
 */
export function decodeAttributeValue(raw: string): string | undefined {
  let value = raw;
  if (/[\t\r\n]/.test(value)) value = value.replace(/\r\n|[\t\r\n]/g, ' ');
  if (!value.includes('&')) return value;
  let unknown = false;
  value = value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const predefined = PREDEFINED[ref];
    if (predefined === undefined) unknown = true;
    return predefined ?? whole;
  });
  return unknown ? undefined : value;
}
