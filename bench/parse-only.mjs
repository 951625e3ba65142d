// The floor cib-lint is measured against: read and parse with libxml2-wasm (the same options as
// src/document/xml/load.ts), nothing else. `node parse-only.mjs FILE` parses one file (time it from outside,
// as a cold process); `node parse-only.mjs --sum FILE...` parses each file in one process and
// prints the sum of the per-file times in milliseconds (startup excluded).
import { readFileSync } from 'node:fs';
import { ParseOption, XmlDocument, XmlParseError } from 'libxml2-wasm';

const OPTIONS = ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

function parse(path) {
  const bytes = readFileSync(path);
  try {
    XmlDocument.fromBuffer(bytes, { option: OPTIONS }).dispose();
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
  }
}

const args = process.argv.slice(2);
if (args[0] === '--sum') {
  let total = 0;
  for (const path of args.slice(1)) {
    const start = performance.now();
    parse(path);
    total += performance.now() - start;
  }
  process.stdout.write(`${total}\n`);
} else {
  for (const path of args) parse(path);
}
