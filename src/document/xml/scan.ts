/**
 * A single pass over the source text that finds every start tag, attribute and comment with its
 * exact offsets, and builds the element tree from them. It trusts libxml2 to have rejected
 * malformed documents first; on malformed text it stops quietly with what it has (only comments are
 * then used, for fixture and suppression markers).
 */
import { AttributeOffsets, decodeAttributeValue, endsName } from './attributes.js';
import { XmlElement, type XmlComment } from './element.js';

export interface ScanResult {
  root: XmlElement | undefined;
  /** Every element in document order; `elements[i].index === i`. */
  elements: XmlElement[];
  comments: XmlComment[];
  /** A value referenced an entity declared in the DTD, which only libxml2 can expand. */
  usesDeclaredEntities: boolean;
}

/** The rest of a start tag after its name: anything but quotes and `>`, and quoted values. */
const TAG_REST = /[^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*>/y;

export function scanXml(text: string): ScanResult {
  const elements: XmlElement[] = [];
  const comments: XmlComment[] = [];
  const pendingComments: XmlComment[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let usesDeclaredEntities = false;
  const offsets = new AttributeOffsets(text);
  // Only a DTD can declare entities; then every value is decoded now to know whether libxml2's
  // expansion is needed. Otherwise attributes are parsed lazily, when a rule first reads them.
  let eager = false;
  let at = 0;

  const skipPast = (terminator: string, from: number): number => {
    const found = text.indexOf(terminator, from);
    return found < 0 ? text.length : found + terminator.length;
  };

  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open < 0) break;
    const next = text.charCodeAt(open + 1);
    if (next === 33 /* ! */ && text.startsWith('<!--', open)) {
      const end = skipPast('-->', open + 4);
      const comment: XmlComment = {
        text: text.slice(open + 4, end - 3),
        span: { start: open, end },
        nextElement: undefined,
      };
      comments.push(comment);
      pendingComments.push(comment);
      at = end;
    } else if (next === 33 && text.startsWith('<![CDATA[', open)) {
      at = skipPast(']]>', open + 9);
    } else if (next === 63 /* ? */) {
      at = skipPast('?>', open + 2);
    } else if (next === 33) {
      eager = true;
      at = skipDoctype(text, open);
    } else if (next === 47 /* / */) {
      at = skipPast('>', open + 2);
      stack.pop()?.setEndTag(open, at);
    } else {
      let cursor = open + 1;
      while (cursor < text.length && !endsName(text.charCodeAt(cursor))) cursor++;
      const name = text.slice(open + 1, cursor);
      if (name === '') break;
      TAG_REST.lastIndex = cursor;
      if (!TAG_REST.test(text)) break;
      const tagEnd = TAG_REST.lastIndex;
      const selfClosing = text.charCodeAt(tagEnd - 2) === 47;
      const parent = stack[stack.length - 1];
      const element = new XmlElement(name, parent, elements.length, offsets, open, tagEnd, cursor);
      if (eager) {
        if (!element.parseAttributes()) break;
        if (element.rawAttributeValues().some((value) => decodeAttributeValue(value) === undefined)) usesDeclaredEntities = true;
      }
      if (pendingComments.length > 0) {
        for (const comment of pendingComments) comment.nextElement = element;
        pendingComments.length = 0;
      }
      elements.push(element);
      if (parent) parent.children.push(element);
      else root ??= element;
      if (!selfClosing) stack.push(element);
      at = tagEnd;
    }
  }
  return { root, elements, comments, usesDeclaredEntities };
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

export { decodeAttributeValue } from './attributes.js';
