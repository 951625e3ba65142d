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
export class GlobError extends Error {}

export interface GlobMatcher {
  /** Whether a `/`-separated path matches the glob. */
  matches(path: string): boolean;
  /** Whether a file somewhere below this `/`-separated folder could match: folders that cannot are not walked. */
  couldContain(folder: string): boolean;
}

/** Brace expansion past this many alternatives is refused rather than allowed to grow exponentially. */
export const MAX_ALTERNATIVES = 1024;
/** Twice PATH_MAX: room for a folder prefix and braces, while the matching table stays small. */
export const MAX_GLOB_LENGTH = 8192;

type Atom = { kind: 'char'; code: number } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: Array<[number, number]> };
type Segment = { kind: 'globstar' } | { kind: 'atoms'; atoms: Atom[] };

export function compileGlob(glob: string): GlobMatcher {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`${glob.slice(0, 40)}...: a glob longer than ${MAX_GLOB_LENGTH} characters`);
  const patterns = expandBraces(glob).map((alternative) => alternative.replace(/\/{2,}/g, '/').split('/').map(parseSegment));
  const reach = (path: string) => {
    const parts = path.split('/');
    return patterns.map((segments) => reachable(segments, parts));
  };
  return {
    matches: (path) => reach(path).some((table) => table.matchesAll),
    couldContain: (folder) => reach(folder).some((table) => table.continues),
  };
}

/**
 * Which prefixes of the pattern match the whole path: all of it (the path matches), or all but
 * some segments still to come (a path below could match).
 */
function reachable(segments: Segment[], parts: string[]): { matchesAll: boolean; continues: boolean } {
  const width = parts.length + 1;
  // reached[i * width + j]: pattern segments [0, i) match path parts [0, j).
  const reached = new Uint8Array((segments.length + 1) * width);
  reached[0] = 1;
  const codes = parts.map((part) => Array.from(part, (char) => char.codePointAt(0)!));
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    for (let j = 0; j <= parts.length; j++) {
      if (!reached[i * width + j]) continue;
      if (segment.kind === 'globstar') {
        // `**` matches no folder, or one more: reaching (i, j + 1) lets it take the next too.
        reached[(i + 1) * width + j] = 1;
        if (j < parts.length) reached[i * width + j + 1] = 1;
      } else if (j < parts.length && matchSegment(segment.atoms, codes[j]!)) {
        reached[(i + 1) * width + j + 1] = 1;
      }
    }
  }
  let continues = false;
  for (let i = 0; i < segments.length && !continues; i++) continues = reached[i * width + parts.length] === 1;
  return { matchesAll: reached[segments.length * width + parts.length] === 1, continues };
}

/** Wildcard matching that backtracks only to the last `*`: at most name length times pattern length steps. */
function matchSegment(atoms: Atom[], text: number[]): boolean {
  let a = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const atom = atoms[a];
    if (atom?.kind === 'star') {
      star = a++;
      resume = t;
    } else if (atom !== undefined && matchesOne(atom, text[t]!)) {
      a++;
      t++;
    } else if (star >= 0) {
      a = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (atoms[a]?.kind === 'star') a++;
  return a === atoms.length;
}

function matchesOne(atom: Exclude<Atom, { kind: 'star' }>, code: number): boolean {
  switch (atom.kind) {
    case 'char':
      return atom.code === code;
    case 'any':
      return true;
    case 'class':
      return atom.ranges.some(([low, high]) => code >= low && code <= high) !== atom.negated;
  }
}

function parseSegment(text: string): Segment {
  if (text === '**') return { kind: 'globstar' };
  const chars = Array.from(text);
  const atoms: Atom[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '*') {
      // Consecutive stars are one star.
      if (atoms.at(-1)?.kind !== 'star') atoms.push({ kind: 'star' });
    } else if (char === '?') {
      atoms.push({ kind: 'any' });
    } else if (char === '[') {
      const parsed = parseClass(chars, i);
      if (parsed === undefined) atoms.push({ kind: 'char', code: char.codePointAt(0)! });
      else {
        atoms.push(parsed.atom);
        i = parsed.end;
      }
    } else {
      atoms.push({ kind: 'char', code: char.codePointAt(0)! });
    }
  }
  return { kind: 'atoms', atoms };
}

/** `[...]` starting at `start`: the class and the index of its `]`, or undefined when it is not closed. */
function parseClass(chars: string[], start: number): { atom: Atom; end: number } | undefined {
  let i = start + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  // A `]` right after the opening (or its negation) is a member, as in shells.
  for (let first = true; i < chars.length; i++, first = false) {
    const char = chars[i]!;
    if (char === ']' && !first) return { atom: { kind: 'class', negated, ranges }, end: i };
    const low = char.codePointAt(0)!;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      const high = chars[i + 2]!.codePointAt(0)!;
      ranges.push(low <= high ? [low, high] : [high, low]);
      i += 2;
    } else {
      ranges.push([low, low]);
    }
  }
  return undefined;
}

/**
 * `{a,b}` alternatives expanded, as a shell does: braces without a comma at their own level, or
 * without a closing brace, are themselves. Brackets are skipped, so `[{]` is a class.
 */
export function expandBraces(glob: string): string[] {
  const results: string[] = [];
  const expand = (text: string, from: number): void => {
    const group = findGroup(text, from);
    if (group === undefined) {
      results.push(text);
      if (results.length > MAX_ALTERNATIVES) {
        throw new GlobError(`${glob}: the braces give more than ${MAX_ALTERNATIVES} alternatives`);
      }
      return;
    }
    const { open, close, commas } = group;
    const prefix = text.slice(0, open);
    const suffix = text.slice(close + 1);
    const bounds = [open, ...commas, close];
    for (let k = 0; k + 1 < bounds.length; k++) {
      // The prefix has no group left: the next one starts at or after the alternative.
      expand(prefix + text.slice(bounds[k]! + 1, bounds[k + 1]) + suffix, open);
    }
  };
  expand(glob, 0);
  return results;
}

/** The first brace group at or after `from` that has a comma at its own level, found in one pass. */
function findGroup(text: string, from: number): { open: number; close: number; commas: number[] } | undefined {
  const stack: Array<{ open: number; commas: number[] }> = [];
  let first: { open: number; close: number; commas: number[] } | undefined;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '[') {
      const close = text.indexOf(']', i + 2);
      if (close > 0) i = close;
    } else if (char === '{') stack.push({ open: i, commas: [] });
    else if (char === ',') stack.at(-1)?.commas.push(i);
    else if (char === '}') {
      const group = stack.pop();
      // Groups close inner first: keep the one that opens first (an outer one replaces an inner).
      if (group !== undefined && group.commas.length > 0 && (first === undefined || group.open < first.open)) {
        first = { open: group.open, close: i, commas: group.commas };
      }
      if (stack.length === 0 && first !== undefined) return first;
    }
  }
  return first;
}
