/**
 * Validating one element of a CIB on its own. RelaxNG as libxml2 implements it stops at the first
 * child of a section it cannot match and then blames whatever child it stopped at, often a valid
 * one; and for an element it does reject it names the first thing the schema expected, not what
 * is wrong. Validating the element's subtree alone, in the smallest CIB the same schema accepts,
 * says whether the element itself is at fault and lets a caller try it without one attribute.
 */
import { XmlDocument } from 'libxml2-wasm';
import type { XmlAttribute, XmlElement } from './element.js';
import { type SchemaError } from './schemas.js';
export interface IsolationOptions {
    /** Validate as if this attribute of an element of the subtree were absent. */
    without?: XmlAttribute;
}
/**
 * The errors of validating `element`'s subtree alone: placed directly in the configuration section
 * that holds it (a primitive inside a group goes straight into `<resources>`), in a CIB with
 * nothing else. Paths inside the subtree are the element's paths in the original document; an
 * error elsewhere in the wrapper (the cascade on its ancestors) has none. Undefined when the
 * element is not inside a configuration section, or its text cannot stand alone (it uses an
 * entity or a namespace prefix declared outside it).
 */
export declare function validateIsolated(libxml: XmlDocument, root: XmlElement, schemaPath: string, element: XmlElement, options?: IsolationOptions): SchemaError[] | undefined;
