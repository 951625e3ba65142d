/**
 * What a linted file is to everything above the document layer: its text with line and byte
 * positions, the element tree with exact spans, the comments, and two services backed by libxml2
 * (XPath and RelaxNG validation). No libxml2 type appears here.
 */
import type { XmlAttribute, XmlComment, XmlElement } from './xml/element.js';
import type { LineIndex, Position } from './xml/source.js';
import type { SchemaError } from './xml/schemas.js';
import type { XPathMatch } from './xml/xpath.js';
export type { XmlAttribute, XmlComment, XmlElement, LineIndex, Position, SchemaError, XPathMatch };
/** The text of a file as decoded, with the positions every finding needs. */
export interface SourceText {
    readonly text: string;
    readonly lines: LineIndex;
    /** The offset in the file's bytes of an offset in `text` (they differ past non-ASCII text). */
    byteOffset(offset: number): number;
}
export interface CibDocument extends SourceText {
    readonly root: XmlElement;
    /**
     * Every element in document order; `elements[i].index === i`. Loading leaves the content of the
     * status section's entries (`/cib/status/*`) unscanned until it is first asked for, here or by
     * an element's `children`: reading this scans all of it.
     */
    readonly elements: readonly XmlElement[];
    readonly comments: readonly XmlComment[];
    /** Every node an XPath 1.0 expression selects, mapped to the element tree. */
    xpath(expression: string): XPathMatch[];
    /**
     * The errors of validating the document, with the content of `/cib/status` set aside (Pacemaker's
     * schema accepts anything there), against a RelaxNG schema file; none when it is valid. Throws
     * SchemaValidationSkipped (src/document/xml/schema-budget.ts), without validating, when an
     * element has so many children that validation would take longer than its budget.
     */
    schemaErrors(schemaPath: string): SchemaError[];
    /**
     * The errors of validating one element's subtree alone against the schema file: placed directly
     * in the configuration section that holds it, in the smallest CIB the schema accepts (so a
     * primitive of a group stands in `<resources>` by itself), optionally without one attribute of
     * the subtree. Paths inside the subtree are those of the original document; errors elsewhere in
     * the wrapper have none. Undefined when the element cannot stand alone (it is not inside a
     * configuration section, or uses an entity or a namespace declared outside it).
     */
    isolatedSchemaErrors(schemaPath: string, element: XmlElement, options?: {
        without?: XmlAttribute;
    }): SchemaError[] | undefined;
    /** Frees what libxml2 holds for the document: WebAssembly memory is not garbage-collected. */
    dispose(): void;
}
/** A file that is not well-formed XML: libxml2's first error, and what could still be read. */
export interface UnparsableDocument extends SourceText {
    readonly message: string;
    readonly position: Position;
    readonly comments: readonly XmlComment[];
}
export type LoadResult = {
    ok: true;
    document: CibDocument;
} | {
    ok: false;
    unparsable: UnparsableDocument;
};
