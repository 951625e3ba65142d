/**
 * One lint run over many inputs, shared by the command line and the GitHub Action. Each input is
 * read, loaded and linted on its own: an unreadable or oversized file becomes an error on that
 * file, and every other file is still linted.
 */
import { type FileResult, type LintSettings } from '../core/linter.js';
import type { Input } from '../document/inputs/operands.js';
import { type ReadLimits } from '../document/inputs/read.js';
export { DEFAULT_MAX_FILE_SIZE } from '../document/inputs/read.js';
export interface RunSettings extends LintSettings, ReadLimits {
    /** Called after each file, for progress output. */
    onFile?: (done: number, total: number) => void;
    /**
     * Lints the file its own way, given how to lint a text (the fix loop of src/app/fix.ts, which
     * lints each fixed text again).
     */
    fixer?: (lint: (bytes: Uint8Array) => FileResult, bytes: Buffer, filePath: string, input: Input) => FileResult;
    /**
     * XML files that are not CIBs (their root element is not `<cib>`) are not linted but handed to
     * onSkipped: those a folder walk or a glob found (`found`), or also those named (`all`, for
     * pre-commit, which names every staged .xml file). Default: none, every file is linted.
     */
    skipNonCib?: 'found' | 'all';
    onSkipped?: (input: Input, name: string) => void;
}
/** Loads and lints one file's bytes (the library's and the tests' entry point for a single text). */
export declare function lintSource(bytes: Uint8Array, filePath: string, settings: LintSettings): FileResult;
export declare function lintInputs(inputs: Input[], settings: RunSettings): FileResult[];
