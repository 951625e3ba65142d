/**
 * Fixes as text edits (the model is ESLint's source-code-fixer and markdownlint's applyFixes): a
 * rule describes a change on the scanned tree (CibEdit), this module turns it into replacements
 * of exact spans of the file, and applies the non-overlapping ones. Only the changed attribute or
 * element is touched: indentation, attribute order, quoting, comments and line endings elsewhere
 * stay byte for byte what they were.
 */
import type { SourceText } from '../document/document.js';
import type { Span, XmlAttribute, XmlElement } from '../document/xml/element.js';
import type { Fix, TextEdit } from './finding.js';
import type { CibEdit, FixDescriptor, NewElement } from './rule.js';

/** A replacement in the decoded text: `text` takes the place of `start`..`end`. */
interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** The finding's form of a rule's fix: its edits located by line, column and byte offset. */
export function locateFix(descriptor: FixDescriptor, source: SourceText): Fix {
  const style = styleOf(source.text);
  const replacements = descriptor.edits.flatMap((edit) => replacementsOf(edit, source.text, style));
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < replacements.length; i++) {
    const previous = replacements[i - 1]!;
    const current = replacements[i]!;
    // Two insertions at one point are fine (they keep their order); anything else overlapping is a rule's mistake.
    if (current.start < previous.end || (current.start === previous.end && current.start === current.end && previous.start !== previous.end)) {
      throw new Error(`fix "${descriptor.title}" edits one place twice`);
    }
  }
  const fix: Fix = { title: descriptor.title, edits: replacements.map((replacement) => locate(replacement, source)) };
  if (descriptor.commands !== undefined && descriptor.commands.length > 0) fix.commands = descriptor.commands.map((command) => [...command]);
  return fix;
}

function locate(replacement: Replacement, source: SourceText): TextEdit {
  const from = source.lines.position(replacement.start);
  const to = source.lines.position(replacement.end);
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: source.byteOffset(replacement.start),
    endOffset: source.byteOffset(replacement.end),
    text: replacement.text,
  };
}

/** How the file writes what an edit adds: its line break, and whether only ASCII may be written. */
interface Style {
  eol: string;
  asciiOnly: boolean;
}

function styleOf(text: string): Style {
  const lineBreak = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  // A file in a legacy single-byte encoding gets character references for anything beyond ASCII.
  const declared = /^\uFEFF?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1]?.toLowerCase();
  const asciiOnly = declared !== undefined && !/^(utf-?8|utf-?16(le|be)?)$/.test(declared);
  return { eol: lineBreak, asciiOnly };
}

/** A value as it must be written between `quote`s for a parser to read it back unchanged. */
export function escapeAttributeValue(value: string, quote: '"' | "'", asciiOnly = false): string {
  let escaped = value.replace(/[&<\t\n\r]/g, (character) => ENTITIES[character]!);
  escaped = quote === '"' ? escaped.replaceAll('"', '&quot;') : escaped.replaceAll("'", '&apos;');
  return asciiOnly ? escaped.replace(/[^\0-\x7f]/gu, (character) => `&#x${character.codePointAt(0)!.toString(16).toUpperCase()};`) : escaped;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

function quoteOf(text: string, attribute: XmlAttribute): '"' | "'" {
  return text[attribute.valueSpan.start - 1] === "'" ? "'" : '"';
}

function replacementsOf(edit: CibEdit, text: string, style: Style): Replacement[] {
  switch (edit.kind) {
    case 'setAttribute': {
      const existing = edit.element.attribute(edit.name);
      if (existing) {
        return [{ ...existing.valueSpan, text: escapeAttributeValue(edit.value, quoteOf(text, existing), style.asciiOnly) }];
      }
      return [insertAttribute(edit.element, edit.name, edit.value, text, style)];
    }
    case 'renameAttribute': {
      const { attribute } = edit;
      // A second attribute of one name is not well-formed XML.
      if (attribute.owner.has(edit.name)) throw new Error(`a fix would give <${attribute.owner.name}> a second ${edit.name}`);
      const nameEnd = attribute.span.start + attribute.name.length;
      const rename: Replacement = { start: attribute.span.start, end: nameEnd, text: edit.name };
      if (edit.value === undefined) return [rename];
      return [rename, { ...attribute.valueSpan, text: escapeAttributeValue(edit.value, quoteOf(text, attribute), style.asciiOnly) }];
    }
    case 'removeAttribute': {
      const { attribute } = edit;
      const siblings = attribute.owner.attributes;
      const position = siblings.indexOf(attribute);
      // The attribute and the space before it, so that the tag keeps its shape.
      const start = position > 0 ? siblings[position - 1]!.span.end : attribute.owner.nameSpan.end;
      return [{ start, end: attribute.span.end, text: '' }];
    }
    case 'removeElement':
      return [{ ...wholeLines(edit.element.outerSpan, text), text: '' }];
    case 'addElement':
      return [insertChild(edit.parent, edit.element, text, style)];
  }
}

/** After the element's last attribute: on a line of its own when the attributes are one per line. */
function insertAttribute(element: XmlElement, name: string, value: string, text: string, style: Style): Replacement {
  const attributes = element.attributes;
  const last = attributes[attributes.length - 1];
  const at = last ? last.span.end : element.nameSpan.end;
  const before = last ? text.slice(attributes.length > 1 ? attributes[attributes.length - 2]!.span.end : element.nameSpan.end, last.span.start) : ' ';
  const separator = /[\r\n]/.test(before) ? before : ' ';
  const quote = last ? quoteOf(text, last) : '"';
  return { start: at, end: at, text: `${separator}${name}=${quote}${escapeAttributeValue(value, quote, style.asciiOnly)}${quote}` };
}

/** The span widened to its whole lines when nothing but white space shares them. */
function wholeLines(span: Span, text: string): Span {
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const lineStartsBefore = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const lineEndsAfter = end === text.length || text[end] === '\n' || text[end] === '\r';
  if (!lineStartsBefore || !lineEndsAfter) return span;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (end < text.length) end += 1;
  return { start, end };
}

/** The white space before `offset` on its line, when only white space precedes it there. */
function indentationAt(offset: number, text: string): string | undefined {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r' ? text.slice(start, offset) : undefined;
}

/** The indentation one level in from `element`, as the file does it. */
function childIndentation(element: XmlElement, text: string): string | undefined {
  const own = indentationAt(element.span.start, text);
  if (own === undefined) return undefined;
  for (const child of element.children) {
    const indentation = indentationAt(child.span.start, text);
    if (indentation !== undefined) return indentation;
  }
  // Without a child to copy, the step from the parent's indentation to this element's.
  const parentIndentation = element.parent ? indentationAt(element.parent.span.start, text) : undefined;
  const step = parentIndentation !== undefined && own.startsWith(parentIndentation) && own.length > parentIndentation.length ? own.slice(parentIndentation.length) : '  ';
  return own + step;
}

function serialize(element: NewElement, indentation: string | undefined, style: Style): string {
  const attributes = Object.entries(element.attributes)
    .map(([name, value]) => ` ${name}="${escapeAttributeValue(value, '"', style.asciiOnly)}"`)
    .join('');
  const children = element.children ?? [];
  if (children.length === 0) return `<${element.name}${attributes}/>`;
  if (indentation === undefined) return `<${element.name}${attributes}>${children.map((child) => serialize(child, undefined, style)).join('')}</${element.name}>`;
  const inner = `${indentation}  `;
  return `<${element.name}${attributes}>${children.map((child) => `${style.eol}${inner}${serialize(child, inner, style)}`).join('')}${style.eol}${indentation}</${element.name}>`;
}

/** The new element as the last child of `parent`, laid out like the parent's other children. */
function insertChild(parent: XmlElement, element: NewElement, text: string, style: Style): Replacement {
  const inner = childIndentation(parent, text);
  const endTag = parent.endTagSpan;
  if (endTag === undefined) {
    // `<parent/>` becomes `<parent>` + the child + `</parent>`.
    const tagEnd = parent.span.end;
    const slash = text.lastIndexOf('/', tagEnd);
    const own = indentationAt(parent.span.start, text);
    const opened = inner === undefined || own === undefined
      ? `>${serialize(element, undefined, style)}</${parent.name}>`
      : `>${style.eol}${inner}${serialize(element, inner, style)}${style.eol}${own}</${parent.name}>`;
    return { start: slash, end: tagEnd, text: opened };
  }
  const endIndentation = indentationAt(endTag.start, text);
  if (inner !== undefined && endIndentation !== undefined) {
    const lineStart = endTag.start - endIndentation.length;
    return { start: lineStart, end: lineStart, text: `${inner}${serialize(element, inner, style)}${style.eol}` };
  }
  return { start: endTag.start, end: endTag.start, text: serialize(element, undefined, style) };
}

/** The span a fix's edits cover in the file's bytes. */
function extent(fix: Fix): { start: number; end: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const edit of fix.edits) {
    start = Math.min(start, edit.offset);
    end = Math.max(end, edit.endOffset);
  }
  return { start, end };
}

/** Encodes inserted text the way the file's bytes are encoded (BOM, else declared encoding, else UTF-8). */
export function encoderFor(bytes: Uint8Array): (text: string) => Buffer {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return (text) => Buffer.from(text, 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return (text) => Buffer.from(text, 'utf16le').swap16();
  // In a file of a single-byte encoding, escapeAttributeValue wrote non-ASCII as references.
  return (text) => Buffer.from(text, 'utf8');
}

export interface AppliedFixes {
  bytes: Buffer;
  /** The fixes applied, in file order; the others overlapped one of them. */
  applied: Fix[];
}

/**
 * Applies fixes to the file's bytes: sorted by position, each one whose span starts after the
 * previous applied one ends (ESLint's rule: touching spans wait for the next pass too, since the
 * second was made for a text the first has changed).
 */
export function applyFixes(bytes: Uint8Array, fixes: readonly Fix[]): AppliedFixes {
  const encode = encoderFor(bytes);
  const ordered = fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => ({ fix, ...extent(fix) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: Buffer[] = [];
  const applied: Fix[] = [];
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
