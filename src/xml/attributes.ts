/**
 * Attributes of one start tag, read from the source text with their exact offsets. The scanner
 * only records where a tag's attributes are; they are parsed here on first use, so elements no
 * rule looks at (most of a large `status` section) never cost an attribute object.
 */
import type { XmlAttribute, XmlElement } from './element.js';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export interface ParsedAttributes {
  attributes: XmlAttribute[];
  /** A value referenced an entity declared in the DTD, which only libxml2 can expand. */
  usesDeclaredEntities: boolean;
  /** False when the text between `from` and `to` was not a well-formed attribute list. */
  complete: boolean;
}

/** XML white space: space, tab, line feed, carriage return. */
export function isXmlSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** A character that ends a tag or attribute name: white space, `/`, `>` or `=`. */
export function endsName(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 47 || code === 62 || code === 61;
}

/** Parses the attributes in `text[from, to)`: the part of a start tag after the element name. */
export function parseAttributes(text: string, from: number, to: number, owner: XmlElement): ParsedAttributes {
  const attributes: XmlAttribute[] = [];
  let usesDeclaredEntities = false;
  let cursor = from;
  const done = (complete: boolean): ParsedAttributes => ({ attributes, usesDeclaredEntities, complete });
  for (;;) {
    while (cursor < to && isXmlSpace(text.charCodeAt(cursor))) cursor++;
    if (cursor >= to) return done(true);
    const code = text.charCodeAt(cursor);
    if (code === 62 /* > */ || code === 47 /* / */) return done(true);
    const nameStart = cursor;
    while (cursor < to && !endsName(text.charCodeAt(cursor))) cursor++;
    const name = text.slice(nameStart, cursor);
    while (cursor < to && isXmlSpace(text.charCodeAt(cursor))) cursor++;
    if (text.charCodeAt(cursor) !== 61 /* = */ || name === '') return done(false);
    cursor++;
    while (cursor < to && isXmlSpace(text.charCodeAt(cursor))) cursor++;
    const quote = text.charCodeAt(cursor);
    if (quote !== 34 && quote !== 39) return done(false);
    const valueStart = cursor + 1;
    const valueEnd = text.indexOf(quote === 34 ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd >= to) return done(false);
    cursor = valueEnd + 1;
    const raw = text.slice(valueStart, valueEnd);
    const decoded = decodeAttributeValue(raw);
    if (decoded === undefined) usesDeclaredEntities = true;
    attributes.push({
      name,
      value: decoded ?? raw,
      owner,
      span: { start: nameStart, end: cursor },
      valueSpan: { start: valueStart, end: valueEnd },
    });
  }
}

/**
 * XML attribute-value normalisation (XML 1.0 §3.3.3) for CDATA attributes: line breaks and tabs
 * become spaces, then character and predefined entity references are expanded. Returns undefined
 * when the value references an entity only the DTD defines.
 */
export function decodeAttributeValue(raw: string): string | undefined {
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 38 /* & */ || code === 9 || code === 10 || code === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  let value = raw;
  if (/[\t\r\n]/.test(value)) value = value.replace(/\r\n|[\t\r\n]/g, ' ');
  if (!value.includes('&')) return value;
  let unknown = false;
  value = value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // libxml2 refuses a reference to no character; keep the text for the malformed-input path.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const predefined = Object.hasOwn(PREDEFINED, ref) ? PREDEFINED[ref] : undefined;
    if (predefined === undefined) unknown = true;
    return predefined ?? whole;
  });
  return unknown ? undefined : value;
}
