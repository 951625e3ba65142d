/**
 * Turning command-line operands into files: `-` (standard input), files, directories (every
 * `*.xml` below them) and globs (`clusters/**\/*.xml`), in a stable order.
 *
 * Directory walks and globs take regular files only. A symbolic link they find is followed only to
 * a regular file inside the folder being walked, and not at all without followSymlinks; links to
 * folders are never walked. Whatever a walk would have taken but cannot (a link not followed, a
 * FIFO, a device, a socket, a folder it cannot read) becomes a refused input, an error on that
 * path, so that nothing is skipped without a word.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compareText } from '../../core/order.js';
import { compileGlob, GlobError, type GlobMatcher } from './glob.js';
import {
  describeFileError,
  displayBytes,
  isDescriptorPath,
  LEADS_OUTSIDE,
  NOT_FOLLOWED,
  notRegularFile,
  openablePath,
  symbolicLinkOnPath,
} from './paths.js';

export type Input =
  | { kind: 'stdin' }
  | {
      kind: 'file';
      /** As reports show it: as typed, or relative to the working directory when a walk found it. */
      path: string;
      /** The path to open, resolved against the working directory; bytes when they are not UTF-8. */
      absolute?: string | Buffer;
      /** Found by a directory walk or a glob: read only as a regular file, never through a link. */
      found?: boolean;
    }
  /** A path a walk found or an operand named that cannot be linted, and why. */
  | { kind: 'refused'; path: string; error: string };

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

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const GLOB_CHARACTERS = /[*?[\]{}]/;
const SEPARATOR = Buffer.from(sep);

/** What a walk found: a file to read (at `open` when it is a link's target), or why not. */
interface Found {
  path: Buffer;
  open?: Buffer;
  error?: string;
}

/** `isIgnored` is given absolute, `/`-separated paths. */
export function expandOperands(operands: string[], cwd: string, isIgnored: (path: string) => boolean = () => false, options: ExpandOptions = {}): Expansion {
  const follow = options.followSymlinks !== false;
  const inputs: Input[] = [];
  const missing: string[] = [];
  const ignoredOperands: string[] = [];
  const searched: Search[] = [];
  // Keyed by the path's bytes: two names that are not UTF-8 can display alike.
  const seen = new Set<string>();
  const byKey = new Map<string, Input>();
  // Show files found by walking or globbing relative to the working directory, as typed.
  const shown = (absolute: string): string => {
    const inside = relative(cwd, absolute);
    return !inside.startsWith('..') && !isAbsolute(inside) ? inside : absolute;
  };
  const addNamed = (operand: string, absolute: string, error?: string): void => {
    const key = Buffer.from(absolute).toString('latin1');
    if (seen.has(key)) return;
    if (isIgnored(slashed(absolute))) {
      ignoredOperands.push(operand);
      return;
    }
    seen.add(key);
    const path = isAbsolute(operand) ? shown(absolute) : operand;
    const input: Input = error === undefined ? { kind: 'file', path, absolute } : { kind: 'refused', path, error };
    inputs.push(input);
    byKey.set(key, input);
  };
  const addFound = (found: Found, search: Search): void => {
    const key = found.path.toString('latin1');
    const text = displayBytes(found.path);
    if (seen.has(key)) {
      const earlier = byKey.get(key);
      if (earlier !== undefined) search.inputs.push(earlier);
      return;
    }
    if (isIgnored(slashed(text))) {
      search.ignored++;
      return;
    }
    seen.add(key);
    const input: Input =
      found.error !== undefined
        ? { kind: 'refused', path: shown(text), error: found.error }
        : { kind: 'file', path: shown(text), absolute: openablePath(found.open ?? found.path), found: true };
    inputs.push(input);
    byKey.set(key, input);
    search.inputs.push(input);
  };
  const addGlob = (operand: string, absolute: string): void => {
    const pattern = slashed(absolute);
    let matcher: GlobMatcher;
    try {
      matcher = compileGlob(pattern);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      addNamed(operand, absolute, error.message);
      return;
    }
    // Walked from the longest folder prefix without wildcards, into folders that could hold a match.
    const parts = pattern.split('/');
    const fixed = parts.slice(0, parts.findIndex((part) => GLOB_CHARACTERS.test(part)));
    const base = fixed.join('/') || '/';
    let stats: Stats;
    try {
      stats = statSync(base);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') missing.push(operand);
      else addNamed(operand, absolute, `cannot read folder ${shown(base)}: ${describeFileError(error)}`);
      return;
    }
    const found = stats.isDirectory() ? walk(base, (path) => matcher.matches(path), (folder) => matcher.couldContain(folder), follow) : [];
    if (found.length === 0) missing.push(operand);
    const search: Search = { operand, inputs: [], ignored: 0 };
    if (found.length > 0) searched.push(search);
    for (const each of found) addFound(each, search);
  };

  for (const operand of operands) {
    if (operand === '-') {
      // Standard input can be read once; a second `-` would lint an empty document.
      if (!inputs.some((input) => input.kind === 'stdin')) inputs.push({ kind: 'stdin' });
      continue;
    }
    const absolute = resolve(cwd, operand);
    if (isDescriptorPath(absolute)) {
      addNamed(operand, absolute);
      continue;
    }
    if (!follow) {
      const link = symbolicLinkOnPath(absolute, cwd);
      if (link !== undefined) {
        addNamed(operand, absolute, link === absolute ? NOT_FOLLOWED : `${NOT_FOLLOWED}: ${shown(link)}`);
        continue;
      }
    }
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (GLOB_CHARACTERS.test(operand) && (code === 'ENOENT' || code === 'ENOTDIR')) addGlob(operand, absolute);
      else if (code === 'ENOENT') missing.push(operand);
      else addNamed(operand, absolute, `cannot read file: ${describeFileError(error)}`);
      continue;
    }
    if (stats.isDirectory()) {
      const search: Search = { operand, inputs: [], ignored: 0 };
      searched.push(search);
      for (const found of walk(absolute, (_, name) => isXmlName(name), () => true, follow)) addFound(found, search);
    } else {
      addNamed(operand, absolute);
    }
  }
  return { inputs, missing, ignoredOperands, searched };
}

function isXmlName(name: string): boolean {
  return name.toLowerCase().endsWith('.xml');
}

function slashed(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * What a walk of `root` finds, sorted: the files `accept` takes (given the `/`-separated path and
 * the name), below the folders `descend` allows, skipping node_modules and .git. Names are read
 * as bytes, so that a name that is not UTF-8 can still be opened.
 */
function walk(root: string, accept: (path: string, name: string) => boolean, descend: (folder: string) => boolean, follow: boolean): Found[] {
  const found: Found[] = [];
  const rootBytes = Buffer.from(root);
  let boundary: Buffer | undefined;
  const followLink = (path: Buffer): Found => {
    let target: Buffer;
    try {
      boundary ??= realpathSync(rootBytes, { encoding: 'buffer' });
      target = realpathSync(path, { encoding: 'buffer' });
    } catch (error) {
      return { path, error: `cannot read file: ${describeFileError(error)}` };
    }
    if (!isWithin(target, boundary)) return { path, error: LEADS_OUTSIDE };
    let stats: Stats;
    try {
      stats = statSync(target);
    } catch (error) {
      return { path, error: `cannot read file: ${describeFileError(error)}` };
    }
    const refusal = notRegularFile(stats);
    return refusal === undefined ? { path, open: target } : { path, error: refusal };
  };
  const visit = (folder: Buffer): void => {
    let entries: Array<Dirent<Buffer>>;
    try {
      entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      found.push({ path: folder, error: `cannot read folder: ${describeFileError(error)}` });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: displayBytes(entry.name) })).sort((a, b) => compareText(a.name, b.name));
    for (const { entry, name } of named) {
      const path = folder.at(-1) === SEPARATOR[0] ? Buffer.concat([folder, entry.name]) : Buffer.concat([folder, SEPARATOR, entry.name]);
      const text = slashed(displayBytes(path));
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(name) && descend(text)) visit(path);
      } else if (accept(text, name)) {
        if (entry.isFile()) found.push({ path });
        else if (entry.isSymbolicLink()) found.push(follow ? followLink(path) : { path, error: NOT_FOLLOWED });
        else found.push({ path, error: notRegularFile(entry)! });
      }
    }
  };
  visit(rootBytes);
  return found;
}

/** Whether `target` is `folder` or inside it (a link to the folder itself is inside, and not walked). */
function isWithin(target: Buffer, folder: Buffer): boolean {
  if (target.equals(folder)) return true;
  const prefix = folder.at(-1) === SEPARATOR[0] ? folder : Buffer.concat([folder, SEPARATOR]);
  return target.length > prefix.length && target.subarray(0, prefix.length).equals(prefix);
}

/** Every `*.xml` regular file below a directory (the corpus suites' list of files). */
export function xmlFilesBelow(directory: string): string[] {
  return walk(resolve(directory), (_, name) => isXmlName(name), () => true, false)
    .filter((found) => found.error === undefined)
    .map((found) => displayBytes(found.path));
}
