/**
 * cibadmin commands that rules suggest where pcs cannot make the change: an op's attributes, an
 * nvpair in a set pcs does not edit, an attribute that must go. cibadmin finds the element by its
 * tag and id anywhere in the CIB. Every value comes from the CIB: xmlTextWord() escapes the XML
 * and makes the argument one shell word.
 */
import type { XmlElement } from '../document/xml/element.js';
/** Sets attributes of the element with this element's tag and id. */
export declare function cibadminModify(element: XmlElement, attributes: Readonly<Record<string, string>>): string;
/** Deletes the element with this element's tag and id (and everything inside it). */
export declare function cibadminDelete(element: XmlElement): string;
/**
 * Rewrites an element without some of its attributes (cibadmin cannot drop one in place), with
 * `added` set, or undefined when the element has children, which the rewrite would lose.
 */
export declare function cibadminReplaceWithout(element: XmlElement, names: readonly string[], added?: Readonly<Record<string, string>>): string | undefined;
