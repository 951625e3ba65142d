/**
 * The element tree rules read: names, attribute values and their exact source spans. It is built
 * from the source text (see scan.ts) once libxml2 has accepted the document as well-formed, so the
 * structure is the one libxml2 saw and every position is exact.
 */

import { parseAttributes } from './attributes.js';

export interface Span {
  /** Offset of the first character in the decoded source text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export interface XmlAttribute {
  readonly name: string;
  /** The value after XML attribute-value normalisation and entity decoding. */
  value: string;
  readonly owner: XmlElement;
  /** From the attribute name to the closing quote: `replicas-per-host="2"`. */
  readonly span: Span;
  /** The value between the quotes. */
  readonly valueSpan: Span;
}

export interface XmlComment {
  readonly text: string;
  readonly span: Span;
  /** The element whose start tag comes first after this comment, if any. */
  nextElement: XmlElement | undefined;
}

export class XmlElement {
  private attributeList: XmlAttribute[] | undefined;
  /** Where the scanner found this element's attributes; parsed on first use (see attributes.ts). */
  private pendingSource: string | undefined;
  private pendingFrom = 0;
  private pendingTo = 0;
  /** `name[n]` labels of the children without an id, computed once (see idPath). */
  private childLabels: Map<XmlElement, string> | undefined;
  readonly children: XmlElement[] = [];

  constructor(
    readonly name: string,
    readonly parent: XmlElement | undefined,
    /** Position of this element among all elements of the document, in document order. */
    readonly index: number,
    /** The whole start tag, `<` to `>`. */
    readonly span: Span,
    /** The element name inside the start tag. */
    readonly nameSpan: Span,
  ) {}

  /** The attributes in source order. */
  get attributes(): XmlAttribute[] {
    if (this.attributeList === undefined) {
      const source = this.pendingSource;
      this.attributeList = source === undefined ? [] : parseAttributes(source, this.pendingFrom, this.pendingTo, this).attributes;
      this.pendingSource = undefined;
    }
    return this.attributeList;
  }

  /** For the scanner: the attributes are in `text[from, to)`, to be parsed when first read. */
  deferAttributes(text: string, from: number, to: number): void {
    this.attributeList = undefined;
    this.pendingSource = text;
    this.pendingFrom = from;
    this.pendingTo = to;
  }

  /**
   * Document-order index of the last element of this element's subtree: the subtree occupies
   * `index` to this, contiguously.
   */
  get lastDescendantIndex(): number {
    let last: XmlElement = this;
    while (last.children.length > 0) last = last.children[last.children.length - 1]!;
    return last.index;
  }

  /** The attribute's value, or undefined when the attribute is absent. */
  attr(name: string): string | undefined {
    for (const attribute of this.attributes) if (attribute.name === name) return attribute.value;
    return undefined;
  }

  attribute(name: string): XmlAttribute | undefined {
    for (const attribute of this.attributes) if (attribute.name === name) return attribute;
    return undefined;
  }

  has(name: string): boolean {
    return this.attribute(name) !== undefined;
  }

  get id(): string | undefined {
    return this.attr('id');
  }

  child(name: string): XmlElement | undefined {
    for (const child of this.children) if (child.name === name) return child;
    return undefined;
  }

  childrenNamed(...names: string[]): XmlElement[] {
    return this.children.filter((child) => names.includes(child.name));
  }

  /** All elements below this one, depth first, in document order. */
  *descendants(): Generator<XmlElement> {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }

  /** The nearest ancestor with one of the names, if any. */
  ancestor(...names: string[]): XmlElement | undefined {
    for (let node = this.parent; node; node = node.parent) if (names.includes(node.name)) return node;
    return undefined;
  }

  /**
   * Identity of the element that survives reformatting and reordering: the ids of the element and
   * its ancestors, with `name[n]` for an ancestor without an id.
   */
  idPath(): string[] {
    const path: string[] = [];
    for (let node: XmlElement | undefined = this; node; node = node.parent) {
      const id = node.id;
      if (id !== undefined) path.push(id);
      else if (node.parent) path.push(node.parent.labelOf(node));
      else path.push(node.name);
    }
    return path.reverse();
  }

  /** `name` or `name[n]` (1-based among same-name siblings) for a child; linear once per parent. */
  private labelOf(child: XmlElement): string {
    if (!this.childLabels) {
      this.childLabels = new Map();
      const counts = new Map<string, number>();
      for (const sibling of this.children) counts.set(sibling.name, (counts.get(sibling.name) ?? 0) + 1);
      const seen = new Map<string, number>();
      for (const sibling of this.children) {
        const position = (seen.get(sibling.name) ?? 0) + 1;
        seen.set(sibling.name, position);
        this.childLabels.set(sibling, counts.get(sibling.name)! > 1 ? `${sibling.name}[${position}]` : sibling.name);
      }
    }
    return this.childLabels.get(child) ?? child.name;
  }

  /** `<bundle id="web">` style label for messages. */
  describe(): string {
    return this.id === undefined ? `<${this.name}>` : `<${this.name} id="${this.id}">`;
  }
}
