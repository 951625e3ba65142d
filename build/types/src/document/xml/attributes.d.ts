/**
 * Attributes of start tags, read from the source text with their exact offsets. The scanner only
 * records where a tag's attributes are; they are parsed here on first use, so elements no rule
 * looks at (most of a large `status` section) cost nothing.
 */
import type { Span } from './element.js';
/** XML white space: space, tab, line feed, carriage return. */
export declare function isXmlSpace(code: number): boolean;
/** A character that ends a tag or attribute name: white space, `/`, `>` or `=`. */
export declare function endsName(code: number): boolean;
/**
 * A hash of an attribute name, so that finding an attribute by name compares numbers; the text is
 * compared only where the hashes agree (a `startsWith` on the whole source for every attribute of
 * every element was a large share of a big CIB's lint).
 */
export declare function nameHash(text: string, start?: number, end?: number): number;
/**
 * Where each attribute of a document is in the source text, a few numbers per attribute in one
 * typed array: a 16 MB CIB has half a million attributes, and an object for each (with its spans)
 * made the garbage collector the largest cost of a run. Values are sliced when a rule reads them;
 * objects are made only for the elements whose attributes a rule asks for as objects.
 */
export declare class AttributeOffsets {
    readonly text: string;
    /**
     * Room for 64 attributes to begin with, so that the array is replaced (it grows) within the
     * first files: optimised code that read the field while it had never changed was thrown away
     * (and recompiled) the first time it grew.
     */
    private offsets;
    private count;
    constructor(text: string);
    /** Rows filled so far: an element's attributes are the rows its parse added. */
    get size(): number;
    /**
     * Parses the attributes in `text[from, to)`, the part of a start tag after the element name, into
     * new rows. False when they are not a well-formed attribute list (only in text libxml2 rejected).
     * It runs once for every element a rule reads, cold: no closures, no objects per call.
     */
    parse(from: number, to: number): boolean;
    private push;
    /** Whether the attribute in this row is `name`, whose nameHash() is `hash`. */
    nameIs(index: number, name: string, hash: number): boolean;
    name(index: number): string;
    /** The value as written, between the quotes. */
    rawValue(index: number): string;
    /** The normalised value; the raw text when it uses an entity only the DTD declares. */
    value(index: number): string;
    /** From the attribute name to the closing quote: `replicas-per-host="2"`. */
    span(index: number): Span;
    valueSpan(index: number): Span;
}
/**
 * XML attribute-value normalisation (XML 1.0 §3.3.3) for CDATA attributes: line breaks and tabs
 * become spaces, then character and predefined entity references are expanded. Returns undefined
 * when the value references an entity only the DTD defines.
 */
export declare function decodeAttributeValue(raw: string): string | undefined;
