/**
 * Text from a CIB or a file name, made safe for a terminal or a CI log. Every format that people
 * or logs read passes such text through `visible`: an escape sequence could otherwise clear the
 * screen, retitle the terminal or hide text, a bidi override could make the shown text differ from
 * the bytes, and a line break could start a line of its own that GitHub's runner reads as a
 * workflow command (`::add-mask::`, `::error ...`). JSON and SARIF keep values exact instead: they
 * are data, and JSON string escaping covers line breaks there (see `jsonSafe`).
 */

/**
 * C0 controls but the tab, DEL and C1 controls (U+0085 NEXT LINE is one), the Unicode line and
 * paragraph separators, and the bidi embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069).
 */
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** The same with the tab, for output that must stay on one line per record. */
const UNSAFE_WITH_TAB = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(character: string): string {
  const named = NAMED[character];
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character (a tab too when `tabs` is false), line separator and bidi
 * control written as a visible escape: `\n`, `\x1b`, `\u202e`.
 */
export function visible(text: string, { tabs = true }: { tabs?: boolean } = {}): string {
  const pattern = tabs ? UNSAFE : UNSAFE_WITH_TAB;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, escapeOne) : text;
}

/**
 * A path (or other input text) that begins a line of output: `visible`, and kept from beginning
 * with `::` (or whitespace and `::`), which the runner would read as a workflow command whatever
 * follows. `./` in front names the same relative path.
 */
export function lineStart(text: string): string {
  const shown = visible(text, { tabs: false });
  return /^\s*:/.test(shown) ? `./${shown}` : shown;
}

/**
 * Characters that JSON.stringify leaves raw but that terminals or log readers act on (C1 controls,
 * DEL, line separators, bidi controls), written as `\uXXXX` escapes. Applied to JSON text they can
 * only occur inside strings, so every parsed value stays exactly what it was.
 */
const JSON_RAW = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function jsonSafe(json: string): string {
  JSON_RAW.lastIndex = 0;
  return JSON_RAW.test(json) ? json.replace(JSON_RAW, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
