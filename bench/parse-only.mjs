// The floor cib-lint is measured against: read and parse with libxml2-wasm (the same options as
// src/document/xml/load.ts), nothing else. `node parse-only.mjs FILE` parses one file (time it from outside,
// as a cold process); `node parse-only.mjs --sum FILE...` parses each file in one process and
// prints the sum of the per-file times in milliseconds (startup excluded).
//
// `node parse-only.mjs --validate FILE` also does the one other piece of work every cib-lint run
// does, and crm_verify too: it validates the file against the Pacemaker schema its validate-with
// names (from CIB_LINT_SCHEMA_DIR or /usr/share/pacemaker, includes read from disk), with the
// status section's content set aside as cib-lint sets it aside.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseOption, RelaxNGValidator, XmlDocument, XmlElement, XmlParseError, XmlValidateError, xmlRegisterInputProvider } from 'libxml2-wasm';

const OPTIONS = ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;
const SCHEMA_DIR = process.env.CIB_LINT_SCHEMA_DIR ?? '/usr/share/pacemaker';

function parse(path) {
  const bytes = readFileSync(path);
  try {
    XmlDocument.fromBuffer(bytes, { option: OPTIONS }).dispose();
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
  }
}

/** libxml2 reads the schema's includes through this: absolute paths only, from disk. */
function serveSchemaIncludes() {
  const open = new Map();
  let next = 1;
  xmlRegisterInputProvider({
    match: (name) => name.startsWith('/') && existsSync(name),
    open: (name) => {
      open.set(next, { bytes: readFileSync(name), offset: 0 });
      return next++;
    },
    read: (handle, buffer) => {
      const file = open.get(handle);
      const count = file.bytes.copy(buffer, 0, file.offset);
      file.offset += count;
      return count;
    },
    close: (handle) => open.delete(handle),
  });
}

function parseAndValidate(path) {
  const document = XmlDocument.fromBuffer(readFileSync(path), { option: OPTIONS });
  try {
    const status = document.get('/cib/status');
    if (status instanceof XmlElement) {
      for (let child = status.firstChild; child; ) {
        const following = child.next;
        child.remove();
        child = following;
      }
    }
    const schemaPath = join(SCHEMA_DIR, `${document.root.attr('validate-with')?.value}.rng`);
    const schema = XmlDocument.fromBuffer(readFileSync(schemaPath), { url: schemaPath });
    const validator = RelaxNGValidator.fromDoc(schema);
    schema.dispose();
    try {
      validator.validate(document);
    } catch (error) {
      if (!(error instanceof XmlValidateError)) throw error;
    }
  } finally {
    document.dispose();
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
} else if (args[0] === '--validate') {
  serveSchemaIncludes();
  for (const path of args.slice(1)) parseAndValidate(path);
} else {
  for (const path of args) parse(path);
}
