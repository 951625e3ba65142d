/**
 * libxml2-wasm sends some of libxml2's own messages (XPath compile errors, RelaxNG IDREF checks)
 * straight to stderr through its generic error handler, even when the same problem is reported
 * to us as an exception or error list. cib-lint reports those itself, once and clearly, so the
 * raw lines are held back while libxml2 runs.
 */
export declare function quietly<T>(run: () => T): T;
