// Writes the files derived from the rules: first rules/index.ts (from the rules/ folder), then
// docs/rules/README.md, which needs the rules' metadata (read through a throwaway esbuild bundle).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'cib-lint-generate-'));

async function load(entry, name) {
  const outfile = join(temp, name);
  await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href);
}

function writeIfChanged(path, content) {
  let previous;
  try {
    previous = readFileSync(path, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous !== content) writeFileSync(path, content);
}

try {
  const ruleIds = readdirSync(join(root, 'rules'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -3));
  const { renderRuleIndex } = await load('src/app/generate.ts', 'generate.mjs');
  writeIfChanged(join(root, 'rules/index.ts'), renderRuleIndex(ruleIds));
  const { writeDerivedFiles } = await load('scripts/generate-entry.ts', 'generate-entry.mjs');
  writeDerivedFiles(root);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
