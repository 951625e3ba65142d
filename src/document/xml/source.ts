/**
 * Source text handling: decoding the bytes of a CIB file into text and mapping text offsets to
 * 1-based line and column numbers. Positions always come from here, never from libxml2, whose node
 * line numbers stop at 65535 and which has no columns at all.
 */

import { TextDecoder } from 'node:util';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units (SARIF's default column kind). */
  column: number;
}

/** Decodes file bytes the way an XML parser would: BOM first, then the declared encoding. */
export function decodeSource(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const declared = declaredEncoding(bytes.subarray(start, start + 200));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8');
  } catch {
    // An encoding name Node does not know: libxml2 will report it; decode as UTF-8 meanwhile.
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes.subarray(start));
}

function declaredEncoding(head: Uint8Array): string | undefined {
  // Most CIBs have no XML declaration (pcs and cibadmin write none): no text is made for those.
  if (head[0] !== 0x3c || head[1] !== 0x3f) return undefined;
  const text = Buffer.from(head.buffer, head.byteOffset, head.length).toString('latin1');
  const match = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text);
  return match?.[1];
}

/** Offsets of line starts; XML treats CRLF, LF and a lone CR each as one line break. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // The common case, and a fast one: only LF line breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The offset where a 1-based line starts (the text's length past the last line). */
  offsetOf(line: number): number {
    return line - 1 < this.starts.length ? this.starts[line - 1]! : this.text.length;
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/**
 * From offsets in the decoded text to offsets in the file's bytes, for fixes and for reports that
 * locate by byte. ASCII text in UTF-8 (nearly every CIB) maps one to one; other UTF-8 text is
 * measured from the start of the offset's line; UTF-16 and single-byte encodings are arithmetic.
 */
export function byteOffsets(bytes: Uint8Array, text: string): (offset: number) => number {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return (offset) => 2 + 2 * offset;
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Same length: one byte per character, whatever the (ASCII-compatible, single-byte) encoding.
  if (bytes.length - bom === text.length) return (offset) => bom + offset;
  const lines = new LineIndex(text);
  const lineBytes: number[] = [];
  const lineStartBytes = (line: number): number => {
    for (let next = lineBytes.length; next < line; next++) {
      lineBytes.push(next === 0 ? bom : lineBytes[next - 1]! + Buffer.byteLength(text.slice(lines.offsetOf(next), lines.offsetOf(next + 1))));
    }
    return lineBytes[line - 1]!;
  };
  return (offset) => {
    const { line } = lines.position(offset);
    return lineStartBytes(line) + Buffer.byteLength(text.slice(lines.offsetOf(line), offset));
  };
}
