/**
 * Globs matched without regular expressions. A glob compiled to a regular expression backtracks:
 * `cluster/*-*-*-*-*.xml` against a name of 240 dashes runs for minutes, and so do picomatch's and
 * minimatch's expressions for it. Here each folder name is matched with one pointer per `*`
 * remembered (time proportional to the name times the pattern), and `**` with a table over the
 * path's folders, so that any glob against any path ends quickly.
 *
 * Syntax, over `/`-separated paths: `*` any characters within one folder or file name (dot files
 * included), `?` one character, `[abc]`, `[a-z]` and `[!a]` or `[^a]` one character of (or not of)
 * a set, `{a,b}` alternatives (nested too), and `**` as a whole segment any number of folders,
 * none included. `**` within a longer segment is a `*`. Everything else, backslashes included, is
 * itself.
 */
/** A glob that cannot be compiled: too many brace alternatives. */
export declare class GlobError extends Error {
}
export interface GlobMatcher {
    /** Whether a `/`-separated path matches the glob. */
    matches(path: string): boolean;
    /** Whether a file somewhere below this `/`-separated folder could match: folders that cannot are not walked. */
    couldContain(folder: string): boolean;
}
/** Brace expansion past this many alternatives is refused rather than allowed to grow exponentially. */
export declare const MAX_ALTERNATIVES = 1024;
/** Twice PATH_MAX: room for a folder prefix and braces, while the matching table stays small. */
export declare const MAX_GLOB_LENGTH = 8192;
export declare function compileGlob(glob: string): GlobMatcher;
/**
 * `{a,b}` alternatives expanded, as a shell does: braces without a comma at their own level, or
 * without a closing brace, are themselves. Brackets are skipped, so `[{]` is a class.
 */
export declare function expandBraces(glob: string): string[];
