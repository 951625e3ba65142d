/**
 * Validating one element of a CIB on its own. RelaxNG as libxml2 implements it stops at the first
 * child of a section it cannot match and then blames whatever child it stopped at, often a valid
 * one; and for an element it does reject it names the first thing the schema expected, not what
 * is wrong. Validating the element's subtree alone, in the smallest CIB the same schema accepts,
 * says whether the element itself is at fault and lets a caller try it without one attribute.
 */
import { XmlDocument, XmlElement as LibxmlElement } from 'libxml2-wasm';
import type { XmlAttribute, XmlElement } from './element.js';
import { pathOf } from './node-path.js';
import { quietly } from './quiet.js';
import { validateAgainst, type SchemaError } from './schemas.js';

/** What every schema since pacemaker-1.0 requires in `<configuration>`, each empty here. */
const REQUIRED_SECTIONS = ['crm_config', 'nodes', 'resources', 'constraints'];

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
export function validateIsolated(
  libxml: XmlDocument,
  root: XmlElement,
  schemaPath: string,
  element: XmlElement,
  options: IsolationOptions = {},
): SchemaError[] | undefined {
  const section = sectionOf(element);
  if (root.name !== 'cib' || section === undefined) return undefined;
  const original = libxml.get(childPositionPath(root, element));
  if (!(original instanceof LibxmlElement)) return undefined;
  const subtree = original.toString({ format: false });
  const validateWith = root.attr('validate-with');
  const sections = REQUIRED_SECTIONS.map((name) => (name === section ? `<${name}>${subtree}</${name}>` : `<${name}/>`)).join('');
  const extra = REQUIRED_SECTIONS.includes(section) ? '' : `<${section}>${subtree}</${section}>`;
  const text =
    `<cib${validateWith === undefined ? '' : ` validate-with="${escapeAttribute(validateWith)}"`} epoch="1" num_updates="0" admin_epoch="0">` +
    `<configuration>${sections}${extra}</configuration><status/></cib>`;
  let wrapper: XmlDocument;
  try {
    wrapper = quietly(() => XmlDocument.fromString(text));
  } catch {
    return undefined;
  }
  try {
    const unitPath = `/cib/configuration/${section}/${element.name}`;
    if (options.without) {
      const unit = wrapper.get(`/cib/configuration/${section}/*[1]`);
      const positions = relativePositions(element, options.without.owner);
      const owner = unit instanceof LibxmlElement && positions ? descend(unit, positions) : undefined;
      const attribute = owner?.attr(options.without.name);
      if (!attribute) return undefined;
      attribute.remove();
    }
    const elementPath = pathOf(element);
    return validateAgainst(schemaPath, wrapper).map((error) => {
      const inside = error.path !== undefined && (error.path === unitPath || error.path.startsWith(`${unitPath}/`));
      return { ...error, path: inside ? `${elementPath}${error.path!.slice(unitPath.length)}` : undefined };
    });
  } finally {
    wrapper.dispose();
  }
}

/** The name of the child of `<configuration>` the element is in, if it is below one. */
function sectionOf(element: XmlElement): string | undefined {
  for (let node: XmlElement | undefined = element.parent; node?.parent; node = node.parent) {
    if (node.parent.name === 'configuration' && node.parent.parent?.name === 'cib' && node.parent.parent.parent === undefined) return node.name;
  }
  return undefined;
}

/** `/*[i]/*[j]...`: element positions, which name the same node whatever the names' prefixes. */
function childPositionPath(root: XmlElement, element: XmlElement): string {
  return `/*[1]${(relativePositions(root, element) ?? []).map((position) => `/*[${position}]`).join('')}`;
}

/** The 1-based child positions from `ancestor` down to `element`; undefined when it is not below it. */
function relativePositions(ancestor: XmlElement, element: XmlElement): number[] | undefined {
  const positions: number[] = [];
  for (let node = element; node !== ancestor; node = node.parent) {
    if (!node.parent) return undefined;
    positions.push(node.parent.children.indexOf(node) + 1);
  }
  return positions.reverse();
}

function descend(element: LibxmlElement, positions: number[]): LibxmlElement | undefined {
  let current: LibxmlElement | undefined = element;
  for (const position of positions) {
    let count = 0;
    let found: LibxmlElement | undefined;
    for (let child = current?.firstChild; child && !found; child = child.next) {
      if (child instanceof LibxmlElement && ++count === position) found = child;
    }
    current = found;
  }
  return current;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
