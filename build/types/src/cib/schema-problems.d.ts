/**
 * What libxml2's RelaxNG errors on a CIB mean, said at the element or attribute that has the
 * problem. libxml2 reports one mistake as a cascade (the element at fault, then "failed to
 * validate content" on each ancestor), gives up on a whole section at the first child it cannot
 * match ("Element constraints has extra content: rsc_colocation" names that child even when it is
 * valid and the fault is a later sibling or a duplicate id), and for an element it rejects names
 * the first thing the schema expected ("Expecting an element meta_attributes" for a clone without
 * a resource, or for an op with an invalid role). So each error is checked against the element
 * validated on its own: an element valid alone is not blamed for a sibling's fault, and one that
 * is valid without one of its attributes is reported at that attribute.
 */
import type { SchemaError, XmlAttribute, XmlElement } from '../document/document.js';
import type { Cib } from './model.js';
export interface SchemaProblem {
    /** Where the problem is; undefined when libxml2 named no node the element tree has (then `line`). */
    node: XmlElement | XmlAttribute | undefined;
    line: number;
    /** The problem in terms of the CIB, libxml2's own message in parentheses. */
    reason: string;
    related?: {
        target: XmlElement | XmlAttribute;
        message: string;
    }[];
}
/**
 * Validates an element's subtree on its own (see CibDocument.isolatedSchemaErrors): the paths of
 * the errors inside it are the original document's; undefined when it cannot stand alone.
 */
export type Isolate = (element: XmlElement, without?: XmlAttribute) => SchemaError[] | undefined;
/** The line an element starts on, for messages that point at another element. */
export type LineOf = (element: XmlElement) => number;
/**
 * The problems the errors of validating the whole CIB (status content set aside) stand for, each
 * at the element or attribute that has it.
 */
export declare function schemaProblems(cib: Cib, errors: SchemaError[], isolate: Isolate, lineOf: LineOf): SchemaProblem[];
