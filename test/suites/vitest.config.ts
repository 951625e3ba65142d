// The real-world suites `.ci/run` adds to `npm test`: Pacemaker's corpus, crm_verify and pcs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/suites/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // libxml2-wasm's own console.error copies of errors the tests already assert on (see ../../vitest.config.ts).
    onConsoleLog: (log) => !/(validity error|parser error) :/.test(log),
  },
});
