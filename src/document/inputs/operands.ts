/**
 * Turning command-line operands into files: `-` (standard input), files, directories (every
 * `*.xml` below them) and globs (`clusters/**\/*.xml`), in a stable order.
 */
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareText } from '../../core/order.js';

/** `absolute`, when known, is the path resolved against the working directory (saves resolving it again). */
export type Input = { kind: 'stdin' } | { kind: 'file'; path: string; absolute?: string };

export interface Expansion {
  inputs: Input[];
  /** Operands that matched nothing: missing files, empty globs. */
  missing: string[];
  /** Files named explicitly that an ignore glob excludes (worth telling the user). */
  ignoredOperands: string[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const GLOB_CHARACTERS = /[*?[\]{}]/;

export function expandOperands(operands: string[], cwd: string, isIgnored: (path: string) => boolean = () => false): Expansion {
  const inputs: Input[] = [];
  const missing: string[] = [];
  const ignoredOperands: string[] = [];
  const seen = new Set<string>();
  let stdinSeen = false;
  const add = (path: string, explicit = false): void => {
    const absolute = resolve(cwd, path);
    if (seen.has(absolute)) return;
    if (isIgnored(absolute)) {
      if (explicit) ignoredOperands.push(path);
      return;
    }
    seen.add(absolute);
    const inside = relative(cwd, absolute);
    // Show files found by walking or globbing relative to the working directory, as typed.
    const shown = isAbsolute(path) && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
    inputs.push({ kind: 'file', path: shown, absolute });
  };
  for (const operand of operands) {
    if (operand === '-') {
      // Standard input can be read once; a second `-` would lint an empty document.
      if (!stdinSeen) inputs.push({ kind: 'stdin' });
      stdinSeen = true;
      continue;
    }
    const stats = statOrUndefined(resolve(cwd, operand));
    if (stats?.isDirectory()) {
      for (const file of xmlFilesBelow(resolve(cwd, operand))) add(file);
    } else if (stats) {
      add(operand, true);
    } else if (GLOB_CHARACTERS.test(operand)) {
      const matches = globFiles(operand, cwd);
      if (matches.length === 0) missing.push(operand);
      for (const file of matches) add(file);
    } else {
      missing.push(operand);
    }
  }
  return { inputs, missing, ignoredOperands };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Every file below a directory that `accept` takes (given its `/`-separated path), sorted, skipping
 * node_modules and .git, without following symlinked directories.
 */
function filesBelow(directory: string, accept: (path: string, name: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && accept(path.split(sep).join('/'), entry.name)) {
        files.push(path);
      }
    }
  };
  walk(directory);
  return files;
}

/** Every `*.xml` file below a directory. */
export function xmlFilesBelow(directory: string): string[] {
  return filesBelow(directory, (_, name) => name.toLowerCase().endsWith('.xml'));
}

/** A glob as a regular expression over `/`-separated paths: `**` spans folders, `*` does not. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          pattern += '(?:.*/)?';
        } else pattern += '.*';
      } else pattern += '[^/]*';
    } else if (c === '?') pattern += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) pattern += '\\{';
      else {
        pattern += `(?:${glob.slice(i + 1, close).split(',').map(escapeRegExp).join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) pattern += '\\[';
      else {
        pattern += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else pattern += escapeRegExp(c);
  }
  return new RegExp(`^${pattern}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Files matching a glob, searched from the glob's longest folder prefix without wildcards. */
export function globFiles(glob: string, cwd: string): string[] {
  const normalized = glob.split(sep).join('/');
  const parts = normalized.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARACTERS.test(part)) break;
    fixed.push(part);
  }
  const base = fixed.join('/') || '.';
  const absoluteBase = resolve(cwd, base);
  const matcher = globToRegExp(normalized.startsWith('/') ? normalized : resolve(cwd, normalized).split(sep).join('/'));
  return filesBelow(absoluteBase, (path) => matcher.test(path));
}
