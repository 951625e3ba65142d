/** What the file system says about a path, in words for one-line errors, and names as bytes. */
import { lstatSync, type Dirent, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A path's bytes as text: UTF-8 as it is, any byte that is not part of valid UTF-8 as `\xNN`. */
export function displayBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let text = '';
    let i = 0;
    while (i < bytes.length) {
      let taken = 0;
      // A UTF-8 character is one to four bytes: take the shortest run that decodes.
      for (let length = 1; length <= 4 && i + length <= bytes.length && taken === 0; length++) {
        try {
          text += strictUtf8.decode(bytes.subarray(i, i + length));
          taken = length;
        } catch {
          /* longer, or not UTF-8 at all */
        }
      }
      if (taken === 0) {
        text += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
        taken = 1;
      }
      i += taken;
    }
    return text;
  }
}

/** A path to open: text when its bytes are UTF-8, the bytes themselves when text would lose them. */
export function openablePath(bytes: Buffer): string | Buffer {
  const text = displayBytes(bytes);
  return Buffer.from(text).equals(bytes) ? text : bytes;
}

/** Why a file system call failed, in a few words. */
export function describeFileError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long for the system (PATH_MAX or NAME_MAX)';
    default:
      return (error as Error).message;
  }
}

/** Why something that is not a regular file is not linted, or undefined for a regular file. */
export function notRegularFile(entry: Stats | Dirent<Buffer> | Dirent): string | undefined {
  if (entry.isFile()) return undefined;
  if (entry.isDirectory()) return 'cannot read file: is a directory';
  if (entry.isSymbolicLink()) return NOT_FOLLOWED;
  const kind = entry.isFIFO()
    ? 'a FIFO (named pipe); give a pipe as - (standard input) or as <(command)'
    : entry.isSocket()
      ? 'a socket'
      : entry.isCharacterDevice()
        ? 'a character device'
        : entry.isBlockDevice()
          ? 'a block device'
          : 'of an unknown type';
  return `not a regular file: ${kind}`;
}

export const NOT_FOLLOWED = 'not followed: a symbolic link (--no-follow-symlinks, and the GitHub Action, follow none)';
export const LEADS_OUTSIDE = 'not followed: a symbolic link that leads outside the folder being walked';

/**
 * The paths of the shell's process substitution (`cib-lint <(pcs cluster cib)` names /dev/fd/63)
 * and of standard input. Only through these is a pipe read: a FIFO anywhere else may be a file
 * committed to the repository being linted, and opening it would wait for a writer forever.
 */
export function isDescriptorPath(absolute: string): boolean {
  return /^\/(?:dev\/fd|proc\/self\/fd)\/\d+$/.test(absolute) || absolute === '/dev/stdin';
}

/**
 * The first symbolic link on the way to `absolute`, looking only at the folders that are not the
 * working directory or above it (those are where the run was started, not what it lints).
 */
export function symbolicLinkOnPath(absolute: string, cwd: string): string | undefined {
  const trusted = new Set<string>();
  for (let folder = resolve(cwd); !trusted.has(folder); folder = dirname(folder)) trusted.add(folder);
  const chain: string[] = [];
  for (let path = absolute; !trusted.has(path) && !chain.includes(path); path = dirname(path)) chain.push(path);
  for (const path of chain.reverse()) {
    let stats: Stats | undefined;
    try {
      stats = lstatSync(path);
    } catch {
      // Missing or unreadable: opening it reports that.
      return undefined;
    }
    if (stats.isSymbolicLink()) return path;
  }
  return undefined;
}
