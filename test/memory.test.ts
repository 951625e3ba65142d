// How the engine's garbage behaves in V8, checked through V8's own GC trace (a count of bytes, not
// a time: speed belongs to `npm run bench`). A file's tree must die young: when something the
// young generation cannot collect points into it (an object literal with a getter did, see
// CheckContext in src/engine.ts), every tree is copied into the old generation and a corpus run
// spends a fifth of its main thread in the garbage collector.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const LIBRARY = new URL('../build/index.mjs', import.meta.url).href;
const EXAMPLE = new URL('../fixtures/examples/httpd-bundle.xml', import.meta.url).pathname;
const RUNS = 4000;

/** Bytes V8 promoted to the old generation while linting the example RUNS times with every built-in rule. */
function promotedBytes(): number {
  const script = `
    import { readFileSync } from 'node:fs';
    import { builtinRules, lintSource } from ${JSON.stringify(LIBRARY)};
    const bytes = readFileSync(${JSON.stringify(EXAMPLE)});
    const settings = { rules: builtinRules.map((rule) => ({ rule })) };
    for (let run = 0; run < ${RUNS}; run++) lintSource(bytes, 'example.xml', settings);
  `;
  const trace = execFileSync(process.execPath, ['--trace-gc-nvp', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...trace.matchAll(/\bgc=s\b.*?\bpromoted=(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

describe('memory', () => {
  it('lets each file tree die in the young generation', () => {
    // Measured: 2 MB promoted (start-up's own objects, the first runs' code); 285 MB when each
    // rule's context kept its file's tree alive.
    expect(promotedBytes()).toBeLessThan(12 * 1024 * 1024);
  }, 60_000);
});
