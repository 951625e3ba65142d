/**
 * From a node path as libxml2 writes it (xmlGetNodePath: `/cib/configuration/resources/bundle[2]/
 * docker/@replicas`) to the scanned element or attribute, without libxml2: validation may have run
 * on another thread, on a document this thread never parsed.
 */
import type { XmlAttribute, XmlElement } from './element.js';
/**
 * The element or attribute the path names, or undefined when a step is one the scanned tree does
 * not model (a text or comment node, a name with a namespace prefix) or names nothing.
 */
export declare function nodeAtPath(root: XmlElement, path: string): XmlElement | XmlAttribute | undefined;
/**
 * The path libxml2 writes for a scanned element (xmlGetNodePath): `name[n]` only where the parent
 * has more than one child of that name. The inverse of nodeAtPath for elements without a prefix.
 */
export declare function pathOf(element: XmlElement): string;
