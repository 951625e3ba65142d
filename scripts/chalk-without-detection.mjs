// cib-lint decides whether to colour its output itself (colorEnabled in src/cli.ts: --color,
// NO_COLOR, FORCE_COLOR, a terminal) and gives chalk that level (`new Chalk({ level })`). chalk
// still detects colour support for its default instance when it is imported, which loads
// node:tty: 1.5 ms of every run (measured against an empty script), for a result never used. This
// esbuild plugin resolves chalk's `#supports-color` to the variant chalk ships for browsers, which
// reports no colour without touching Node.js; the build fails if chalk no longer ships it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {import('esbuild').Plugin} */
export function chalkWithoutDetection() {
  const chalkSource = dirname(createRequire(import.meta.url).resolve('chalk'));
  const browserVariant = join(chalkSource, 'vendor', 'supports-color', 'browser.js');
  if (!existsSync(browserVariant)) throw new Error(`chalk-without-detection: ${browserVariant} is gone; update scripts/chalk-without-detection.mjs`);
  return {
    name: 'chalk-without-detection',
    setup(build) {
      build.onResolve({ filter: /^#supports-color$/ }, ({ importer }) => (importer.startsWith(chalkSource) ? { path: browserVariant } : undefined));
    },
  };
}
