/**
 * XPath 1.0 over a CIB, evaluated by libxml2, with every result mapped back to the scanned element
 * tree (whose positions are exact). The only XPath surface rules and policies see: no libxml2 type
 * leaves this file.
 */
import { type XmlDocument, type XmlNode } from 'libxml2-wasm';
import type { XmlAttribute, XmlElement } from './element.js';
/** One node an XPath expression selected. */
export interface XPathMatch {
    /** The scanned element or attribute; undefined for a node the tree does not model (text, a comment). */
    readonly node: XmlElement | XmlAttribute | undefined;
    /** `boolean(expression)` with this node as the context. */
    test(expression: string): boolean;
    /** `string(expression)` with this node as the context. */
    string(expression: string): string;
}
/**
 * The scanned element (or attribute) a libxml2 node stands for: the n-th element of the DOM in
 * document order is the n-th start tag of the source. Undefined for other kinds of node.
 */
export declare function scannedNodeOf(node: XmlNode | null, elements: readonly XmlElement[]): XmlElement | XmlAttribute | undefined;
/** Every node `expression` selects in the document, in document order. */
export declare function selectNodes(document: XmlDocument, elements: readonly XmlElement[], expression: string): XPathMatch[];
/** Why an XPath 1.0 expression does not compile, or undefined when it does. */
export declare function xpathSyntaxError(expression: string): string | undefined;
