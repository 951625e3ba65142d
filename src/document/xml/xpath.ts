/**
 * XPath 1.0 over a CIB, evaluated by libxml2, with every result mapped back to the scanned element
 * tree (whose positions are exact). The only XPath surface rules and policies see: no libxml2 type
 * leaves this file.
 */
import { XmlAttribute as LibxmlAttribute, XmlElement as LibxmlElement, XmlXPath, type XmlDocument, type XmlNode } from 'libxml2-wasm';
import type { XmlAttribute, XmlElement } from './element.js';
import { quietly } from './quiet.js';

/** One node an XPath expression selected. */
export interface XPathMatch {
  /** The scanned element or attribute; undefined for a node the tree does not model (text, a comment). */
  readonly node: XmlElement | XmlAttribute | undefined;
  /** `boolean(expression)` with this node as the context. */
  test(expression: string): boolean;
  /** `string(expression)` with this node as the context. */
  string(expression: string): string;
}

/** Document-order position of an element: its ancestors and everything before it. */
const ELEMENT_INDEX = 'count(ancestor::*) + count(preceding::*)';

/**
 * The scanned element (or attribute) a libxml2 node stands for: the n-th element of the DOM in
 * document order is the n-th start tag of the source. Undefined for other kinds of node.
 */
export function scannedNodeOf(node: XmlNode | null, elements: readonly XmlElement[]): XmlElement | XmlAttribute | undefined {
  const owner = node instanceof LibxmlAttribute ? node.parent : node instanceof LibxmlElement ? node : null;
  const index = owner?.eval(ELEMENT_INDEX);
  const element = typeof index === 'number' ? elements[index] : undefined;
  if (element && node instanceof LibxmlAttribute) return element.attribute(node.name) ?? element;
  return element;
}

/** Every node `expression` selects in the document, in document order. */
export function selectNodes(document: XmlDocument, elements: readonly XmlElement[], expression: string): XPathMatch[] {
  return document.find(expression).map((found) => ({
    node: scannedNodeOf(found, elements),
    test: (test) => found.eval(`boolean(${test})`) === true,
    string: (value) => {
      const result = found.eval(`string(${value})`);
      return typeof result === 'string' ? result : String(result);
    },
  }));
}

/** Why an XPath 1.0 expression does not compile, or undefined when it does. */
export function xpathSyntaxError(expression: string): string | undefined {
  try {
    quietly(() => XmlXPath.compile(expression).dispose());
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}
