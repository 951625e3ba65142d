import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.mjs'],
    exclude: ['test/suites/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // libxml2-wasm reports some errors (RelaxNG IDREF checks) on console.error as well as to the
    // caller, which reports them itself; the command holds them back (src/document/xml/quiet.ts),
    // but in-process tests run under vitest's console, which that does not reach.
    onConsoleLog: (log) => !/(validity error|parser error) :/.test(log),
  },
});
