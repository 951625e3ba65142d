/**
 * Pacemaker's own RelaxNG schemas (`pacemaker-X.Y.rng` and the files they include), read from the
 * folder Pacemaker installs them in. They are never copied into this repository; validators are
 * loaded once per process and schema file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RelaxNGValidator, XmlDocument, XmlValidateError, xmlRegisterInputProvider, type XmlInputProvider } from 'libxml2-wasm';
import { xmlAddChild, xmlDocGetRootElement, XmlNodeStruct, XmlNodeType, xmlUnlinkNode } from 'libxml2-wasm/lib/libxml2.mjs';
import { shareExternalRefs } from './schema-rewrite.js';
import { quietly } from './xml/quiet.js';
import { timed } from './timing.js';
import { parseSchemaVersion } from './cib/values.js';

/** Debian's pacemaker-common and RHEL's pacemaker-schemas both install here. */
export const DEFAULT_SCHEMA_DIR = '/usr/share/pacemaker';

export function schemaDirectory(configured: string | undefined): string {
  return configured ?? process.env.CIB_LINT_SCHEMA_DIR ?? DEFAULT_SCHEMA_DIR;
}

function schemaFile(directory: string, validateWith: string): string {
  return join(directory, `${validateWith}.rng`);
}

/**
 * The schema file a CIB's validate-with names, installed or not; undefined when the value is not
 * a Pacemaker schema version. The schema rule and the libxml2 thread both find it here, so the
 * thread's validation is for the very path the rule asks about.
 */
export function schemaFileFor(validateWith: string | undefined, configuredDirectory: string | undefined): string | undefined {
  if (validateWith === undefined || !parseSchemaVersion(validateWith)) return undefined;
  return schemaFile(schemaDirectory(configuredDirectory), validateWith);
}

/** The same, only when that file is installed. */
export function declaredSchemaFile(validateWith: string | undefined, configuredDirectory: string | undefined): string | undefined {
  const file = schemaFileFor(validateWith, configuredDirectory);
  return file !== undefined && schemaFileInstalled(file) ? file : undefined;
}

const installedFiles = new Map<string, boolean>();

/**
 * Whether the schema file exists, asked of the file system once per process and path: a run over
 * many CIBs asks for the same few versions over and over (twice per file, once on each thread).
 */
export function schemaFileInstalled(path: string): boolean {
  let installed = installedFiles.get(path);
  if (installed === undefined) installedFiles.set(path, (installed = existsSync(path)));
  return installed;
}

const validators = new Map<string, RelaxNGValidator>();
let includesServed = false;
/** Off only to compile a schema as written, for comparison (test/schema-rewrite.test.ts). */
let sharingExternalRefs = true;

/** A local path for what libxml2 asks to open: an absolute path or a file: URL, nothing else. */
function localPath(name: string): string | undefined {
  if (name.startsWith('file:')) {
    try {
      return fileURLToPath(name);
    } catch {
      return undefined;
    }
  }
  return isAbsolute(name) ? name : undefined;
}

/**
 * Serves the files a schema includes (`include`, `externalRef`) to libxml2. Pacemaker's schemas
 * include the same files many times, so each file is read from disk once per process, with its
 * repeated `externalRef`s shared (schema-rewrite.ts); and a plain path is never parsed as a URL
 * (libxml2-wasm's own file provider tries `new URL()` on every name and catches the error: 20 ms
 * over the corpus).
 */
const schemaIncludes: XmlInputProvider = (() => {
  const contents = new Map<string, Buffer>();
  const found = new Set<string>();
  const served = (path: string): Buffer => {
    const bytes = readFileSync(path);
    // latin1 keeps every byte as one character: the rewrite touches ASCII markup only.
    return sharingExternalRefs ? Buffer.from(shareExternalRefs(path, bytes.toString('latin1')), 'latin1') : bytes;
  };
  const open = new Map<number, { bytes: Buffer; offset: number }>();
  let nextHandle = 1;
  return {
    match: (name) => {
      const path = localPath(name);
      return path !== undefined && (found.has(path) || existsSync(path));
    },
    open: (name) => {
      const path = localPath(name);
      if (path === undefined) return undefined;
      try {
        const key = `${sharingExternalRefs}:${path}`;
        let bytes = contents.get(key);
        if (!bytes) contents.set(key, (bytes = served(path)));
        found.add(path);
        open.set(nextHandle, { bytes, offset: 0 });
        return nextHandle++;
      } catch {
        return undefined;
      }
    },
    read: (handle, buffer) => {
      const file = open.get(handle);
      if (!file) return -1;
      const count = file.bytes.copy(buffer, 0, file.offset);
      file.offset += count;
      return count;
    },
    close: (handle) => open.delete(handle),
  };
})();

/**
 * The validator for one schema file, compiled once per process. The include provider is
 * registered only now, so libxml2 can follow the schema's `externalRef`/`include`s; CIBs
 * themselves are parsed with external entities off, so this does not let a CIB read files.
 */
export function validatorFor(path: string): RelaxNGValidator {
  let validator = validators.get(path);
  if (!validator) {
    validator = timed('stage: compiling RelaxNG schemas', () => compileSchema(path));
    validators.set(path, validator);
  }
  return validator;
}

/** A new validator for the schema file; `shareExternalRefs: false` serves its includes as written. */
export function compileSchema(path: string, { shareExternalRefs: share = true } = {}): RelaxNGValidator {
  if (!includesServed) {
    xmlRegisterInputProvider(schemaIncludes);
    includesServed = true;
  }
  sharingExternalRefs = share;
  const schemaDocument = XmlDocument.fromBuffer(readFileSync(path), { url: path });
  try {
    return quietly(() => RelaxNGValidator.fromDoc(schemaDocument));
  } finally {
    schemaDocument.dispose();
    sharingExternalRefs = true;
  }
}

export function schemaInstalled(directory: string): boolean {
  return existsSync(join(directory, 'pacemaker-2.0.rng')) || existsSync(join(directory, 'pacemaker-3.0.rng'));
}

/**
 * The C pointer of `/cib/status` (its first match), or 0. Walked by hand: an XPath query costs 11
 * µs a document to compile and run, the walk 2 (libxml2-wasm keeps the document's pointer private).
 */
function statusElement(document: XmlDocument): number {
  const root = xmlDocGetRootElement((document as unknown as { _ptr: number })._ptr);
  if (!isElementNamed(root, 'cib')) return 0;
  for (let child = XmlNodeStruct.children(root); child; child = XmlNodeStruct.next(child)) {
    if (isElementNamed(child, 'status')) return child;
  }
  return 0;
}

function isElementNamed(node: number, name: string): boolean {
  return node !== 0 && XmlNodeStruct.type(node) === XmlNodeType.XML_ELEMENT_NODE && XmlNodeStruct.namespace(node) === 0 && XmlNodeStruct.name_(node) === name;
}

/**
 * Validates with the content of `<status>` set aside. Pacemaker's schema accepts anything there
 * (status-1.0.rng: any element, any attribute, any text), and in a large CIB the status section is
 * half the document and most of the validation time. The children are unlinked, then put back in
 * their order, so the document is unchanged for every later rule.
 */
export function validateConfiguration(validator: RelaxNGValidator, document: XmlDocument): void {
  const statusPointer = statusElement(document);
  const children: number[] = [];
  for (let child = statusPointer ? XmlNodeStruct.children(statusPointer) : 0; child; child = XmlNodeStruct.next(child)) {
    children.push(child);
  }
  for (const child of children) xmlUnlinkNode(child);
  try {
    quietly(() => validator.validate(document));
  } finally {
    // Elements separate the text nodes, so appending in order never merges (and frees) a node.
    for (const child of children) xmlAddChild(statusPointer, child);
  }
}

/** One RelaxNG error as libxml2 reports it; `path` is the node's path (xmlGetNodePath) when known. */
export interface SchemaError {
  message: string;
  line: number;
  path: string | undefined;
}

/**
 * The errors of validating the CIB (its `status` content set aside) against the schema file: none
 * when it is valid. The schema is compiled once per process.
 */
export function schemaErrors(schemaPath: string, document: XmlDocument): SchemaError[] {
  const validator = validatorFor(schemaPath);
  try {
    timed('stage: RelaxNG validation', () => validateConfiguration(validator, document));
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map((detail) => ({ message: detail.message.trim(), line: detail.line, path: detail.xpath ?? undefined }));
  }
}
