/**
 * cibadmin commands that rules suggest where pcs cannot make the change: an op's attributes, an
 * nvpair in a set pcs does not edit, an attribute that must go. cibadmin finds the element by its
 * tag and id anywhere in the CIB. Every value comes from the CIB: xmlTextWord() escapes the XML
 * and makes the argument one shell word.
 */
import type { XmlElement } from '../document/xml/element.js';
import { xmlTextWord } from './pcs-commands.js';

/** Sets attributes of the element with this element's tag and id. */
export function cibadminModify(element: XmlElement, attributes: Readonly<Record<string, string>>): string {
  return `cibadmin --modify --xml-text ${xmlTextWord(element.name, { id: element.id ?? '', ...attributes })}`;
}

/** Deletes the element with this element's tag and id (and everything inside it). */
export function cibadminDelete(element: XmlElement): string {
  return `cibadmin --delete --xml-text ${xmlTextWord(element.name, { id: element.id ?? '' })}`;
}

/**
 * Rewrites an element without some of its attributes (cibadmin cannot drop one in place), with
 * `added` set, or undefined when the element has children, which the rewrite would lose.
 */
export function cibadminReplaceWithout(element: XmlElement, names: readonly string[], added: Readonly<Record<string, string>> = {}): string | undefined {
  if (element.children.length > 0 || element.id === undefined) return undefined;
  const kept = Object.fromEntries(element.attributes.filter((attribute) => !names.includes(attribute.name)).map((attribute) => [attribute.name, attribute.value]));
  return `cibadmin --replace --xml-text ${xmlTextWord(element.name, { ...kept, ...added })}`;
}
