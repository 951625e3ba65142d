/**
 * From a node path as libxml2 writes it (xmlGetNodePath: `/cib/configuration/resources/bundle[2]/
 * docker/@replicas`) to the scanned element or attribute, without libxml2: validation may have run
 * on another thread, on a document this thread never parsed.
 */
import type { XmlAttribute, XmlElement } from './element.js';

/** `name` or `name[n]`, n counting the same-name siblings from 1, as libxml2 writes a step. */
const ELEMENT_STEP = /^([A-Za-z_][\w.-]*)(?:\[(\d+)\])?$/;

/**
 * The element or attribute the path names, or undefined when a step is one the scanned tree does
 * not model (a text or comment node, a name with a namespace prefix) or names nothing.
 */
export function nodeAtPath(root: XmlElement, path: string): XmlElement | XmlAttribute | undefined {
  const steps = path.split('/');
  if (steps[0] !== '' || steps.length < 2) return undefined;
  let element: XmlElement | undefined;
  for (const [index, step] of steps.slice(1).entries()) {
    if (step.startsWith('@')) return index === steps.length - 2 && element ? element.attribute(step.slice(1)) : undefined;
    const match = ELEMENT_STEP.exec(step);
    if (!match) return undefined;
    const [, name, position] = match;
    const candidates = element ? element.children.filter((child) => child.name === name) : root.name === name ? [root] : [];
    element = candidates[position === undefined ? 0 : Number(position) - 1];
    if (!element) return undefined;
  }
  return element;
}

/**
 * The path libxml2 writes for a scanned element (xmlGetNodePath): `name[n]` only where the parent
 * has more than one child of that name. The inverse of nodeAtPath for elements without a prefix.
 */
export function pathOf(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | undefined = element; node; node = node.parent) {
    const namesakes = node.parent ? node.parent.children.filter((child) => child.name === node!.name) : [node];
    steps.push(namesakes.length > 1 ? `${node.name}[${namesakes.indexOf(node) + 1}]` : node.name);
  }
  return `/${steps.reverse().join('/')}`;
}
