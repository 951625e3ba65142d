import { XmlElement, type XmlComment } from './element.js';
export interface ScanResult {
    root: XmlElement | undefined;
    /** Every element in document order; `elements[i].index === i`. */
    elements: XmlElement[];
    comments: XmlComment[];
    /** A value referenced an entity declared in the DTD, which only libxml2 can expand. */
    usesDeclaredEntities: boolean;
}
export declare function scanXml(text: string): ScanResult;
export { decodeAttributeValue } from './attributes.js';
