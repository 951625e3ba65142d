/**
 * JSON written in pieces, exactly as `JSON.stringify(value, null, 2)` would write it whole: a value
 * wrapped in `streamed(...)` is an array whose items are produced and written one at a time, so a
 * report with a million findings never becomes one string (V8 caps a string near 512 MiB).
 */
import { jsonSafe } from './escape.js';

class Streamed {
  constructor(readonly items: Iterable<unknown>) {}
}

/** An array written item by item; items may themselves hold streamed arrays. */
export function streamed(items: Iterable<unknown>): unknown {
  return new Streamed(items);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether a streamed array sits in this object (at any depth through plain objects). */
function holdsStream(value: Record<string, unknown>): boolean {
  for (const key in value) {
    const inner = value[key];
    if (inner instanceof Streamed || (isPlainObject(inner) && holdsStream(inner))) return true;
  }
  return false;
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` at nesting `indent`, with characters that
 * terminals act on escaped (jsonSafe: the parsed values are unchanged).
 */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (value instanceof Streamed) {
    const inner = `${indent}  `;
    let first = true;
    for (const item of value.items) {
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      yield* jsonPieces(item, inner);
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (isPlainObject(value) && holdsStream(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      yield `${first ? '{' : ','}\n${inner}${jsonSafe(JSON.stringify(key))}: `;
      first = false;
      yield* jsonPieces(member, inner);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  // As in an array written whole, a value JSON has no form for is null.
  const text = (JSON.stringify(value, null, 2) as string | undefined) ?? 'null';
  // JSON strings hold no raw line break, so every one is between members and takes the indent.
  yield jsonSafe(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
}
