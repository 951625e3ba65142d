/**
 * Pacemaker's own RelaxNG schemas (`pacemaker-X.Y.rng` and the files they include), read from the
 * folder Pacemaker installs them in. They are never copied into this repository; validators are
 * loaded once per process and schema file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RelaxNGValidator, XmlDocument, XmlValidateError, xmlRegisterInputProvider, type XmlInputProvider } from 'libxml2-wasm';
import { quietly } from './quiet.js';
import { timed } from '../../core/timing.js';
import { parseSchemaVersion } from '../../cib/values.js';

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
 * a Pacemaker schema version.
 */
export function schemaFileFor(validateWith: string | undefined, configuredDirectory: string | undefined): string | undefined {
  if (validateWith === undefined || !parseSchemaVersion(validateWith)) return undefined;
  return schemaFile(schemaDirectory(configuredDirectory), validateWith);
}

const installedFiles = new Map<string, boolean>();

/**
 * Whether the schema file exists, asked of the file system once per process and path: a run over
 * many CIBs asks for the same few versions over and over.
 */
export function schemaFileInstalled(path: string): boolean {
  let installed = installedFiles.get(path);
  if (installed === undefined) installedFiles.set(path, (installed = existsSync(path)));
  return installed;
}

const validators = new Map<string, RelaxNGValidator>();
let includesServed = false;

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
 * include the same files many times, so each file is read from disk once per process.
 */
const schemaIncludes: XmlInputProvider = (() => {
  const contents = new Map<string, Buffer>();
  const found = new Set<string>();
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
        let bytes = contents.get(path);
        if (!bytes) contents.set(path, (bytes = readFileSync(path)));
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

function compileSchema(path: string): RelaxNGValidator {
  if (!includesServed) {
    xmlRegisterInputProvider(schemaIncludes);
    includesServed = true;
  }
  const schemaDocument = XmlDocument.fromBuffer(readFileSync(path), { url: path });
  try {
    return quietly(() => RelaxNGValidator.fromDoc(schemaDocument));
  } finally {
    schemaDocument.dispose();
  }
}

export function schemaInstalled(directory: string): boolean {
  return existsSync(join(directory, 'pacemaker-2.0.rng')) || existsSync(join(directory, 'pacemaker-3.0.rng'));
}

/** One RelaxNG error as libxml2 reports it; `path` is the node's path (xmlGetNodePath) when known. */
export interface SchemaError {
  message: string;
  line: number;
  path: string | undefined;
}

/**
 * The errors of validating a libxml2 document against the schema file: none when it is valid.
 * The schema is compiled once per process.
 */
export function validateAgainst(schemaPath: string, document: XmlDocument): SchemaError[] {
  const validator = validatorFor(schemaPath);
  try {
    timed('stage: RelaxNG validation', () => quietly(() => validator.validate(document)));
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map((detail) => ({ message: detail.message.trim(), line: detail.line, path: detail.xpath ?? undefined }));
  }
}
