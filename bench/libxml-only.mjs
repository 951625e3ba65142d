// libxml2's own share of a lint run, as a second floor: parse each file and validate it against
// the RelaxNG schema its validate-with names (the `status` section removed first, as the schema
// rule sets it aside), compiling each schema version once. `node libxml-only.mjs --sum FILE...`
// prints the sum of the per-file times in milliseconds (startup excluded, compiling included:
// a lint run compiles too).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseOption, RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const OPTIONS = ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;
const SCHEMAS = process.env.CIB_LINT_SCHEMA_DIR ?? '/usr/share/pacemaker';
const validators = new Map();
xmlRegisterFsInputProviders();

function validatorFor(validateWith) {
  const path = join(SCHEMAS, `${validateWith}.rng`);
  if (!/^pacemaker-\d+\.\d+$/.test(validateWith ?? '') || !existsSync(path)) return undefined;
  if (!validators.has(path)) {
    const schema = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    try {
      validators.set(path, RelaxNGValidator.fromDoc(schema));
    } catch {
      validators.set(path, undefined);
    } finally {
      schema.dispose();
    }
  }
  return validators.get(path);
}

function parseAndValidate(path) {
  let document;
  try {
    document = XmlDocument.fromBuffer(readFileSync(path), { option: OPTIONS });
  } catch {
    return;
  }
  try {
    const validator = document.root.name === 'cib' ? validatorFor(document.root.attr('validate-with')?.value) : undefined;
    if (!validator) return;
    document.get('/cib/status')?.remove();
    try {
      validator.validate(document);
    } catch {
      /* invalid: the errors are what the rule reports */
    }
  } finally {
    document.dispose();
  }
}

let total = 0;
for (const path of process.argv.slice(3)) {
  const start = performance.now();
  parseAndValidate(path);
  total += performance.now() - start;
}
process.stdout.write(`${total}\n`);
