import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  define_CIB_LINT_RULE_DOCS_default,
  init_define_CIB_LINT_RULE_DOCS
} from "./chunk-WHOHPCSR.mjs";

// src/core/rule-docs.ts
init_define_CIB_LINT_RULE_DOCS();
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
var RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
function ruleDocsPage(id) {
  if (typeof define_CIB_LINT_RULE_DOCS_default !== "undefined") return Object.hasOwn(define_CIB_LINT_RULE_DOCS_default, id) ? define_CIB_LINT_RULE_DOCS_default[id] : void 0;
  if (!RULE_ID.test(id)) return void 0;
  try {
    return readFileSync(fileURLToPath(new URL(`../../docs/rules/${id}.md`, import.meta.url)), "utf8");
  } catch {
    return void 0;
  }
}

export {
  ruleDocsPage
};
