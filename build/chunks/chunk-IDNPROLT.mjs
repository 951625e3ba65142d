import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  jsonSafe
} from "./chunk-IKCZJ4ML.mjs";

// src/output/json-stream.ts
var Streamed = class {
  constructor(items) {
    this.items = items;
  }
  items;
};
function streamed(items) {
  return new Streamed(items);
}
function isPlainObject(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
function holdsStream(value) {
  for (const key in value) {
    const inner = value[key];
    if (inner instanceof Streamed || isPlainObject(inner) && holdsStream(inner)) return true;
  }
  return false;
}
function* jsonPieces(value, indent = "") {
  if (value instanceof Streamed) {
    const inner = `${indent}  `;
    let first = true;
    for (const item of value.items) {
      yield first ? `[
${inner}` : `,
${inner}`;
      first = false;
      yield* jsonPieces(item, inner);
    }
    yield first ? "[]" : `
${indent}]`;
    return;
  }
  if (isPlainObject(value) && holdsStream(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === void 0 || typeof member === "function" || typeof member === "symbol") continue;
      yield `${first ? "{" : ","}
${inner}${jsonSafe(JSON.stringify(key))}: `;
      first = false;
      yield* jsonPieces(member, inner);
    }
    yield first ? "{}" : `
${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2) ?? "null";
  yield jsonSafe(indent === "" ? text : text.replaceAll("\n", `
${indent}`));
}

export {
  streamed,
  jsonPieces
};
