import type { Level } from './rule.js';
import type { AssumedVersion } from '../cib/pacemaker.js';
export interface Location {
    /** 1-based line and column (UTF-16 code units, SARIF's default) of the first character. */
    line: number;
    column: number;
    /** Just past the last character. */
    endLine: number;
    endColumn: number;
    /** Byte offsets in the file of the first character and just past the last one (0 for a file without text). */
    offset: number;
    endOffset: number;
}
export interface RelatedFinding extends Location {
    message: string;
}
/** One replacement in the file: `text` takes the place of the bytes from `offset` to `endOffset`. */
export interface TextEdit extends Location {
    text: string;
}
/** A rule's fix or suggestion, its edits located in the file. */
export interface Fix {
    title: string;
    /** Non-overlapping, in file order; for a suggestion, possibly with placeholders to fill in. */
    edits: TextEdit[];
    /** pcs or cibadmin argument vectors that make the same change on a live cluster. */
    commands?: string[][];
}
export interface Suppression {
    kind: 'inSource' | 'external';
    justification: string;
}
export interface Finding extends Location {
    ruleId: string;
    level: Level;
    messageId: string;
    message: string;
    /** What to do about it, in words or as a command (not applied by cib-lint). */
    suggestion?: string;
    /** Safe fixes, applied by `--fix`. */
    fixes?: Fix[];
    /** Remedies to choose from: shown, never applied. */
    suggestions?: Fix[];
    /** The CIB `id` of the reported element (or of the attribute's element), when it has one. */
    elementId?: string;
    /** Ids (or `name[n]`) from the root to the reported element. */
    idPath: string[];
    /** The attribute reported, when the finding points at one. */
    attribute?: string;
    /** Stable identity of the finding across reformatting: rule id, id path, attribute, message id. */
    fingerprint: string;
    related: RelatedFinding[];
    /** Present when a suppression applies; suppressed findings do not count towards failure. */
    suppressions?: Suppression[];
    /** Document-order index of the reported element (internal: fixture and suppression matching). */
    elementIndex?: number;
}
export interface FileResult {
    /** The path as given (or the `--stdin-filename`). */
    filePath: string;
    findings: Finding[];
    /** Problems that are not findings: a rule that crashed, an unreadable file. */
    errors: string[];
    /** The file's text, for code frames; absent when the file could not be read or was not kept. */
    source?: string;
    /** The Pacemaker version the file was checked against, and why (absent when it was not parsed). */
    pacemaker?: AssumedVersion;
}
export declare function fingerprintOf(ruleId: string, idPath: string[], attribute: string | undefined, messageId: string): string;
/** The order every report shows: line, column, rule id, message. */
export declare function sortFindings(findings: Finding[]): void;
