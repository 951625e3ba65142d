/**
 * Loading a CIB file: libxml2 (WebAssembly) decides whether the bytes are well-formed XML, with
 * its safe defaults for untrusted input (no external entities, no network, entity-amplification
 * limits); the element tree and every position come from scanning the source text.
 */
import { ParseOption, XmlDocument, XmlElement as LibxmlElement, XmlParseError } from 'libxml2-wasm';
import type { CibDocument, LoadResult } from '../document.js';
import type { XmlComment, XmlElement } from './element.js';
import { byteOffsets, decodeSource, LineIndex, type Position } from './source.js';
import { scanXml, type ScanResult } from './scan.js';
import { validateAgainst, type SchemaError } from './schemas.js';
import { SchemaValidationSkipped, tooWideToValidate } from './schema-budget.js';
import { validateIsolated, type IsolationOptions } from './isolate.js';
import { selectNodes, type XPathMatch } from './xpath.js';
import { timed } from '../../core/timing.js';

/**
 * BIG_LINES makes libxml2's own error positions right past line 65535; NONET and NO_XXE say
 * explicitly what the defaults already do. Never NOENT, DTDLOAD or HUGE for untrusted CIBs.
 */
const PARSE_OPTIONS =
  ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

/** libxml2's verdict on the bytes: the document, or the first error and where it is. */
type LibxmlParse = { ok: true; document: XmlDocument } | { ok: false; message: string; position: Position };

function parseWithLibxml(bytes: Uint8Array): LibxmlParse {
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

/** Parses the bytes with libxml2 and scans their text: a document, or why it is not one. */
export function loadXml(bytes: Uint8Array): LoadResult {
  const parsed = parseWithLibxml(bytes);
  const text = timed('stage: decoding the text', () => decodeSource(bytes));
  const lines = new LineIndex(text);
  const byteOffset = byteOffsets(bytes, text);
  // The status section's node states are scanned on first use: no built-in rule reads inside them.
  const scan = timed('stage: scanning the source', () => scanXml(text, { deferStatus: true }));
  const unparsable = (message: string, position: Position): LoadResult => ({
    ok: false,
    unparsable: { text, lines, byteOffset, message, position, comments: scan.comments },
  });
  if (!parsed.ok) return unparsable(parsed.message, parsed.position);
  if (!scan.root || scan.elements.length === 0) {
    parsed.document.dispose();
    return unparsable('no root element found', { line: 1, column: 1 });
  }
  if (scan.usesDeclaredEntities) copyValuesFromLibxml(parsed.document, scan.complete());
  return { ok: true, document: new LoadedDocument(text, lines, byteOffset, scan.root, scan, parsed.document, bytes) };
}

class LoadedDocument implements CibDocument {
  #libxml: XmlDocument;
  /** The content of `/cib/status` was removed from #libxml for schema validation. */
  #statusRemoved = false;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly byteOffset: (offset: number) => number,
    readonly root: XmlElement,
    private readonly scan: ScanResult,
    libxml: XmlDocument,
    private readonly bytes: Uint8Array,
  ) {
    this.#libxml = libxml;
  }

  /** Every element: the deferred content of the status section is scanned the first time. */
  get elements(): readonly XmlElement[] {
    return this.scan.complete();
  }

  get comments(): readonly XmlComment[] {
    return this.scan.comments;
  }

  xpath(expression: string): XPathMatch[] {
    return selectNodes(this.wholeDocument(), this, expression);
  }

  schemaErrors(schemaPath: string): SchemaError[] {
    // libxml2 cannot be stopped once it validates: a document predicted to take too long is not started.
    const wide = tooWideToValidate(this.root);
    if (wide) throw new SchemaValidationSkipped(wide);
    return validateAgainst(schemaPath, this.configurationDocument());
  }

  isolatedSchemaErrors(schemaPath: string, element: XmlElement, options?: IsolationOptions): SchemaError[] | undefined {
    const wide = tooWideToValidate(element);
    if (wide) throw new SchemaValidationSkipped(wide);
    return validateIsolated(this.#libxml, this.root, schemaPath, element, options);
  }

  dispose(): void {
    this.#libxml.dispose();
  }

  /** The libxml2 document as parsed: parsed again if validation removed the status section. */
  private wholeDocument(): XmlDocument {
    if (this.#statusRemoved) {
      const parsed = parseWithLibxml(this.bytes);
      if (!parsed.ok) throw new Error(`libxml2 could not parse the file again: ${parsed.message}`);
      this.#libxml.dispose();
      this.#libxml = parsed.document;
      this.#statusRemoved = false;
    }
    return this.#libxml;
  }

  /**
   * The libxml2 document with the content of `/cib/status` removed (in a large CIB it is half the
   * document and most of the validation time), changed in place through libxml2-wasm's public API.
   */
  private configurationDocument(): XmlDocument {
    if (!this.#statusRemoved && this.root.name === 'cib' && (this.root.child('status')?.children.length ?? 0) > 0) {
      const status = this.#libxml.get('/cib/status');
      if (status instanceof LibxmlElement) {
        for (let child = status.firstChild; child; ) {
          const next = child.next;
          child.remove();
          child = next;
        }
      }
      this.#statusRemoved = true;
    }
    return this.#libxml;
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
    for (const attribute of node.attrs) element.setExpandedValue(attribute.name, attribute.value);
  });
}
