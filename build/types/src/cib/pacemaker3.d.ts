/**
 * What Pacemaker 3 removed from the CIB, and what its schema upgrade to pacemaker-4.0
 * (`xml/upgrade-3.10-*.xsl`, run by `cibadmin --upgrade` and by Pacemaker 3 when it loads an older
 * CIB) does with it. The pacemaker3-removed rule reports what `findRemovals` finds.
 */
import type { XmlAttribute, XmlElement } from '../document/xml/element.js';
import type { Cib } from './model.js';
/** Something Pacemaker 3 no longer supports, and where; `kind` names what the upgrade does with it. */
export type Removal = {
    kind: 'droppedClass';
    element: XmlElement;
    classes: string[];
} | {
    kind: 'masterResource';
    element: XmlElement;
} | {
    kind: 'lifetime';
    lifetime: XmlElement;
    constraint: XmlElement;
} | {
    kind: 'restartType';
    nvpair: XmlElement;
    owner: XmlElement;
} | {
    kind: 'operationMeta';
    nvpair: XmlElement;
    owner: XmlElement;
    name: string;
    droppedByUpgrade: boolean;
} | {
    kind: 'renamedOption';
    nvpair: XmlElement;
    name: string;
    newName: string;
} | {
    kind: 'removeAfterStop';
    nvpair: XmlElement;
} | {
    kind: 'poweroff';
    nvpair: XmlElement;
    name: string;
} | {
    kind: 'moon';
    dateSpec: XmlElement;
    moon: XmlAttribute;
} | {
    kind: 'pingNode';
    node: XmlElement;
    type: XmlAttribute;
} | {
    kind: 'fencingLevelIndex';
    level: XmlElement;
    index: XmlAttribute;
};
/** Everything in the CIB that Pacemaker 3 removed, one pass per kind of element. */
export declare function findRemovals(cib: Cib): Removal[];
