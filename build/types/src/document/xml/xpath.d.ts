/**
 * XPath 1.0 over a CIB, evaluated by libxml2, with every result mapped back to the scanned element
 * tree (whose positions are exact). The only XPath surface rules and policies see: no libxml2 type
 * leaves this file.
 *
 * An evaluation runs synchronously inside WebAssembly and cannot be interrupted: libxml2 has an
 * operation limit for XPath (`opLimit`), but libxml2-wasm does not expose its XPath context. Callers
 * that must bound their time (policies) measure it between evaluations.
 */
import { type XmlDocument, type XmlNode } from 'libxml2-wasm';
import type { XmlAttribute, XmlComment, XmlElement } from './element.js';
import type { LineIndex } from './source.js';
/** One node an XPath expression selected. */
export interface XPathMatch {
    /**
     * The scanned element or attribute; for a text node, the element holding it. Undefined for a
     * node the tree does not model (a comment, a processing instruction).
     */
    readonly node: XmlElement | XmlAttribute | undefined;
    /** A selected comment, when the source has it (comments in a DOCTYPE are not scanned). */
    readonly comment: XmlComment | undefined;
    /** libxml2's line of the node (for a comment, the line it ends on); 0 when it has none. */
    readonly line: number;
    /** `boolean(expression)` with this node as the context. */
    test(expression: string): boolean;
    /** `string(expression)` with this node as the context. */
    string(expression: string): string;
}
/** What the source scan knows of the document, to map libxml2 nodes onto. */
export interface ScannedTree {
    readonly elements: readonly XmlElement[];
    readonly comments: readonly XmlComment[];
    readonly lines: LineIndex;
}
/**
 * The scanned element (or attribute) a libxml2 node stands for: the n-th element of the DOM in
 * document order is the n-th start tag of the source. A text node stands for its element.
 * Undefined for other kinds of node.
 */
export declare function scannedNodeOf(node: XmlNode | null, elements: readonly XmlElement[]): XmlElement | XmlAttribute | undefined;
/** Every node `expression` selects in the document, in document order. */
export declare function selectNodes(document: XmlDocument, tree: ScannedTree, expression: string): XPathMatch[];
/** Why an XPath 1.0 expression does not compile, or undefined when it does. */
export declare function xpathSyntaxError(expression: string): string | undefined;
