/** From a node libxml2 returned (XPath results, validation errors) to the scanned element tree. */
import { XmlAttribute as LibxmlAttribute, XmlElement as LibxmlElement, type XmlNode } from 'libxml2-wasm';
import type { XmlAttribute, XmlElement } from './element.js';

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
