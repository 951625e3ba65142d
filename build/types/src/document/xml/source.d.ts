/**
 * Source text handling: decoding the bytes of a CIB file into text and mapping text offsets to
 * 1-based line and column numbers. Positions always come from here, never from libxml2, whose node
 * line numbers stop at 65535 and which has no columns at all.
 */
export interface Position {
    /** 1-based line. */
    line: number;
    /** 1-based column, counted in UTF-16 code units (SARIF's default column kind). */
    column: number;
}
/** Decodes file bytes the way an XML parser would: BOM first, then the declared encoding. */
export declare function decodeSource(bytes: Uint8Array): string;
/** Offsets of line starts; XML treats CRLF, LF and a lone CR each as one line break. */
export declare class LineIndex {
    readonly text: string;
    private readonly starts;
    constructor(text: string);
    get lineCount(): number;
    /** The offset where a 1-based line starts (the text's length past the last line). */
    offsetOf(line: number): number;
    position(offset: number): Position;
}
/**
 * From offsets in the decoded text to offsets in the file's bytes, for fixes and for reports that
 * locate by byte. ASCII text in UTF-8 (nearly every CIB) maps one to one; other UTF-8 text is
 * measured from the start of the offset's line; UTF-16 and single-byte encodings are arithmetic.
 */
export declare function byteOffsets(bytes: Uint8Array, text: string): (offset: number) => number;
