/**
 * The places where constraints name resources: the attributes Pacemaker resolves to a resource,
 * template or tag when it unpacks `<constraints>`. Shared by the rules that check those names.
 */
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
import type { Cib } from './model.js';

/** Attributes of each constraint element that hold a resource id (`rsc-pattern` is a regex). */
const RESOURCE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  rsc_location: ['rsc'],
  rsc_colocation: ['rsc', 'with-rsc'],
  rsc_order: ['first', 'then'],
  rsc_ticket: ['rsc'],
};

export interface ResourceReference {
  /** The attribute holding the id: `rsc`, `with-rsc`, `first`, `then`, or `resource_ref`'s `id`. */
  attribute: XmlAttribute;
  /** The constraint the reference belongs to. */
  constraint: XmlElement;
}

/** Every resource reference of every constraint in the configuration, in document order. */
export function constraintResourceReferences(cib: Cib): ResourceReference[] {
  const references: ResourceReference[] = [];
  for (const constraint of cib.constraintsSection?.children ?? []) {
    const names = RESOURCE_ATTRIBUTES[constraint.name];
    if (!names) continue;
    for (const name of names) {
      const attribute = constraint.attribute(name);
      if (attribute) references.push({ attribute, constraint });
    }
    for (const set of constraint.childrenNamed('resource_set')) {
      for (const ref of set.childrenNamed('resource_ref')) {
        const attribute = ref.attribute('id');
        if (attribute) references.push({ attribute, constraint });
      }
    }
  }
  return references;
}

/** `rsc_location "ban-web"` style label for messages. */
export function describeConstraint(constraint: XmlElement): string {
  return constraint.id === undefined ? constraint.name : `${constraint.name} "${constraint.id}"`;
}
