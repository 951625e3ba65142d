/**
 * A single pass over the source text that finds every start tag, attribute and comment with its
 * exact offsets, and builds the element tree from them. It trusts libxml2 to have rejected
 * malformed documents first; on malformed text it stops quietly with what it has (only comments are
 * then used, for fixture and suppression markers).
 *
 * With `deferStatus`, what is inside each child of `/cib/status` (a node state's resource history
 * and transient attributes: most of a live CIB's elements, which no built-in rule reads) is only
 * skipped over: its elements are counted, so every other element keeps its document-order index,
 * and made when that part of the tree is first asked for (`XmlElement.children`, or `complete()`).
 */
import { AttributeOffsets, decodeAttributeValue, endsName } from './attributes.js';
import { XmlElement, type XmlComment } from './element.js';

export interface ScanResult {
  root: XmlElement | undefined;
  /**
   * Every element in document order; `elements[i].index === i`. With `deferStatus`, the slots of
   * the elements not made yet hold undefined until `complete()`.
   */
  elements: Array<XmlElement | undefined>;
  comments: XmlComment[];
  /** A value referenced an entity declared in the DTD, which only libxml2 can expand. */
  usesDeclaredEntities: boolean;
  /** Makes every element that was deferred; afterwards `elements` has no empty slot. */
  complete(): XmlElement[];
}

export interface ScanOptions {
  /** Scan the content of `/cib/status/*` on first use (see above). */
  deferStatus?: boolean;
}

/** The rest of a start tag after its name: anything but quotes and `>`, and quoted values. */
const TAG_REST = /[^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*>/y;

/** What a pass needs besides the text: where it writes elements, comments and attributes. */
interface ScanState {
  readonly text: string;
  readonly offsets: AttributeOffsets;
  readonly elements: Array<XmlElement | undefined>;
  readonly comments: XmlComment[];
  readonly deferred: XmlElement[];
  readonly deferStatus: boolean;
  root: XmlElement | undefined;
  /** Set by a DOCTYPE: every value is then decoded as it is scanned (see scanXml). */
  eager: boolean;
  usesDeclaredEntities: boolean;
}

export function scanXml(text: string, options: ScanOptions = {}): ScanResult {
  const state: ScanState = {
    text,
    offsets: new AttributeOffsets(text),
    elements: [],
    comments: [],
    deferred: [],
    deferStatus: options.deferStatus === true,
    root: undefined,
    eager: false,
    usesDeclaredEntities: false,
  };
  scanRange(state, 0, text.length, [], 0);
  let completed = state.deferred.length === 0;
  return {
    root: state.root,
    elements: state.elements,
    comments: state.comments,
    usesDeclaredEntities: state.usesDeclaredEntities,
    complete() {
      if (!completed) {
        for (const element of state.deferred) element.scanDeferredContent();
        completed = true;
      }
      return state.elements as XmlElement[];
    },
  };
}

/**
 * Scans `text[at, end)` with `stack` as the open elements, giving elements document-order indexes
 * from `index` on. Only DOCTYPE makes values eager; otherwise attributes are parsed lazily, when a
 * rule first reads them.
 */
function scanRange(state: ScanState, at: number, end: number, stack: XmlElement[], index: number): void {
  const { text, elements, comments, offsets } = state;
  const pendingComments: XmlComment[] = [];

  while (at < end) {
    const open = text.indexOf('<', at);
    if (open < 0 || open >= end) break;
    const next = text.charCodeAt(open + 1);
    if (next === 33 /* ! */ && text.startsWith('<!--', open)) {
      const close = skipPast(text, '-->', open + 4);
      const comment: XmlComment = {
        text: text.slice(open + 4, close - 3),
        span: { start: open, end: close },
        nextElement: undefined,
      };
      comments.push(comment);
      pendingComments.push(comment);
      at = close;
    } else if (next === 33 && text.startsWith('<![CDATA[', open)) {
      at = skipPast(text, ']]>', open + 9);
    } else if (next === 63 /* ? */) {
      at = skipPast(text, '?>', open + 2);
    } else if (next === 33) {
      state.eager = true;
      at = skipDoctype(text, open);
    } else if (next === 47 /* / */) {
      at = skipPast(text, '>', open + 2);
      stack.pop()?.setEndTag(open, at);
    } else {
      const tag = startTag(text, open);
      if (tag === undefined) break;
      const { nameEnd, tagEnd, selfClosing } = tag;
      const parent = stack[stack.length - 1];
      const element = new XmlElement(text.slice(open + 1, nameEnd), parent, index, offsets, open, tagEnd, nameEnd);
      if (state.eager) {
        if (!element.parseAttributes()) break;
        if (element.rawAttributeValues().some((value) => decodeAttributeValue(value) === undefined)) state.usesDeclaredEntities = true;
      }
      if (pendingComments.length > 0) {
        for (const comment of pendingComments) comment.nextElement = element;
        pendingComments.length = 0;
      }
      elements[index++] = element;
      if (parent) parent.children.push(element);
      else state.root ??= element;
      at = tagEnd;
      if (selfClosing) continue;
      const skipped = state.deferStatus && !state.eager && isStatusEntry(parent) ? skipContent(text, tagEnd) : undefined;
      if (skipped === undefined) {
        stack.push(element);
        continue;
      }
      // The content is counted, not made: its slots stay empty until the element is asked for it.
      const first = index;
      for (let slot = 0; slot < skipped.count; slot++) elements[index++] = undefined;
      element.setEndTag(skipped.endTag, skipped.after);
      element.deferContent(first + skipped.count - 1, () => scanRange(state, tagEnd, skipped.endTag, [element], first));
      state.deferred.push(element);
      at = skipped.after;
    }
  }
}

/** Whether an element with this parent is a child of `/cib/status`. */
function isStatusEntry(parent: XmlElement | undefined): boolean {
  const root = parent?.parent;
  return parent !== undefined && parent.name === 'status' && root !== undefined && root.parent === undefined && root.name === 'cib';
}

/**
 * The end tag closing the element whose start tag ends at `from`, and how many start tags lie
 * before it: tags are only counted, no element is made. Undefined, and the content is then scanned
 * at once, when it holds anything but elements and text (a comment, which suppressions and markers
 * need; CDATA; a processing instruction) or is not well-formed as far as the scanner can tell.
 */
function skipContent(text: string, from: number): { endTag: number; after: number; count: number } | undefined {
  let depth = 0;
  let count = 0;
  let at = from;
  for (;;) {
    const open = text.indexOf('<', at);
    if (open < 0) return undefined;
    const next = text.charCodeAt(open + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) return undefined;
    if (next === 47 /* / */) {
      at = skipPast(text, '>', open + 2);
      if (depth === 0) return count === 0 ? undefined : { endTag: open, after: at, count };
      depth--;
      continue;
    }
    const tag = startTag(text, open);
    if (tag === undefined) return undefined;
    at = tag.tagEnd;
    count++;
    if (!tag.selfClosing) depth++;
  }
}

/**
 * The start tag at `open` (its `<`): where its name and the tag end, and whether it is an
 * empty-element tag. Undefined when it has no name or no closing `>` (text libxml2 rejected).
 * Scanning and skipping both read tags through this, so a skipped range holds exactly the
 * elements a scan of it makes.
 */
function startTag(text: string, open: number): { nameEnd: number; tagEnd: number; selfClosing: boolean } | undefined {
  let nameEnd = open + 1;
  while (nameEnd < text.length && !endsName(text.charCodeAt(nameEnd))) nameEnd++;
  if (nameEnd === open + 1) return undefined;
  TAG_REST.lastIndex = nameEnd;
  if (!TAG_REST.test(text)) return undefined;
  const tagEnd = TAG_REST.lastIndex;
  return { nameEnd, tagEnd, selfClosing: text.charCodeAt(tagEnd - 2) === 47 };
}

function skipPast(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found < 0 ? text.length : found + terminator.length;
}

/** Skips `<!DOCTYPE ... [ internal subset ] >` including quoted strings and comments inside. */
function skipDoctype(text: string, open: number): number {
  let depth = 0;
  let cursor = open + 2;
  while (cursor < text.length) {
    const c = text[cursor]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, cursor + 1);
      cursor = close < 0 ? text.length : close + 1;
      continue;
    }
    if (text.startsWith('<!--', cursor)) {
      const close = text.indexOf('-->', cursor + 4);
      cursor = close < 0 ? text.length : close + 3;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return cursor + 1;
    cursor++;
  }
  return text.length;
}

export { decodeAttributeValue } from './attributes.js';
