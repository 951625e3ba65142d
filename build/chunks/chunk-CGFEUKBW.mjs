import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);

// src/document/xml/source.ts
import { TextDecoder } from "node:util";
function decodeSource(bytes) {
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) start = 3;
  const declared = declaredEncoding(bytes.subarray(start, start + 200));
  let decoder;
  try {
    decoder = new TextDecoder(declared ?? "utf-8");
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes.subarray(start));
}
function declaredEncoding(head) {
  if (head[0] !== 60 || head[1] !== 63) return void 0;
  const text = Buffer.from(head.buffer, head.byteOffset, head.length).toString("latin1");
  const match = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text);
  return match?.[1];
}
var LineIndex = class {
  constructor(text) {
    this.text = text;
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  text;
  starts = [0];
  get lineCount() {
    return this.starts.length;
  }
  /** The offset where a 1-based line starts (the text's length past the last line). */
  offsetOf(line) {
    return line - 1 < this.starts.length ? this.starts[line - 1] : this.text.length;
  }
  position(offset) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
};
function byteOffsets(bytes, text) {
  if (bytes.length >= 2 && (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255)) {
    return (offset) => 2 + 2 * offset;
  }
  const bom = bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  if (bytes.length - bom === text.length) return (offset) => bom + offset;
  const lines = new LineIndex(text);
  const lineBytes = [];
  const lineStartBytes = (line) => {
    for (let next = lineBytes.length; next < line; next++) {
      lineBytes.push(next === 0 ? bom : lineBytes[next - 1] + Buffer.byteLength(text.slice(lines.offsetOf(next), lines.offsetOf(next + 1))));
    }
    return lineBytes[line - 1];
  };
  return (offset) => {
    const { line } = lines.position(offset);
    return lineStartBytes(line) + Buffer.byteLength(text.slice(lines.offsetOf(line), offset));
  };
}

// src/app/write-file.ts
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
function writeFileAtomic(target, content, options = {}) {
  const existing = lstatSync(target, { throwIfNoEntry: false });
  if (/^\/(?:dev|proc)\//.test(target) || existing !== void 0 && !existing.isFile() && !existing.isSymbolicLink() && !existing.isDirectory()) {
    writeInto(target, content);
    return;
  }
  if (existing?.isSymbolicLink() && options.followSymlinks !== false) {
    let real;
    try {
      real = realpathSync.native(target);
    } catch {
    }
    const stats = real === void 0 ? void 0 : lstatSync(real, { throwIfNoEntry: false });
    if (real !== void 0 && (stats === void 0 || stats.isFile())) return writeFileAtomic(real, content, options);
    if (stats !== void 0 && !stats.isDirectory()) return writeInto(target, content);
  }
  const temporary = join(dirname(target), `.${basename(target).slice(0, 200)}.${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync(temporary, "wx", 438);
    if (existing?.isFile()) fchmodSync(fd, existing.mode & 4095);
    writeContent(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = void 0;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== void 0) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}
function writeInto(target, content) {
  const fd = openSync(target, "w");
  try {
    writeContent(fd, content);
  } finally {
    closeSync(fd);
  }
}
function writeContent(fd, content) {
  if (typeof content === "function") content(fd);
  else writeFileSync(fd, content);
}
function fileKeys(path) {
  const absolute = resolve(path);
  try {
    return [absolute, realpathSync(absolute)];
  } catch {
    try {
      return [absolute, join(realpathSync(dirname(absolute)), basename(absolute))];
    } catch {
      return [absolute];
    }
  }
}

export {
  decodeSource,
  LineIndex,
  byteOffsets,
  writeFileAtomic,
  fileKeys
};
