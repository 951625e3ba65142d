/**
 * Fixes as text edits (the model is ESLint's source-code-fixer and markdownlint's applyFixes): a
 * rule describes a change on the scanned tree (CibEdit), this module turns it into replacements
 * of exact spans of the file, and applies the non-overlapping ones. Only the changed attribute or
 * element is touched: indentation, attribute order, quoting, comments and line endings elsewhere
 * stay byte for byte what they were.
 */
import type { SourceText } from '../document/document.js';
import type { Fix } from './finding.js';
import type { FixDescriptor } from './rule.js';
/** The finding's form of a rule's fix: its edits located by line, column and byte offset. */
export declare function locateFix(descriptor: FixDescriptor, source: SourceText): Fix;
/** A value as it must be written between `quote`s for a parser to read it back unchanged. */
export declare function escapeAttributeValue(value: string, quote: '"' | "'", asciiOnly?: boolean): string;
/** Encodes inserted text the way the file's bytes are encoded (BOM, else declared encoding, else UTF-8). */
export declare function encoderFor(bytes: Uint8Array): (text: string) => Buffer;
export interface AppliedFixes {
    bytes: Buffer;
    /** The fixes applied, in file order; the others overlapped one of them. */
    applied: Fix[];
}
/**
 * Applies fixes to the file's bytes: sorted by position, each one whose span starts after the
 * previous applied one ends (ESLint's rule: touching spans wait for the next pass too, since the
 * second was made for a text the first has changed).
 */
export declare function applyFixes(bytes: Uint8Array, fixes: readonly Fix[]): AppliedFixes;
