// The glob matcher of src/document/inputs/glob.ts: its syntax, agreement with a regular expression
// translation on short strings (where backtracking costs nothing), and bounded time on the
// patterns that make regular expressions backtrack.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, expandBraces, GlobError, MAX_ALTERNATIVES } from '../src/document/inputs/glob.js';

const matches = (glob: string, path: string): boolean => compileGlob(glob).matches(path);

describe('glob syntax', () => {
  it.each([
    ['/w/*.xml', '/w/a.xml', true],
    ['/w/*.xml', '/w/.hidden.xml', true],
    ['/w/*.xml', '/w/sub/a.xml', false],
    ['/w/?.xml', '/w/é.xml', true],
    ['/w/?.xml', '/w/ab.xml', false],
    ['/w/**/*.xml', '/w/a.xml', true],
    ['/w/**/*.xml', '/w/a/b/c.xml', true],
    ['/w/**', '/w', true],
    ['/w/legacy/**', '/w/legacy/x/y.xml', true],
    ['/w/legacy/**', '/w/legacyx/y.xml', false],
    ['/w/a**b.xml', '/w/aXb.xml', true],
    ['/w/a**b.xml', '/w/a/b.xml', false],
    ['/w/[ab].xml', '/w/b.xml', true],
    ['/w/[a-c].xml', '/w/c.xml', true],
    ['/w/[c-a].xml', '/w/b.xml', true],
    ['/w/[!a]*.xml', '/w/a.xml', false],
    ['/w/[^a]*.xml', '/w/b.xml', true],
    ['/w/[]]*.xml', '/w/].xml', true],
    ['/w/[ab', '/w/[ab', true],
    ['/w/{a,b}/*.xml', '/w/b/x.xml', true],
    ['/w/{a,{b,c}}/*.xml', '/w/c/x.xml', true],
    ['/w/{a}.xml', '/w/{a}.xml', true],
    ['/w/{a,b.xml', '/w/{a,b.xml', true],
    ['/w/{,x}a.xml', '/w/a.xml', true],
    ['/w//a.xml', '/w/a.xml', true],
    ['/w/a\\b.xml', '/w/a\\b.xml', true],
  ])('%s against %s: %s', (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected);
  });

  it('brace expansion follows the shell, and refuses to grow past its limit', () => {
    expect(expandBraces('a{b,c}d{e,f}')).toEqual(['abde', 'abdf', 'acde', 'acdf']);
    expect(expandBraces('{{a,b}}')).toEqual(['{a}', '{b}']);
    expect(expandBraces('[{]{a,b}')).toEqual(['[{]a', '[{]b']);
    expect(() => expandBraces('{a,b}'.repeat(11))).toThrow(GlobError);
    expect(expandBraces('{a,b}'.repeat(10))).toHaveLength(MAX_ALTERNATIVES);
    expect(() => compileGlob(`/${'a'.repeat(9000)}`)).toThrow(GlobError);
  });

  it('says which folders can hold a match, so that a walk skips the others', () => {
    const glob = compileGlob('/w/cluster/*/cib.xml');
    expect(glob.couldContain('/w')).toBe(true);
    expect(glob.couldContain('/w/cluster')).toBe(true);
    expect(glob.couldContain('/w/cluster/a')).toBe(true);
    expect(glob.couldContain('/w/cluster/a/b')).toBe(false);
    expect(glob.couldContain('/w/other')).toBe(false);
    expect(compileGlob('/w/**/cib.xml').couldContain('/w/a/b/c')).toBe(true);
  });
});

/** The translation cib-lint used before, as a reference: right, but backtracking on long names. */
function reference(glob: string): RegExp {
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
      pattern += `(?:${glob.slice(i + 1, close).split(',').map((word) => word.replaceAll('.', '\\.')).join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      pattern += `[${glob.slice(i + 1, close).replace(/^!(.*)$/, '^$1/')}]`;
      i = close;
    } else pattern += c === '.' ? '\\.' : c;
  }
  return new RegExp(`^${pattern}$`, 'u');
}

describe('agreement with a regular expression on short strings', () => {
  // Pieces both understand alike: no `**` inside a name, braces of plain words; paths without
  // empty names.
  const atom = fc.constantFrom('a', 'b', '.', '-', '*', '?', '[ab]', '[!a]', '[a-b]', '{a,b}', '{ab,.}');
  const name = fc.array(atom, { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join('').replace(/\*{2,}/g, '*'));
  const segment = fc.oneof({ weight: 4, arbitrary: name }, { weight: 1, arbitrary: fc.constant('**') });
  const glob = fc.tuple(fc.array(segment, { maxLength: 3 }), name).map(([folders, last]) => `/${[...folders, last].join('/')}`);
  const path = fc
    .array(fc.stringMatching(/^[ab.\-]{1,4}$/), { minLength: 1, maxLength: 4 })
    .map((parts) => `/${parts.join('/')}`);

  it('matches exactly the paths the reference matches', () => {
    fc.assert(
      fc.property(glob, fc.array(path, { minLength: 1, maxLength: 8 }), (pattern, paths) => {
        const ours = compileGlob(pattern);
        const theirs = reference(pattern);
        for (const each of paths) expect(ours.matches(each), `${pattern} against ${each}`).toBe(theirs.test(each));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bounded time', () => {
  it.each([
    ['/c/*-*-*-*-*.xml', `/c/${'-'.repeat(240)}`],
    ['/c/*a*a*a*a*a*a*a*a*b', `/c/${'a'.repeat(250)}`],
    [`/${'**/'.repeat(200)}x.xml`, `/${'d/'.repeat(2000)}y.xml`],
    [`/${'{a,b}'.repeat(10)}*-*-*-*.xml`, `/${'-'.repeat(250)}`],
  ])('%s', (glob, path) => {
    const started = performance.now();
    expect(matches(glob, path)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
