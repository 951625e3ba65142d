import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);

// src/output/chunks.ts
import { closeSync, openSync, writeSync } from "node:fs";
var BLOCK = 1 << 16;
function* blocks(output) {
  if (typeof output === "string") {
    if (output !== "") yield output;
    return;
  }
  let pending = [];
  let size = 0;
  for (const piece of output) {
    pending.push(piece);
    size += piece.length;
    if (size >= BLOCK) {
      yield pending.join("");
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield pending.join("");
}
function outputText(output) {
  return typeof output === "string" ? output : [...blocks(output)].join("");
}
function writeOutputTo(fd, output) {
  for (const block of blocks(output)) {
    const bytes = Buffer.from(block, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  }
}

export {
  blocks,
  outputText,
  writeOutputTo
};
