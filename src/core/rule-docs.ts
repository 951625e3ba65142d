/**
 * The built-in rules' documentation pages (docs/rules/<id>.md), for `cib-lint explain` and SARIF's
 * `help.markdown`. The bundles carry them (scripts/build.mjs defines CIB_LINT_RULE_DOCS), so that
 * the single executable, which has no docs/ folder beside it, and the Action print the same pages;
 * run from source (tests), they are read from the checkout.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The pages by rule id, as JSON text (scripts/build.mjs). */
declare const CIB_LINT_RULE_DOCS: string | undefined;
let bundledPages: Readonly<Record<string, string>> | undefined;

/** Rule ids are file names: nothing else may reach the file system from here. */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The page of a built-in rule, or undefined when it has none (plugin and policy rules, diagnostics). */
export function ruleDocsPage(id: string): string | undefined {
  if (typeof CIB_LINT_RULE_DOCS !== 'undefined') {
    bundledPages ??= JSON.parse(CIB_LINT_RULE_DOCS) as Record<string, string>;
    return Object.hasOwn(bundledPages, id) ? bundledPages[id] : undefined;
  }
  if (!RULE_ID.test(id)) return undefined;
  try {
    return readFileSync(fileURLToPath(new URL(`../../docs/rules/${id}.md`, import.meta.url)), 'utf8');
  } catch {
    return undefined;
  }
}
