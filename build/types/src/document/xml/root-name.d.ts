/**
 * The name of a document's root element, read from its first bytes without parsing it: whether an
 * XML file a folder walk found is a CIB (`<cib>`) or something else kept next to it (a pom.xml).
 */
/**
 * The root element's name (with its prefix, if any), or undefined when the prolog cannot be read
 * that far: not XML, malformed before the root, or a prolog longer than PROLOG_LIMIT. Callers lint
 * what this cannot name, so that a broken CIB is still reported.
 */
export declare function rootElementName(bytes: Uint8Array): string | undefined;
