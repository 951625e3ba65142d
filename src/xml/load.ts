/**
 * Loading a CIB file: libxml2 (WebAssembly) decides whether the bytes are well-formed XML, with
 * its safe defaults for untrusted input (no external entities, no network, entity-amplification
 * limits); the element tree and every position come from scanning the source text. The two are
 * independent, so libxml2's part may run on another thread (see libxml-thread.ts).
 */
import { ParseOption, XmlDocument, XmlElement as LibxmlElement, XmlParseError } from 'libxml2-wasm';
import { XmlElement, type XmlComment } from './element.js';
import { LineIndex, decodeSource, type Position } from './source.js';
import { scanXml, type ScanResult } from './scan.js';
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
  /**
   * The libxml2 document (XPath policies, schema validation). When another thread decided
   * well-formedness, it is parsed here on first use only.
   */
  readonly document: XmlDocument;
  /** Frees the libxml2 document, if one was made: WebAssembly memory is not garbage-collected. */
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

/** Whether libxml2 accepts the bytes as XML: if not, its first error and where it is. */
export type Verdict = { ok: true } | { ok: false; message: string; position: Position };

/** libxml2's verdict on the bytes: the document, or the first error and where it is. */
export type LibxmlParse = { ok: true; document: XmlDocument } | { ok: false; message: string; position: Position };

/**
 * With `validationOnly` (the libxml2 thread, whose document no rule sees) blank text nodes between
 * elements are left out (XML_PARSE_NOBLANKS): RelaxNG ignores them, and validation takes 10% less
 * time without them; the reports stay the same (checked over the corpus and every fixture).
 */
export function parseWithLibxml(bytes: Uint8Array, { validationOnly = false } = {}): LibxmlParse {
  const option = validationOnly ? PARSE_OPTIONS | ParseOption.XML_PARSE_NOBLANKS : PARSE_OPTIONS;
  try {
    return { ok: true, document: timed('stage: libxml2 parse', () => XmlDocument.fromBuffer(bytes, { option })) };
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
  return combine(source, () => parsed.document, parsed.document);
}

/**
 * The load result from a scan and libxml2's verdict reached elsewhere (another thread): the
 * document is parsed here only if a rule asks for it.
 */
export function loadScanned(source: ScannedSource, verdict: Verdict, bytes: Uint8Array): LoadResult {
  if (!verdict.ok) return { ok: false, error: syntaxError(source, verdict.message, verdict.position) };
  return combine(source, () => {
    const parsed = parseWithLibxml(bytes);
    if (!parsed.ok) throw new Error(`libxml2 parsed this file on one thread but not on another: ${parsed.message}`);
    return parsed.document;
  });
}

function syntaxError({ text, lines, scan }: ScannedSource, message: string, position: Position): XmlSyntaxError {
  return { message, position, text, lines, comments: scan.comments };
}

function combine(source: ScannedSource, parse: () => XmlDocument, parsed?: XmlDocument): LoadResult {
  const { text, lines, scan } = source;
  if (!scan.root || scan.elements.length === 0) {
    parsed?.dispose();
    return { ok: false, error: syntaxError(source, 'no root element found', { line: 1, column: 1 }) };
  }
  const xml = new Loaded(text, lines, scan.root, scan.elements, scan.comments, parse, parsed);
  if (scan.usesDeclaredEntities) copyValuesFromLibxml(xml.document, scan.elements);
  return { ok: true, xml };
}

/**
 * A class rather than an object literal with a getter: V8 appears to build such literals outside
 * the young generation, and each one then kept its file's tree alive through young-generation
 * collections (see CheckContext in engine.ts).
 */
class Loaded implements LoadedXml {
  #document: XmlDocument | undefined;
  readonly #parse: () => XmlDocument;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly root: XmlElement,
    readonly elements: XmlElement[],
    readonly comments: XmlComment[],
    parse: () => XmlDocument,
    parsed: XmlDocument | undefined,
  ) {
    this.#parse = parse;
    this.#document = parsed;
  }

  get document(): XmlDocument {
    return (this.#document ??= this.#parse());
  }

  dispose(): void {
    this.#document?.dispose();
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
