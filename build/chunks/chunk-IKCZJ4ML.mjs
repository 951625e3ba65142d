import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);

// src/output/escape.ts
var UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
var UNSAFE_WITH_TAB = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function escapeOne(character) {
  const named = NAMED[character];
  if (named !== void 0) return named;
  const code = character.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function visible(text, { tabs = true } = {}) {
  const pattern = tabs ? UNSAFE : UNSAFE_WITH_TAB;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, escapeOne) : text;
}
function lineStart(text) {
  const shown = visible(text, { tabs: false });
  return /^\s*:/.test(shown) ? `./${shown}` : shown;
}
var JSON_RAW = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
function jsonSafe(json) {
  JSON_RAW.lastIndex = 0;
  return JSON_RAW.test(json) ? json.replace(JSON_RAW, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

export {
  visible,
  lineStart,
  jsonSafe
};
