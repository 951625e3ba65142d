import { XmlElement, type XmlComment } from './element.js';
export interface ScanResult {
    root: XmlElement | undefined;
    /**
     * Every element in document order; `elements[i].index === i`. With `deferStatus`, the slots of
     * the elements not made yet hold undefined until `complete()`.
     */
    elements: Array<XmlElement | undefined>;
    comments: XmlComment[];
    /** A value referenced an entity declared in the DTD, which only libxml2 can expand. */
    usesDeclaredEntities: boolean;
    /** Makes every element that was deferred; afterwards `elements` has no empty slot. */
    complete(): XmlElement[];
}
export interface ScanOptions {
    /** Scan the content of `/cib/status/*` on first use (see above). */
    deferStatus?: boolean;
}
export declare function scanXml(text: string, options?: ScanOptions): ScanResult;
export { decodeAttributeValue } from './attributes.js';
