/**
 * XPath 1.0 over a CIB, evaluated by libxml2, with every result mapped back to the scanned element
 * tree (whose positions are exact). The only XPath surface rules and policies see: no libxml2 type
 * leaves this file.
 *
 * An evaluation runs synchronously inside WebAssembly and cannot be interrupted: libxml2 has an
 * operation limit for XPath (`opLimit`), but libxml2-wasm does not expose its XPath context. Callers
 * that must bound their time (policies) measure it between evaluations.
 */
import {
  XmlAttribute as LibxmlAttribute,
  XmlComment as LibxmlComment,
  XmlElement as LibxmlElement,
  XmlText as LibxmlText,
  XmlXPath,
  type XmlDocument,
  type XmlNode,
} from 'libxml2-wasm';
import type { XmlAttribute, XmlComment, XmlElement } from './element.js';
import type { LineIndex } from './source.js';
import { quietly } from './quiet.js';

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

/** Document-order position of an element: its ancestors and everything before it. */
const ELEMENT_INDEX = 'count(ancestor::*) + count(preceding::*)';

/**
 * The document-order index of every element of a libxml2 document, by the address of its node:
 * asking libxml2 for each match's position instead costs a walk of the document per match, which
 * made a policy selecting every nvpair of a large CIB quadratic.
 */
const elementIndexes = new WeakMap<XmlDocument, Map<number, number>>();

/** The address libxml2-wasm keeps for a node (not part of its typed API; undefined if it changes). */
function addressOf(node: XmlNode): number | undefined {
  const address = (node as unknown as { _nodePtr?: unknown })._nodePtr;
  return typeof address === 'number' ? address : undefined;
}

function elementIndexOf(node: LibxmlElement): number | undefined {
  const document = node.doc;
  let indexes = elementIndexes.get(document);
  if (!indexes) {
    indexes = new Map();
    for (const [index, element] of document.find('//*').entries()) {
      const address = addressOf(element);
      if (address === undefined) break;
      indexes.set(address, index);
    }
    elementIndexes.set(document, indexes);
  }
  const address = addressOf(node);
  const index = address === undefined ? undefined : indexes.get(address);
  if (index !== undefined) return index;
  const counted = node.eval(ELEMENT_INDEX);
  return typeof counted === 'number' ? counted : undefined;
}

/**
 * The scanned element (or attribute) a libxml2 node stands for: the n-th element of the DOM in
 * document order is the n-th start tag of the source. A text node stands for its element.
 * Undefined for other kinds of node.
 */
export function scannedNodeOf(node: XmlNode | null, elements: readonly XmlElement[]): XmlElement | XmlAttribute | undefined {
  const owner = node instanceof LibxmlAttribute || node instanceof LibxmlText ? node.parent : node instanceof LibxmlElement ? node : null;
  const index = owner ? elementIndexOf(owner) : undefined;
  const element = index === undefined ? undefined : elements[index];
  if (element && node instanceof LibxmlAttribute) return element.attribute(node.name) ?? element;
  return element;
}

/** The scanned comment a libxml2 comment is: the same text, ending on the line libxml2 gives (or the nearest). */
function scannedCommentOf(node: LibxmlComment, tree: ScannedTree, byText: Map<string, XmlComment[]>): XmlComment | undefined {
  const candidates = byText.get(node.content);
  if (!candidates) return undefined;
  let best: XmlComment | undefined;
  let distance = Infinity;
  for (const comment of candidates) {
    const away = Math.abs(tree.lines.position(comment.span.end).line - node.line);
    if (away < distance) [best, distance] = [comment, away];
  }
  return best;
}

/**
 * Compiled expressions, kept for the process: a policy's assert is evaluated once per selected
 * node, and compiling it each time cost more than evaluating it.
 */
const compiled = new Map<string, XmlXPath>();
const COMPILED_KEPT = 256;

function compiledExpression(expression: string): XmlXPath {
  let xpath = compiled.get(expression);
  if (!xpath) {
    if (compiled.size >= COMPILED_KEPT) {
      for (const old of compiled.values()) old.dispose();
      compiled.clear();
    }
    xpath = quietly(() => XmlXPath.compile(expression));
    compiled.set(expression, xpath);
  }
  return xpath;
}

/** Every node `expression` selects in the document, in document order. */
export function selectNodes(document: XmlDocument, tree: ScannedTree, expression: string): XPathMatch[] {
  let byText: Map<string, XmlComment[]> | undefined;
  return document.find(expression).map((found) => {
    let comment: XmlComment | undefined;
    if (found instanceof LibxmlComment) {
      byText ??= groupByText(tree.comments);
      comment = scannedCommentOf(found, tree, byText);
    }
    return {
      node: scannedNodeOf(found, tree.elements),
      comment,
      line: found.line,
      test: (test) => found.eval(compiledExpression(`boolean(${test})`)) === true,
      string: (value) => {
        const result = found.eval(compiledExpression(`string(${value})`));
        return typeof result === 'string' ? result : String(result);
      },
    };
  });
}

function groupByText(comments: readonly XmlComment[]): Map<string, XmlComment[]> {
  const groups = new Map<string, XmlComment[]>();
  for (const comment of comments) {
    const group = groups.get(comment.text);
    if (group) group.push(comment);
    else groups.set(comment.text, [comment]);
  }
  return groups;
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
