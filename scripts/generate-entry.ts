// Bundled by scripts/generate.mjs once rules/index.ts is current: writes what needs rule metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { replaceRuleTable } from '../src/generate.js';

export function writeDerivedFiles(root: string): void {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const updated = replaceRuleTable(readme, builtinRules);
  if (updated !== readme) writeFileSync(readmePath, updated);
}
