/**
 * Writing the files cib-lint makes (reports, baselines, the Action's SARIF file) so that none is
 * ever left half-written.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

type Content = string | Uint8Array | ((fd: number) => void);

/**
 * Writes `content` to a new file beside `target` and renames it over `target`: a kill, a full
 * disk or a crash leaves the old file whole or the new one, never a truncated one (the next run
 * would fail on a truncated baseline). An existing file's permissions are kept. `content` may be a
 * function that writes to the open file, for a report made in pieces.
 *
 * A symbolic link at `target` is written through to the file it leads to, unless
 * `followSymlinks` is false or the link leads to no file: then the rename replaces the link
 * itself, so that a link committed where a report goes (the Action's SARIF file in a pull
 * request's checkout) cannot send the report onto a file elsewhere. Devices, pipes and anything
 * under /dev or /proc (`--format json=/dev/stdout`) are written into directly: they keep no
 * content to lose, and renaming over one would replace the device or the link.
 */
export function writeFileAtomic(target: string, content: Content, options: { followSymlinks?: boolean } = {}): void {
  const existing = lstatSync(target, { throwIfNoEntry: false });
  if (/^\/(?:dev|proc)\//.test(target) || (existing !== undefined && !existing.isFile() && !existing.isSymbolicLink() && !existing.isDirectory())) {
    writeInto(target, content);
    return;
  }
  if (existing?.isSymbolicLink() && options.followSymlinks !== false) {
    let real: string | undefined;
    try {
      real = realpathSync.native(target);
    } catch {
      // A link to nothing yet: it is replaced by the new file.
    }
    const stats = real === undefined ? undefined : lstatSync(real, { throwIfNoEntry: false });
    if (real !== undefined && (stats === undefined || stats.isFile())) return writeFileAtomic(real, content, options);
    if (stats !== undefined && !stats.isDirectory()) return writeInto(target, content);
  }
  // The name's start shows what it belongs to when a kill leaves one behind; kept short of NAME_MAX.
  const temporary = join(dirname(target), `.${basename(target).slice(0, 200)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // 'wx': a new file of our own, never one planted under the temporary name.
    fd = openSync(temporary, 'wx', 0o666);
    if (existing?.isFile()) fchmodSync(fd, existing.mode & 0o7777);
    writeContent(fd, content);
    // On disk before the rename makes it the file: a crash after the rename must not leave it empty.
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeInto(target: string, content: Content): void {
  const fd = openSync(target, 'w');
  try {
    writeContent(fd, content);
  } finally {
    closeSync(fd);
  }
}

function writeContent(fd: number, content: Content): void {
  if (typeof content === 'function') content(fd);
  else writeFileSync(fd, content);
}

/**
 * Ways of naming the file at `path`, so that two paths that reach one file through `..` or a
 * link compare equal: the resolved path and, when it or its folder exists, the real path.
 */
export function fileKeys(path: string): string[] {
  const absolute = resolve(path);
  try {
    return [absolute, realpathSync(absolute)];
  } catch {
    try {
      return [absolute, join(realpathSync(dirname(absolute)), basename(absolute))];
    } catch {
      return [absolute];
    }
  }
}
