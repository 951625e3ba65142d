/**
 * Attributes of start tags, read from the source text with their exact offsets. The scanner only
 * records where a tag's attributes are; they are parsed here on first use, so elements no rule
 * looks at (most of a large `status` section) cost nothing.
 */
import type { Span } from './element.js';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML white space: space, tab, line feed, carriage return. */
export function isXmlSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** A character that ends a tag or attribute name: white space, `/`, `>` or `=`. */
export function endsName(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 47 || code === 62 || code === 61;
}

/** Offsets kept per attribute: name start, name end, value start, value end, name hash. */
const COLUMNS = 5;

/**
 * A hash of an attribute name, so that finding an attribute by name compares numbers; the text is
 * compared only where the hashes agree (a `startsWith` on the whole source for every attribute of
 * every element was a large share of a big CIB's lint).
 */
export function nameHash(text: string, start = 0, end = text.length): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Where each attribute of a document is in the source text, a few numbers per attribute in one
 * typed array: a 16 MB CIB has half a million attributes, and an object for each (with its spans)
 * made the garbage collector the largest cost of a run. Values are sliced when a rule reads them;
 * objects are made only for the elements whose attributes a rule asks for as objects.
 */
export class AttributeOffsets {
  /**
   * Room for 64 attributes to begin with, so that the array is replaced (it grows) within the
   * first files: optimised code that read the field while it had never changed was thrown away
   * (and recompiled) the first time it grew.
   */
  private offsets = new Int32Array(COLUMNS * 64);
  private count = 0;

  constructor(readonly text: string) {}

  /** Rows filled so far: an element's attributes are the rows its parse added. */
  get size(): number {
    return this.count;
  }

  /**
   * Parses the attributes in `text[from, to)`, the part of a start tag after the element name, into
   * new rows. False when they are not a well-formed attribute list (only in text libxml2 rejected).
   * It runs once for every element a rule reads, cold: no closures, no objects per call.
   */
  parse(from: number, to: number): boolean {
    const { text } = this;
    let cursor = from;
    for (;;) {
      while (cursor < to && isXmlSpace(text.charCodeAt(cursor))) cursor++;
      if (cursor >= to) return true;
      const code = text.charCodeAt(cursor);
      if (code === 62 /* > */ || code === 47 /* / */) return true;
      const nameStart = cursor;
      while (cursor < to && !endsName(text.charCodeAt(cursor))) cursor++;
      const nameEnd = cursor;
      while (cursor < to && isXmlSpace(text.charCodeAt(cursor))) cursor++;
      if (text.charCodeAt(cursor) !== 61 /* = */ || nameEnd === nameStart) return false;
      cursor++;
      while (cursor < to && isXmlSpace(text.charCodeAt(cursor))) cursor++;
      const quote = text.charCodeAt(cursor);
      if (quote !== 34 && quote !== 39) return false;
      const valueStart = cursor + 1;
      const valueEnd = text.indexOf(quote === 34 ? '"' : "'", valueStart);
      if (valueEnd < 0 || valueEnd >= to) return false;
      cursor = valueEnd + 1;
      this.push(nameStart, nameEnd, valueStart, valueEnd, nameHash(text, nameStart, nameEnd));
    }
  }

  private push(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, hash: number): void {
    if (this.count * COLUMNS === this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const at = this.count++ * COLUMNS;
    this.offsets[at] = nameStart;
    this.offsets[at + 1] = nameEnd;
    this.offsets[at + 2] = valueStart;
    this.offsets[at + 3] = valueEnd;
    this.offsets[at + 4] = hash;
  }

  /** Whether the attribute in this row is `name`, whose nameHash() is `hash`. */
  nameIs(index: number, name: string, hash: number): boolean {
    const at = index * COLUMNS;
    return (
      this.offsets[at + 4] === hash &&
      this.offsets[at + 1]! - this.offsets[at]! === name.length &&
      this.text.startsWith(name, this.offsets[at]!)
    );
  }

  name(index: number): string {
    return this.text.slice(this.offsets[index * COLUMNS]!, this.offsets[index * COLUMNS + 1]!);
  }

  /** The value as written, between the quotes. */
  rawValue(index: number): string {
    return this.text.slice(this.offsets[index * COLUMNS + 2]!, this.offsets[index * COLUMNS + 3]!);
  }

  /** The normalised value; the raw text when it uses an entity only the DTD declares. */
  value(index: number): string {
    const raw = this.rawValue(index);
    return decodeAttributeValue(raw) ?? raw;
  }

  /** From the attribute name to the closing quote: `replicas-per-host="2"`. */
  span(index: number): Span {
    return { start: this.offsets[index * COLUMNS]!, end: this.offsets[index * COLUMNS + 3]! + 1 };
  }

  valueSpan(index: number): Span {
    return { start: this.offsets[index * COLUMNS + 2]!, end: this.offsets[index * COLUMNS + 3]! };
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
