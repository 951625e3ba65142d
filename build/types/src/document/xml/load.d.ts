import type { LoadResult } from '../document.js';
/** Parses the bytes with libxml2 and scans their text: a document, or why it is not one. */
export declare function loadXml(bytes: Uint8Array): LoadResult;
