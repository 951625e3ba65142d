/**
 * Pacemaker's own RelaxNG schemas (`pacemaker-X.Y.rng` and the files they include), read from the
 * folder Pacemaker installs them in. They are never copied into this repository; validators are
 * loaded once per process and schema file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

/** Debian's pacemaker-common and RHEL's pacemaker-schemas both install here. */
export const DEFAULT_SCHEMA_DIR = '/usr/share/pacemaker';

export function schemaDirectory(configured: string | undefined): string {
  return configured ?? process.env.CIB_LINT_SCHEMA_DIR ?? DEFAULT_SCHEMA_DIR;
}

export function schemaFile(directory: string, validateWith: string): string {
  return join(directory, `${validateWith}.rng`);
}

const validators = new Map<string, RelaxNGValidator>();
let fileProvidersRegistered = false;

/**
 * The validator for one schema file. The file-system input provider is registered only now, so
 * libxml2 can follow the schema's `externalRef`/`include`s; CIBs themselves are parsed with
 * external entities off, so this does not let a CIB read files.
 */
export function validatorFor(path: string): RelaxNGValidator {
  let validator = validators.get(path);
  if (!validator) {
    if (!fileProvidersRegistered) {
      xmlRegisterFsInputProviders();
      fileProvidersRegistered = true;
    }
    const schemaDocument = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    try {
      validator = RelaxNGValidator.fromDoc(schemaDocument);
    } finally {
      schemaDocument.dispose();
    }
    validators.set(path, validator);
  }
  return validator;
}

export function schemaInstalled(directory: string): boolean {
  return existsSync(join(directory, 'pacemaker-2.0.rng')) || existsSync(join(directory, 'pacemaker-3.0.rng'));
}
