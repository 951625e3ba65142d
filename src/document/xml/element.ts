/**
 * The element tree rules read: names, attribute values and their exact source spans. It is built
 * from the source text (see scan.ts) once libxml2 has accepted the document as well-formed, so the
 * structure is the one libxml2 saw and every position is exact.
 */

import { nameHash, type AttributeOffsets } from './attributes.js';

export interface Span {
  /** Offset of the first character in the decoded source text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export interface XmlAttribute {
  readonly name: string;
  /** The value after XML attribute-value normalisation and entity decoding. */
  readonly value: string;
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

/** An attribute object: its spans are made when asked for (a finding's position), not before. */
class ScannedAttribute implements XmlAttribute {
  constructor(
    readonly name: string,
    readonly value: string,
    readonly owner: XmlElement,
    private readonly offsets: AttributeOffsets,
    private readonly row: number,
  ) {}

  get span(): Span {
    return this.offsets.span(this.row);
  }

  get valueSpan(): Span {
    return this.offsets.valueSpan(this.row);
  }
}

export class XmlElement {
  /** Objects for the attributes, by position, made when a rule first asks for one as an object. */
  private attributeObjects: XmlAttribute[] | undefined;
  /** All of them in source order, once a rule asked for the list. */
  private attributeList: XmlAttribute[] | undefined;
  /** Rows of `offsets` holding this element's attributes; -1 until the tag is parsed. */
  private firstAttribute = -1;
  private attributeCount = 0;
  /** Values libxml2 expanded from DTD entities, by attribute position (see setExpandedValue). */
  private expandedValues: Map<number, string> | undefined;
  /** Offsets of the end tag's `<` and just past its `>`; -1 for an empty-element tag (`<a/>`). */
  private closeStart = -1;
  private closeEnd = -1;
  /** null until `id` is first read. */
  private idValue: string | undefined | null = null;
  /** `name[n]` labels of the children without an id, computed once (see idPath). */
  private childLabels: Map<XmlElement, string> | undefined;
  private readonly childList: XmlElement[] = [];
  /** Scans this element's content when it was deferred (see scan.ts), with its last index. */
  private deferred: { scan: () => void; lastIndex: number } | undefined;

  constructor(
    readonly name: string,
    readonly parent: XmlElement | undefined,
    /** Position of this element among all elements of the document, in document order. */
    readonly index: number,
    /** The document's attribute table, which this element's attributes are parsed into. */
    private readonly offsets: AttributeOffsets,
    /** Offset of the start tag's `<`; the name follows it. */
    private readonly tagStart: number,
    /** Offset just past the start tag's `>`. */
    private readonly tagEnd: number,
    /** Offset just past the element name. */
    private readonly nameEnd: number,
  ) {}

  /** The whole start tag, `<` to `>` (made on demand: most elements are never reported). */
  get span(): Span {
    return { start: this.tagStart, end: this.tagEnd };
  }

  /**
   * The whole element, from its start tag's `<` to its end tag's `>` (the start tag alone for
   * `<a/>`): what removing the element removes.
   */
  get outerSpan(): Span {
    return { start: this.tagStart, end: this.closeEnd < 0 ? this.tagEnd : this.closeEnd };
  }

  /** The end tag `</name>`, or undefined for an empty-element tag: children go before it. */
  get endTagSpan(): Span | undefined {
    return this.closeStart < 0 ? undefined : { start: this.closeStart, end: this.closeEnd };
  }

  /** The child elements, in document order. */
  get children(): XmlElement[] {
    if (this.deferred) this.scanDeferredContent();
    return this.childList;
  }

  /**
   * For the scanner: the content was counted but not scanned. `scan` makes its elements (with
   * indexes up to `lastIndex`) when they are first asked for.
   */
  deferContent(lastIndex: number, scan: () => void): void {
    this.deferred = { scan, lastIndex };
  }

  /** Makes the elements of deferred content now (nothing when there is none). */
  scanDeferredContent(): void {
    const deferred = this.deferred;
    if (!deferred) return;
    this.deferred = undefined;
    deferred.scan();
  }

  /** For the scanner: where the element's end tag is. */
  setEndTag(start: number, end: number): void {
    this.closeStart = start;
    this.closeEnd = end;
  }

  /** The element name inside the start tag. */
  get nameSpan(): Span {
    return { start: this.tagStart + 1, end: this.nameEnd };
  }

  /**
   * Parses the start tag's attributes (once). False when they were not a well-formed attribute
   * list, which only happens in text libxml2 rejected.
   */
  parseAttributes(): boolean {
    if (this.firstAttribute >= 0) return true;
    const first = this.offsets.size;
    const complete = this.offsets.parse(this.nameEnd, this.tagEnd);
    this.firstAttribute = first;
    this.attributeCount = this.offsets.size - first;
    return complete;
  }

  /** The raw values, as written between the quotes (the scanner checks them for entities). */
  rawAttributeValues(): string[] {
    this.parseAttributes();
    const values: string[] = [];
    for (let row = this.firstAttribute; row < this.firstAttribute + this.attributeCount; row++) values.push(this.offsets.rawValue(row));
    return values;
  }

  /** The attributes in source order. */
  get attributes(): XmlAttribute[] {
    if (this.attributeList === undefined) {
      this.parseAttributes();
      this.attributeList = [];
      for (let position = 0; position < this.attributeCount; position++) this.attributeList.push(this.objectAt(position));
    }
    return this.attributeList;
  }

  /**
   * The object for the attribute at this position, made once so that it keeps its identity.
   * `name`, when the caller has it, saves slicing the same text again.
   */
  private objectAt(position: number, name?: string): XmlAttribute {
    // As long as the attribute list: a read past an array's end makes V8 drop optimised code.
    this.attributeObjects ??= new Array<XmlAttribute>(this.attributeCount);
    let object = this.attributeObjects[position];
    if (object === undefined) {
      const row = this.firstAttribute + position;
      object = new ScannedAttribute(name ?? this.offsets.name(row), this.expandedValues?.get(position) ?? this.offsets.value(row), this, this.offsets, row);
      this.attributeObjects[position] = object;
    }
    return object;
  }

  /** Position among this element's attributes of the one with this name, or -1. */
  private positionOf(name: string): number {
    this.parseAttributes();
    const hash = nameHash(name);
    for (let position = 0; position < this.attributeCount; position++) {
      if (this.offsets.nameIs(this.firstAttribute + position, name, hash)) return position;
    }
    return -1;
  }

  /**
   * Document-order index of the last element of this element's subtree: the subtree occupies
   * `index` to this, contiguously.
   */
  get lastDescendantIndex(): number {
    // Deferred content is not scanned for this: its last index is known.
    for (let last: XmlElement = this; ; ) {
      if (last.deferred) return last.deferred.lastIndex;
      const children = last.childList;
      if (children.length === 0) return last.index;
      last = children[children.length - 1]!;
    }
  }

  /** The attribute's value, or undefined when the attribute is absent. */
  attr(name: string): string | undefined {
    const position = this.positionOf(name);
    if (position < 0) return undefined;
    return this.expandedValues?.get(position) ?? this.offsets.value(this.firstAttribute + position);
  }

  /**
   * For the loader only, before any rule runs: libxml2's value for an attribute that references
   * an entity declared in the document's DTD, which the scanner cannot expand.
   */
  setExpandedValue(name: string, value: string): void {
    const position = this.positionOf(name);
    if (position < 0 || this.attributeObjects?.[position] !== undefined) return;
    (this.expandedValues ??= new Map()).set(position, value);
  }

  attribute(name: string): XmlAttribute | undefined {
    const position = this.positionOf(name);
    return position < 0 ? undefined : this.objectAt(position, name);
  }

  has(name: string): boolean {
    return this.positionOf(name) >= 0;
  }

  /** The `id`, read once: indexes, id paths and messages ask for it over and over. */
  get id(): string | undefined {
    if (this.idValue === null) this.idValue = this.attr('id');
    return this.idValue;
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
    // One generator and a stack: nested `yield*` would cost a generator per element and a step
    // per level for every element yielded.
    const stack: XmlElement[] = [...this.children].reverse();
    for (let element = stack.pop(); element; element = stack.pop()) {
      yield element;
      for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
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
