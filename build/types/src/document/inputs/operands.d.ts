export type Input = {
    kind: 'stdin';
} | {
    kind: 'file';
    /** As reports show it: as typed, or relative to the working directory when a walk found it. */
    path: string;
    /** The path to open, resolved against the working directory; bytes when they are not UTF-8. */
    absolute?: string | Buffer;
    /** Found by a directory walk or a glob: read only as a regular file, never through a link. */
    found?: boolean;
}
/** A path a walk found or an operand named that cannot be linted, and why. */
 | {
    kind: 'refused';
    path: string;
    error: string;
};
export interface Expansion {
    inputs: Input[];
    /** Operands that matched nothing: missing files, empty globs. */
    missing: string[];
    /** Files named explicitly that an ignore glob excludes (worth telling the user). */
    ignoredOperands: string[];
    /**
     * Each folder and glob operand with the files it found (those an earlier operand had found too)
     * and how many ignore globs left out: an operand that found no CIB is worth an error.
     */
    searched: Search[];
}
export interface Search {
    operand: string;
    inputs: Input[];
    ignored: number;
}
export interface ExpandOptions {
    /**
     * false: no symbolic link is followed, neither one named as an operand (or on its way below the
     * working directory) nor one a walk finds.
     */
    followSymlinks?: boolean;
}
/** `isIgnored` is given absolute, `/`-separated paths. */
export declare function expandOperands(operands: string[], cwd: string, isIgnored?: (path: string) => boolean, options?: ExpandOptions): Expansion;
/** Every `*.xml` regular file below a directory (the corpus suites' list of files). */
export declare function xmlFilesBelow(directory: string): string[];
