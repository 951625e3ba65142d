/**
 * The places where constraints name resources: the attributes Pacemaker resolves to a resource,
 * template or tag when it unpacks `<constraints>`. Shared by the rules that check those names.
 */
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
import type { Cib } from './model.js';
export interface ResourceReference {
    /** The attribute holding the id: `rsc`, `with-rsc`, `first`, `then`, or `resource_ref`'s `id`. */
    attribute: XmlAttribute;
    /** The constraint the reference belongs to. */
    constraint: XmlElement;
}
/** Every resource reference of every constraint in the configuration, in document order. */
export declare function constraintResourceReferences(cib: Cib): ResourceReference[];
/** `rsc_location "ban-web"` style label for messages. */
export declare function describeConstraint(constraint: XmlElement): string;
