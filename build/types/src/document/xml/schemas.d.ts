import { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
/** Debian's pacemaker-common and RHEL's pacemaker-schemas both install here. */
export declare const DEFAULT_SCHEMA_DIR = "/usr/share/pacemaker";
export declare function schemaDirectory(configured: string | undefined): string;
/**
 * The schema file a CIB's validate-with names, installed or not; undefined when the value is not
 * a Pacemaker schema version.
 */
export declare function schemaFileFor(validateWith: string | undefined, configuredDirectory: string | undefined): string | undefined;
/**
 * Whether the schema file exists, asked of the file system once per process and path: a run over
 * many CIBs asks for the same few versions over and over.
 */
export declare function schemaFileInstalled(path: string): boolean;
/**
 * The validator for one schema file, compiled once per process. The include provider is
 * registered only now, so libxml2 can follow the schema's `externalRef`/`include`s; CIBs
 * themselves are parsed with external entities off, so this does not let a CIB read files.
 */
export declare function validatorFor(path: string): RelaxNGValidator;
export declare function schemaInstalled(directory: string): boolean;
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
export declare function validateAgainst(schemaPath: string, document: XmlDocument): SchemaError[];
