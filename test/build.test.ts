// The build step that turns the command's ES module bundle into a script for V8's code cache.
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { esmToScript } from '../scripts/esm-to-script.mjs';

const BANNER = "import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);";

type Bundle = (require: NodeJS.Require, bundleUrl: string, dynamicImport: (specifier: string) => Promise<unknown>) => Promise<unknown>;

function compile(lines: string[]): Bundle {
  return runInThisContext(esmToScript([BANNER, ...lines].join('\n'))) as Bundle;
}

describe('esmToScript', () => {
  it('turns the imports esbuild writes for built-ins into require() calls, and keeps line numbers', () => {
    const script = esmToScript(
      [
        BANNER,
        'import "./chunk-UIG4OGVF.mjs";',
        'import { join as join2, sep } from "node:path";',
        'import os from "node:os";',
        'import * as fs from "node:fs";',
        'var here = import.meta.url;',
      ].join('\n'),
    );
    const lines = script.split('\n');
    expect(lines[0]).toBe('(async function (require, __bundleUrl, __import) {"use strict";');
    expect(lines.slice(1, 6)).toEqual([
      '',
      'const { join: join2, sep } = require("node:path");',
      'const os = require("node:os");',
      'const fs = require("node:fs");',
      'var here = __bundleUrl;',
    ]);
  });

  it('gives a script that runs like the module: strict, with import.meta.url, dynamic import and top-level await', async () => {
    const url = 'file:///opt/cib-lint/build/cli.mjs';
    const imported: string[] = [];
    const run = compile([
      'import { basename } from "node:path";',
      'const chunk = await import("./chunk-X.mjs");',
      'globalThis.__esmToScriptTest = { name: basename(new URL(import.meta.url).pathname), chunk };',
      'undeclared = 1;',
    ]);
    await expect(run(createRequire(url), url, async (specifier) => (imported.push(specifier), 'loaded'))).rejects.toThrow(ReferenceError);
    expect(imported).toEqual(['./chunk-X.mjs']);
    expect((globalThis as Record<string, unknown>).__esmToScriptTest).toEqual({ name: 'cli.mjs', chunk: 'loaded' });
    delete (globalThis as Record<string, unknown>).__esmToScriptTest;
  });

  it('fails on anything it cannot rewrite faithfully, instead of producing a script that differs', () => {
    expect(() => esmToScript('var a = 1;')).toThrow(/banner/);
    expect(() => esmToScript([BANNER, 'import { helper } from "./chunk-A.mjs";'].join('\n'))).toThrow(/line 2/);
    expect(() => esmToScript([BANNER, 'export { a };'].join('\n'))).toThrow(/line 2/);
    expect(() => esmToScript([BANNER, 'import yaml from "yaml";'].join('\n'))).toThrow(/line 2/);
    expect(() => esmToScript([BANNER, 'const here = import.meta.dirname;'].join('\n'))).toThrow(/import\.meta/);
  });
});
