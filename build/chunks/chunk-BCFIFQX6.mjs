import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);

// src/core/fixes.ts
function locateFix(descriptor, source) {
  const style = styleOf(source.text);
  const replacements = descriptor.edits.flatMap((edit) => replacementsOf(edit, source.text, style));
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < replacements.length; i++) {
    const previous = replacements[i - 1];
    const current = replacements[i];
    if (current.start < previous.end || current.start === previous.end && current.start === current.end && previous.start !== previous.end) {
      throw new Error(`fix "${descriptor.title}" edits one place twice`);
    }
  }
  const fix = { title: descriptor.title, edits: replacements.map((replacement) => locate(replacement, source)) };
  if (descriptor.commands !== void 0 && descriptor.commands.length > 0) fix.commands = descriptor.commands.map((command) => [...command]);
  return fix;
}
function locate(replacement, source) {
  const from = source.lines.position(replacement.start);
  const to = source.lines.position(replacement.end);
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: source.byteOffset(replacement.start),
    endOffset: source.byteOffset(replacement.end),
    text: replacement.text
  };
}
function styleOf(text) {
  const lineBreak = /\r\n|\r|\n/.exec(text)?.[0] ?? "\n";
  const declared = /^\uFEFF?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1]?.toLowerCase();
  const asciiOnly = declared !== void 0 && !/^(utf-?8|utf-?16(le|be)?)$/.test(declared);
  return { eol: lineBreak, asciiOnly };
}
function escapeAttributeValue(value, quote, asciiOnly = false) {
  let escaped = value.replace(/[&<\t\n\r]/g, (character) => ENTITIES[character]);
  escaped = quote === '"' ? escaped.replaceAll('"', "&quot;") : escaped.replaceAll("'", "&apos;");
  return asciiOnly ? escaped.replace(/[^\0-\x7f]/gu, (character) => `&#x${character.codePointAt(0).toString(16).toUpperCase()};`) : escaped;
}
var ENTITIES = { "&": "&amp;", "<": "&lt;", "	": "&#9;", "\n": "&#10;", "\r": "&#13;" };
function quoteOf(text, attribute) {
  return text[attribute.valueSpan.start - 1] === "'" ? "'" : '"';
}
function replacementsOf(edit, text, style) {
  switch (edit.kind) {
    case "setAttribute": {
      const existing = edit.element.attribute(edit.name);
      if (existing) {
        return [{ ...existing.valueSpan, text: escapeAttributeValue(edit.value, quoteOf(text, existing), style.asciiOnly) }];
      }
      return [insertAttribute(edit.element, edit.name, edit.value, text, style)];
    }
    case "renameAttribute": {
      const { attribute } = edit;
      if (attribute.owner.has(edit.name)) throw new Error(`a fix would give <${attribute.owner.name}> a second ${edit.name}`);
      const nameEnd = attribute.span.start + attribute.name.length;
      const rename = { start: attribute.span.start, end: nameEnd, text: edit.name };
      if (edit.value === void 0) return [rename];
      return [rename, { ...attribute.valueSpan, text: escapeAttributeValue(edit.value, quoteOf(text, attribute), style.asciiOnly) }];
    }
    case "removeAttribute": {
      const { attribute } = edit;
      const siblings = attribute.owner.attributes;
      const position = siblings.indexOf(attribute);
      const start = position > 0 ? siblings[position - 1].span.end : attribute.owner.nameSpan.end;
      return [{ start, end: attribute.span.end, text: "" }];
    }
    case "removeElement":
      return [{ ...wholeLines(edit.element.outerSpan, text), text: "" }];
    case "addElement":
      return [insertChild(edit.parent, edit.element, text, style)];
  }
}
function insertAttribute(element, name, value, text, style) {
  const attributes = element.attributes;
  const last = attributes[attributes.length - 1];
  const at = last ? last.span.end : element.nameSpan.end;
  const before = last ? text.slice(attributes.length > 1 ? attributes[attributes.length - 2].span.end : element.nameSpan.end, last.span.start) : " ";
  const separator = /[\r\n]/.test(before) ? before : " ";
  const quote = last ? quoteOf(text, last) : '"';
  return { start: at, end: at, text: `${separator}${name}=${quote}${escapeAttributeValue(value, quote, style.asciiOnly)}${quote}` };
}
function wholeLines(span, text) {
  let start = span.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "	")) start--;
  let end = span.end;
  while (end < text.length && (text[end] === " " || text[end] === "	")) end++;
  const lineStartsBefore = start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r";
  const lineEndsAfter = end === text.length || text[end] === "\n" || text[end] === "\r";
  if (!lineStartsBefore || !lineEndsAfter) return span;
  if (text.startsWith("\r\n", end)) end += 2;
  else if (end < text.length) end += 1;
  return { start, end };
}
function indentationAt(offset, text) {
  let start = offset;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "	")) start--;
  return start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r" ? text.slice(start, offset) : void 0;
}
function childIndentation(element, text) {
  const own = indentationAt(element.span.start, text);
  if (own === void 0) return void 0;
  for (const child of element.children) {
    const indentation = indentationAt(child.span.start, text);
    if (indentation !== void 0) return indentation;
  }
  const parentIndentation = element.parent ? indentationAt(element.parent.span.start, text) : void 0;
  const step = parentIndentation !== void 0 && own.startsWith(parentIndentation) && own.length > parentIndentation.length ? own.slice(parentIndentation.length) : "  ";
  return own + step;
}
function serialize(element, indentation, style) {
  const attributes = Object.entries(element.attributes).map(([name, value]) => ` ${name}="${escapeAttributeValue(value, '"', style.asciiOnly)}"`).join("");
  const children = element.children ?? [];
  if (children.length === 0) return `<${element.name}${attributes}/>`;
  if (indentation === void 0) return `<${element.name}${attributes}>${children.map((child) => serialize(child, void 0, style)).join("")}</${element.name}>`;
  const inner = `${indentation}  `;
  return `<${element.name}${attributes}>${children.map((child) => `${style.eol}${inner}${serialize(child, inner, style)}`).join("")}${style.eol}${indentation}</${element.name}>`;
}
function insertChild(parent, element, text, style) {
  const inner = childIndentation(parent, text);
  const endTag = parent.endTagSpan;
  if (endTag === void 0) {
    const tagEnd = parent.span.end;
    const slash = text.lastIndexOf("/", tagEnd);
    const own = indentationAt(parent.span.start, text);
    const opened = inner === void 0 || own === void 0 ? `>${serialize(element, void 0, style)}</${parent.name}>` : `>${style.eol}${inner}${serialize(element, inner, style)}${style.eol}${own}</${parent.name}>`;
    return { start: slash, end: tagEnd, text: opened };
  }
  const endIndentation = indentationAt(endTag.start, text);
  if (inner !== void 0 && endIndentation !== void 0) {
    const lineStart = endTag.start - endIndentation.length;
    return { start: lineStart, end: lineStart, text: `${inner}${serialize(element, inner, style)}${style.eol}` };
  }
  return { start: endTag.start, end: endTag.start, text: serialize(element, void 0, style) };
}
function extent(fix) {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const edit of fix.edits) {
    start = Math.min(start, edit.offset);
    end = Math.max(end, edit.endOffset);
  }
  return { start, end };
}
function encoderFor(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return (text) => Buffer.from(text, "utf16le");
  if (bytes[0] === 254 && bytes[1] === 255) return (text) => Buffer.from(text, "utf16le").swap16();
  return (text) => Buffer.from(text, "utf8");
}
function applyFixes(bytes, fixes) {
  const encode = encoderFor(bytes);
  const ordered = fixes.filter((fix) => fix.edits.length > 0).map((fix) => ({ fix, ...extent(fix) })).sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces = [];
  const applied = [];
  let copied = 0;
  let lastEnd = -1;
  for (const { fix, start, end } of ordered) {
    if (start <= lastEnd) continue;
    for (const edit of [...fix.edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)) {
      pieces.push(Buffer.from(bytes.subarray(copied, edit.offset)), encode(edit.text));
      copied = edit.endOffset;
    }
    applied.push(fix);
    lastEnd = end;
  }
  pieces.push(Buffer.from(bytes.subarray(copied)));
  return { bytes: Buffer.concat(pieces), applied };
}

export {
  locateFix,
  escapeAttributeValue,
  applyFixes
};
