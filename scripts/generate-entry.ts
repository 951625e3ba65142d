// Bundled by scripts/generate.mjs once rules/index.ts is current: writes what needs rule metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { RULES_README, renderRulesReadme } from '../src/app/generate.js';

export function writeDerivedFiles(root: string): void {
  const path = join(root, RULES_README);
  let previous: string | undefined;
  try {
    previous = readFileSync(path, 'utf8');
  } catch {
    previous = undefined;
  }
  const content = renderRulesReadme(builtinRules);
  if (content !== previous) writeFileSync(path, content);
}
