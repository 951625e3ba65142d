/**
 * What a lint run hands to the formatters: files with their findings and the metadata of the
 * rules that ran. Formatters read only this; they know nothing about XML.
 */
import type { FileResult, Finding } from '../core/linter.js';
import type { Level, RuleMeta } from '../core/rule.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { levelRank } from '../core/rule.js';
import { ruleDocsUrl } from '../core/meta.js';
import { DIAGNOSTIC_METAS } from '../core/diagnostics.js';
import { compareText } from '../core/order.js';

export interface LintReport {
  files: FileResult[];
  /** Metadata of every rule that ran, in id order. */
  rules: RuleMeta[];
  /** The folder that file paths are shown relative to (the repository root in CI). */
  root: string;
  /**
   * The repository's root (the git top level, or GITHUB_WORKSPACE), when it is not `root`: SARIF
   * paths are relative to it, as code scanning reads them, whichever folder the run started in.
   */
  repositoryRoot?: string;
}

export interface Counts {
  error: number;
  warning: number;
  note: number;
  suppressed: number;
  /** Files that could not be linted completely (unreadable, a rule crashed). */
  fileErrors: number;
}

/** The docs link of a rule that ran (undefined when it has none). */
export function docsLink(report: LintReport, ruleId: string): string | undefined {
  // Asked for every finding (thousands over a directory of CIBs): the report's rules are looked up once.
  let links = docsLinks.get(report);
  if (!links) {
    links = new Map();
    // The engine's own diagnostics never "ran", but their findings have documentation too.
    for (const meta of [...DIAGNOSTIC_METAS, ...report.rules]) links.set(meta.id, ruleDocsUrl(meta));
    docsLinks.set(report, links);
  }
  return links.get(ruleId);
}

const docsLinks = new WeakMap<LintReport, Map<string, string | undefined>>();

/** `path` relative to `root` with `/` separators, or undefined when it lies outside `root`. */
export function relativeInside(root: string, path: string): string | undefined {
  const inside = relative(root, resolve(root, path));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}

/** A file as text and annotations show it: an absolute path inside the root becomes relative. */
export function shownPath(filePath: string, root: string): string {
  if (filePath === '<stdin>' || !isAbsolute(filePath)) return filePath;
  return relativeInside(root, filePath) ?? filePath;
}

export function isActive(finding: Finding): boolean {
  return !finding.suppressions || finding.suppressions.length === 0;
}

export function countFindings(files: FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, note: 0, suppressed: 0, fileErrors: 0 };
  for (const file of files) {
    if (file.errors.length > 0) counts.fileErrors++;
    for (const finding of file.findings) {
      if (isActive(finding)) counts[finding.level]++;
      else counts.suppressed++;
    }
  }
  return counts;
}

/** Findings ordered worst first, then by file, line and column (annotation caps keep the worst). */
export function worstFirst(files: FileResult[]): { file: FileResult; finding: Finding }[] {
  const all = files.flatMap((file) => file.findings.filter(isActive).map((finding) => ({ file, finding })));
  return all.sort(
    (a, b) =>
      levelRank(b.finding.level) - levelRank(a.finding.level) ||
      compareText(a.file.filePath, b.file.filePath) ||
      a.finding.line - b.finding.line ||
      a.finding.column - b.finding.column,
  );
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function summaryLine(counts: Counts): string {
  const problems = counts.error + counts.warning + counts.note;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.note, 'note')];
  let line = `${plural(problems, 'problem')} (${parts.join(', ')})`;
  if (counts.suppressed > 0) line += `, ${counts.suppressed} suppressed`;
  if (counts.fileErrors > 0) line += `, ${plural(counts.fileErrors, 'file')} not fully linted`;
  return line;
}


/**
 * Characters that XML 1.0 cannot carry even as a character reference (C0 controls but tab,
 * newline and carriage return; U+FFFE, U+FFFF; lone surrogates, which the `u` flag matches alone)
 * are shown as `\uXXXX` text instead: a finding's message quotes the CIB, which may hold them.
 */
const XML_UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
// A line break is a reference in element content too: the parsed text is the same, and no text
// of the CIB begins a line of the file, where a CI log that shows it would read `::` as a command.
const XML_TEXT_SPECIAL = /[&<>\r\n]/g;
// Tab, newline and carriage return are references in attributes: a parser turns them into spaces.
const XML_ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/g;
const XML_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function visibleCodeUnit(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` as XML 1.0 element content (the XML formats: junit, checkstyle). */
export function xmlText(text: string): string {
  return text.replace(XML_UNREPRESENTABLE, visibleCodeUnit).replace(XML_TEXT_SPECIAL, (c) => XML_REFERENCES[c]!);
}

/** `text` as an XML 1.0 attribute value in double or single quotes, kept exactly through parsing. */
export function xmlAttribute(text: string): string {
  return text.replace(XML_UNREPRESENTABLE, visibleCodeUnit).replace(XML_ATTRIBUTE_SPECIAL, (c) => XML_REFERENCES[c]!);
}
