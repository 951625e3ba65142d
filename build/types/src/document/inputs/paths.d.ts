/** What the file system says about a path, in words for one-line errors, and names as bytes. */
import { type Dirent, type Stats } from 'node:fs';
/** A path's bytes as text: UTF-8 as it is, any byte that is not part of valid UTF-8 as `\xNN`. */
export declare function displayBytes(bytes: Uint8Array): string;
/** A path to open: text when its bytes are UTF-8, the bytes themselves when text would lose them. */
export declare function openablePath(bytes: Buffer): string | Buffer;
/** Why a file system call failed, in a few words. */
export declare function describeFileError(error: unknown): string;
/** Why something that is not a regular file is not linted, or undefined for a regular file. */
export declare function notRegularFile(entry: Stats | Dirent<Buffer> | Dirent): string | undefined;
export declare const NOT_FOLLOWED = "not followed: a symbolic link (--no-follow-symlinks, and the GitHub Action, follow none)";
export declare const LEADS_OUTSIDE = "not followed: a symbolic link that leads outside the folder being walked";
/**
 * The paths of the shell's process substitution (`cib-lint <(pcs cluster cib)` names /dev/fd/63)
 * and of standard input. Only through these is a pipe read: a FIFO anywhere else may be a file
 * committed to the repository being linted, and opening it would wait for a writer forever.
 */
export declare function isDescriptorPath(absolute: string): boolean;
/**
 * The first symbolic link on the way to `absolute`, looking only at the folders that are not the
 * working directory or above it (those are where the run was started, not what it lints).
 */
export declare function symbolicLinkOnPath(absolute: string, cwd: string): string | undefined;
