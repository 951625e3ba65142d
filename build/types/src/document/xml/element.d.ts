/**
 * The element tree rules read: names, attribute values and their exact source spans. It is built
 * from the source text (see scan.ts) once libxml2 has accepted the document as well-formed, so the
 * structure is the one libxml2 saw and every position is exact.
 */
import { type AttributeOffsets } from './attributes.js';
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
export declare class XmlElement {
    readonly name: string;
    readonly parent: XmlElement | undefined;
    /** Position of this element among all elements of the document, in document order. */
    readonly index: number;
    /** The document's attribute table, which this element's attributes are parsed into. */
    private readonly offsets;
    /** Offset of the start tag's `<`; the name follows it. */
    private readonly tagStart;
    /** Offset just past the start tag's `>`. */
    private readonly tagEnd;
    /** Offset just past the element name. */
    private readonly nameEnd;
    /** Objects for the attributes, by position, made when a rule first asks for one as an object. */
    private attributeObjects;
    /** All of them in source order, once a rule asked for the list. */
    private attributeList;
    /** Rows of `offsets` holding this element's attributes; -1 until the tag is parsed. */
    private firstAttribute;
    private attributeCount;
    /** Values libxml2 expanded from DTD entities, by attribute position (see setExpandedValue). */
    private expandedValues;
    /** Offsets of the end tag's `<` and just past its `>`; -1 for an empty-element tag (`<a/>`). */
    private closeStart;
    private closeEnd;
    /** null until `id` is first read. */
    private idValue;
    /** `name[n]` labels of the children without an id, computed once (see idPath). */
    private childLabels;
    private readonly childList;
    /** Scans this element's content when it was deferred (see scan.ts), with its last index. */
    private deferred;
    constructor(name: string, parent: XmlElement | undefined, 
    /** Position of this element among all elements of the document, in document order. */
    index: number, 
    /** The document's attribute table, which this element's attributes are parsed into. */
    offsets: AttributeOffsets, 
    /** Offset of the start tag's `<`; the name follows it. */
    tagStart: number, 
    /** Offset just past the start tag's `>`. */
    tagEnd: number, 
    /** Offset just past the element name. */
    nameEnd: number);
    /** The whole start tag, `<` to `>` (made on demand: most elements are never reported). */
    get span(): Span;
    /**
     * The whole element, from its start tag's `<` to its end tag's `>` (the start tag alone for
     * `<a/>`): what removing the element removes.
     */
    get outerSpan(): Span;
    /** The end tag `</name>`, or undefined for an empty-element tag: children go before it. */
    get endTagSpan(): Span | undefined;
    /** The child elements, in document order. */
    get children(): XmlElement[];
    /**
     * For the scanner: the content was counted but not scanned. `scan` makes its elements (with
     * indexes up to `lastIndex`) when they are first asked for.
     */
    deferContent(lastIndex: number, scan: () => void): void;
    /** Makes the elements of deferred content now (nothing when there is none). */
    scanDeferredContent(): void;
    /** For the scanner: where the element's end tag is. */
    setEndTag(start: number, end: number): void;
    /** The element name inside the start tag. */
    get nameSpan(): Span;
    /**
     * Parses the start tag's attributes (once). False when they were not a well-formed attribute
     * list, which only happens in text libxml2 rejected.
     */
    parseAttributes(): boolean;
    /** The raw values, as written between the quotes (the scanner checks them for entities). */
    rawAttributeValues(): string[];
    /** The attributes in source order. */
    get attributes(): XmlAttribute[];
    /**
     * The object for the attribute at this position, made once so that it keeps its identity.
     * `name`, when the caller has it, saves slicing the same text again.
     */
    private objectAt;
    /** Position among this element's attributes of the one with this name, or -1. */
    private positionOf;
    /**
     * Document-order index of the last element of this element's subtree: the subtree occupies
     * `index` to this, contiguously.
     */
    get lastDescendantIndex(): number;
    /** The attribute's value, or undefined when the attribute is absent. */
    attr(name: string): string | undefined;
    /**
     * For the loader only, before any rule runs: libxml2's value for an attribute that references
     * an entity declared in the document's DTD, which the scanner cannot expand.
     */
    setExpandedValue(name: string, value: string): void;
    attribute(name: string): XmlAttribute | undefined;
    has(name: string): boolean;
    /** The `id`, read once: indexes, id paths and messages ask for it over and over. */
    get id(): string | undefined;
    child(name: string): XmlElement | undefined;
    childrenNamed(...names: string[]): XmlElement[];
    /** All elements below this one, depth first, in document order. */
    descendants(): Generator<XmlElement>;
    /** The nearest ancestor with one of the names, if any. */
    ancestor(...names: string[]): XmlElement | undefined;
    /**
     * Identity of the element that survives reformatting and reordering: the ids of the element and
     * its ancestors, with `name[n]` for an ancestor without an id.
     */
    idPath(): string[];
    /** `name` or `name[n]` (1-based among same-name siblings) for a child; linear once per parent. */
    private labelOf;
    /** `<bundle id="web">` style label for messages. */
    describe(): string;
}
