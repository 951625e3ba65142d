/**
 * Loading a CIB file: libxml2 (WebAssembly) decides whether the bytes are well-formed XML, with
 * its safe defaults for untrusted input (no external entities, no network, entity-amplification
 * limits); the element tree and every position come from scanning the source text.
 */
import { ParseOption, XmlDocument, XmlElement as LibxmlElement, XmlParseError } from 'libxml2-wasm';
import { XmlElement, type XmlComment } from './element.js';
import { LineIndex, decodeSource, type Position } from './source.js';
import { scanXml, type ScanResult } from './scan.js';
import { timed } from '../../core/timing.js';

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
  /** The libxml2 document (XPath policies). */
  readonly document: XmlDocument;
  /**
   * The libxml2 document with the content of `/cib/status` removed, for schema validation. The
   * same document, changed in place: a later use of `document` parses the file again.
   */
  configurationDocument(): XmlDocument;
  /** Frees the libxml2 document: WebAssembly memory is not garbage-collected. */
  dispose(): void;
}

export interface XmlSyntaxError {
  message: string;
  position: Position;
  text: string;
  lines: LineIndex;
  comments: XmlComment[];
}

export type LoadResult = { ok: true; xml: LoadedXml } | { ok: false; error: XmlSyntaxError };

/** libxml2's verdict on the bytes: the document, or the first error and where it is. */
export type LibxmlParse = { ok: true; document: XmlDocument } | { ok: false; message: string; position: Position };

export function parseWithLibxml(bytes: Uint8Array): LibxmlParse {
  try {
    return { ok: true, document: timed('stage: libxml2 parse', () => XmlDocument.fromBuffer(bytes, { option: PARSE_OPTIONS })) };
  } catch (error) {
    if (error instanceof XmlParseError) {
      const detail = error.details[0];
      const message = (detail?.message ?? error.message).trim().replace(/\s+/g, ' ');
      return { ok: false, message, position: { line: Math.max(detail?.line ?? 1, 1), column: Math.max(detail?.col ?? 1, 1) } };
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error), position: { line: 1, column: 1 } };
  }
}

/** The text and its element tree, before (or without) libxml2's verdict. */
export interface ScannedSource {
  text: string;
  lines: LineIndex;
  scan: ScanResult;
}

export function scanSource(bytes: Uint8Array): ScannedSource {
  const text = timed('stage: decoding the text', () => decodeSource(bytes));
  return { text, lines: new LineIndex(text), scan: timed('stage: scanning the source', () => scanXml(text)) };
}

/** Parses and scans on this thread. */
export function loadXml(bytes: Uint8Array): LoadResult {
  const parsed = parseWithLibxml(bytes);
  const source = scanSource(bytes);
  if (!parsed.ok) return { ok: false, error: syntaxError(source, parsed.message, parsed.position) };
  return combine(source, parsed.document, bytes);
}

function syntaxError({ text, lines, scan }: ScannedSource, message: string, position: Position): XmlSyntaxError {
  return { message, position, text, lines, comments: scan.comments };
}

function combine(source: ScannedSource, document: XmlDocument, bytes: Uint8Array): LoadResult {
  const { text, lines, scan } = source;
  if (!scan.root || scan.elements.length === 0) {
    document.dispose();
    return { ok: false, error: syntaxError(source, 'no root element found', { line: 1, column: 1 }) };
  }
  const xml = new Loaded(text, lines, scan.root, scan.elements, scan.comments, document, bytes);
  if (scan.usesDeclaredEntities) copyValuesFromLibxml(xml.document, scan.elements);
  return { ok: true, xml };
}

class Loaded implements LoadedXml {
  #document: XmlDocument;
  #statusRemoved = false;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly root: XmlElement,
    readonly elements: XmlElement[],
    readonly comments: XmlComment[],
    document: XmlDocument,
    private readonly bytes: Uint8Array,
  ) {
    this.#document = document;
  }

  get document(): XmlDocument {
    if (this.#statusRemoved) {
      this.#document.dispose();
      const parsed = parseWithLibxml(this.bytes);
      if (!parsed.ok) throw new Error(`libxml2 could not parse the file again: ${parsed.message}`);
      this.#document = parsed.document;
      this.#statusRemoved = false;
    }
    return this.#document;
  }

  configurationDocument(): XmlDocument {
    if (!this.#statusRemoved && this.root.name === 'cib' && this.root.child('status')?.children.length) {
      const status = this.#document.get('/cib/status');
      if (status instanceof LibxmlElement) {
        for (let child = status.firstChild; child; ) {
          const next = child.next;
          child.remove();
          child = next;
        }
      }
      this.#statusRemoved = true;
    }
    return this.#document;
  }

  dispose(): void {
    this.#document.dispose();
  }
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
