/**
 * Loading a CIB file: libxml2 (WebAssembly) decides whether the bytes are well-formed XML, with
 * its safe defaults for untrusted input (no external entities, no network, entity-amplification
 * limits); the element tree and every position come from scanning the source text.
 */
import { ParseOption, XmlDocument, XmlElement as LibxmlElement, XmlParseError } from 'libxml2-wasm';
import { XmlElement, type XmlComment } from './element.js';
import { LineIndex, decodeSource, type Position } from './source.js';
import { scanXml } from './scan.js';
import { timed } from '../timing.js';

/**
 * BIG_LINES makes libxml2's own error positions right past line 65535; NONET and NO_XXE say
 * explicitly what the defaults already do. Never NOENT, DTDLOAD or HUGE for untrusted CIBs.
 */
const PARSE_OPTIONS =
  ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

export interface LoadedXml {
  text: string;
  lines: LineIndex;
  root: XmlElement;
  elements: XmlElement[];
  comments: XmlComment[];
  /** The libxml2 document, for schema validation; the caller must dispose it. */
  document: XmlDocument;
}

export interface XmlSyntaxError {
  message: string;
  position: Position;
  text: string;
  lines: LineIndex;
  comments: XmlComment[];
}

export type LoadResult = { ok: true; xml: LoadedXml } | { ok: false; error: XmlSyntaxError };

export function loadXml(bytes: Uint8Array): LoadResult {
  const text = timed('stage: decoding the text', () => decodeSource(bytes));
  const lines = new LineIndex(text);
  let document: XmlDocument;
  try {
    document = timed('stage: libxml2 parse', () => XmlDocument.fromBuffer(bytes, { option: PARSE_OPTIONS }));
  } catch (error) {
    const fail = (message: string, position: Position): LoadResult => ({
      ok: false,
      error: { message, position, text, lines, comments: scanXml(text).comments },
    });
    if (error instanceof XmlParseError) {
      const detail = error.details[0];
      const message = (detail?.message ?? error.message).trim().replace(/\s+/g, ' ');
      return fail(message, { line: Math.max(detail?.line ?? 1, 1), column: Math.max(detail?.col ?? 1, 1) });
    }
    return fail(error instanceof Error ? error.message : String(error), { line: 1, column: 1 });
  }
  const scan = timed('stage: scanning the source', () => scanXml(text));
  if (!scan.root || scan.elements.length === 0) {
    document.dispose();
    return {
      ok: false,
      error: { message: 'no root element found', position: { line: 1, column: 1 }, text, lines, comments: scan.comments },
    };
  }
  if (scan.usesDeclaredEntities) copyValuesFromLibxml(document, scan.elements);
  return {
    ok: true,
    xml: { text, lines, root: scan.root, elements: scan.elements, comments: scan.comments, document },
  };
}

/**
 * Attribute values that reference entities declared in the document's DTD: take libxml2's
 * expansion. The n-th element in document order (`//*`) is the n-th start tag of the source.
 */
function copyValuesFromLibxml(document: XmlDocument, elements: XmlElement[]): void {
  document.find('//*').forEach((node, index) => {
    const element = elements[index];
    if (!element || !(node instanceof LibxmlElement)) return;
    for (const attribute of node.attrs) {
      const target = element.attribute(attribute.name);
      if (target) target.value = attribute.value;
    }
  });
}
