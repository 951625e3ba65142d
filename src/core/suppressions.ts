/**
 * Suppressions: inline XML comments in the CIB (legal XML: no `--` inside), and suppressions by
 * element id in the configuration for CIBs nobody edits by hand. Suppressed findings are kept,
 * marked with SARIF-style `suppressions`, so they are counted and appear in SARIF.
 *
 *   <!-- cib-lint-disable-next-element bundle-unmanaged (reason: lab cluster) -->
 *   <!-- cib-lint-disable monitor-missing, fencing-disabled (reason: test CIB) -->
 *   <resources> ... <!-- cib-lint-enable monitor-missing, fencing-disabled --> ... </resources>
 *
 * A comment only ever covers the element after it and that element's subtree: a comment placed
 * before broken or appended text must not silence what follows it. `xml-well-formed` and
 * `internal-error` cannot be suppressed inline at all, since a CIB the tools cannot read (or did
 * not fully check) must never pass the gate on the strength of a comment inside it.
 */
import type { EffectiveConfig, IdSuppression } from '../app/config.js';
import { DIAGNOSTICS } from './diagnostics.js';
import { fingerprintOf, type Finding, type Location } from './finding.js';
import { formatMessage, type RuleMeta } from './rule.js';
import type { SourceText, XmlComment, XmlElement } from '../document/document.js';
import type { LineIndex } from '../document/xml/source.js';

export interface Directive {
  kind: 'disable-next-element' | 'disable' | 'enable';
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason: string | undefined;
  comment: XmlComment;
}

const DIRECTIVE = /^\s*cib-lint-(disable-next-element|disable|enable)(?=\s|$)([\s\S]*)$/;
const REASON = /\(\s*reason\s*:\s*([\s\S]*?)\s*\)\s*$/;

export function parseDirective(comment: XmlComment): Directive | undefined {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) return undefined;
  let rest = match[2]!;
  let reason: string | undefined;
  const reasonMatch = REASON.exec(rest);
  if (reasonMatch) {
    reason = reasonMatch[1]!.trim() || undefined;
    rest = rest.slice(0, reasonMatch.index);
  }
  const rules = rest.split(/[\s,]+/).filter(Boolean);
  return { kind: match[1] as Directive['kind'], rules, reason, comment };
}

function before(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** A piece of a directive's effect: a set of rules over a range. A directive may have several. */
interface Scope {
  directive: Directive;
  covers(finding: Finding): boolean;
}

/** The rules a scope applies to: only some, or all but some. */
type RuleSet = { only: Set<string> } | { except: Set<string> };

function ruleSetHas(set: RuleSet, ruleId: string): boolean {
  return 'only' in set ? set.only.has(ruleId) : !set.except.has(ruleId);
}

/** Findings no inline comment can suppress. */
export const NOT_SUPPRESSIBLE_INLINE: ReadonlySet<string> = new Set(['xml-well-formed', DIAGNOSTICS.internalError.id]);

interface OpenRegion {
  directive: Directive;
  /** The subtree the region covers: elements `first` to `last` in document order. */
  first: number;
  last: number;
  from: { line: number; column: number };
  /**
   * Where the subtree is over for findings that no element carries (a line libxml2 gave, column
   * often unknown): the line of the first element after it, which is not covered, or undefined at
   * the end of the file.
   */
  until: { line: number; column: number } | undefined;
  /** The rules still disabled; `enable` with ids takes them out one by one. */
  rules: RuleSet;
}

/** The first element after `element`'s subtree in document order, if any. */
function elementAfterSubtree(element: XmlElement): XmlElement | undefined {
  for (let node: XmlElement | undefined = element; node?.parent; node = node.parent) {
    const siblings = node.parent.children;
    const position = siblings.indexOf(node);
    if (position < siblings.length - 1) return siblings[position + 1];
  }
  return undefined;
}

/**
 * The scopes of the inline directives, and the directives that have scopes, in document order.
 * A `disable` region covers the element after the comment and its subtree, and within it stays
 * open per rule: `enable A` ends it for A only (for a blanket `disable`, every rule but A stays
 * suppressed); `enable` with no ids ends it for every rule.
 */
function inlineScopes(comments: readonly XmlComment[], lines: LineIndex): { directives: Directive[]; scopes: Scope[] } {
  const directives: Directive[] = [];
  const scopes: Scope[] = [];
  let open: OpenRegion[] = [];
  const close = (region: OpenRegion, rules: RuleSet, to: { line: number; column: number } | undefined): void => {
    const { from, until, first, last } = region;
    const inSubtree = (finding: Finding): boolean =>
      finding.elementIndex !== undefined
        ? finding.elementIndex >= first && finding.elementIndex <= last
        : !before(finding, from) && (until === undefined || finding.line < until.line);
    scopes.push({
      directive: region.directive,
      covers: (finding) => ruleSetHas(rules, finding.ruleId) && inSubtree(finding) && (to === undefined || before(finding, to)),
    });
  };
  for (const comment of comments) {
    const directive = parseDirective(comment);
    if (!directive) continue;
    if (directive.kind === 'disable-next-element') {
      const element = comment.nextElement;
      if (!element) continue;
      directives.push(directive);
      const first = element.index;
      const last = element.lastDescendantIndex;
      const rules: RuleSet = directive.rules.length > 0 ? { only: new Set(directive.rules) } : { except: new Set() };
      scopes.push({
        directive,
        covers: (finding) =>
          ruleSetHas(rules, finding.ruleId) && finding.elementIndex !== undefined && finding.elementIndex >= first && finding.elementIndex <= last,
      });
    } else if (directive.kind === 'disable') {
      directives.push(directive);
      // Before nothing (the end of the file, or text that is not XML) it covers nothing.
      const element = comment.nextElement;
      if (!element) continue;
      const rules: RuleSet = directive.rules.length > 0 ? { only: new Set(directive.rules) } : { except: new Set() };
      const after = elementAfterSubtree(element);
      open.push({
        directive,
        first: element.index,
        last: element.lastDescendantIndex,
        from: lines.position(comment.span.end),
        until: after && lines.position(after.span.start),
        rules,
      });
    } else {
      const to = lines.position(comment.span.start);
      if (directive.rules.length === 0) {
        for (const region of open) close(region, region.rules, to);
        open = [];
        continue;
      }
      const enabled = new Set(directive.rules);
      open = open.filter((region) => {
        if ('only' in region.rules) {
          const ending = [...region.rules.only].filter((id) => enabled.has(id));
          if (ending.length === 0) return true;
          close(region, { only: new Set(ending) }, to);
          const remaining = [...region.rules.only].filter((id) => !enabled.has(id));
          region.rules = { only: new Set(remaining) };
          return remaining.length > 0;
        }
        const except = region.rules.except;
        const ending = [...enabled].filter((id) => !except.has(id));
        if (ending.length > 0) {
          close(region, { only: new Set(ending) }, to);
          region.rules = { except: new Set([...except, ...ending]) };
        }
        return true;
      });
    }
  }
  for (const region of open) close(region, region.rules, undefined);
  return { directives, scopes };
}

/**
 * What identifies a directive across reformatting: its kind, its rule ids and the id path of the
 * element after it, never a line; `#n` tells identical ones apart in document order.
 */
function directiveKeys(directives: Directive[]): Map<Directive, string> {
  const keys = new Map<Directive, string>();
  const counts = new Map<string, number>();
  for (const directive of directives) {
    const base = [directive.kind, [...directive.rules].sort().join(','), directive.comment.nextElement?.idPath().join('/') ?? ''].join('|');
    const occurrence = (counts.get(base) ?? 0) + 1;
    counts.set(base, occurrence);
    keys.set(directive, `${base}#${occurrence}`);
  }
  return keys;
}

function commentLocation(comment: XmlComment, source: SourceText): Location {
  const from = source.lines.position(comment.span.start);
  const to = source.lines.position(comment.span.end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, offset: source.byteOffset(comment.span.start), endOffset: source.byteOffset(comment.span.end) };
}

function diagnostic(meta: RuleMeta, messageId: string, data: Record<string, string>, at: Location, key: string): Finding {
  // Only the position is taken: `at` may be a whole finding.
  const { line, column, endLine, endColumn, offset, endOffset } = at;
  return {
    ruleId: meta.id,
    level: meta.level,
    messageId,
    message: formatMessage(meta.messages[messageId]!.text, data),
    line,
    column,
    endLine,
    endColumn,
    offset,
    endOffset,
    idPath: [],
    fingerprint: fingerprintOf(meta.id, [], key, messageId),
    related: [],
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function idSuppressionFor(finding: Finding, suppressions: IdSuppression[]): IdSuppression | undefined {
  return suppressions.find((suppression) => suppression.rule === finding.ruleId && finding.idPath.includes(suppression.id));
}

export interface SuppressionOptions {
  /** Honour inline comments (`--no-inline-suppressions` turns them off for central policy). */
  inline: boolean;
  /** Report inline suppressions that suppress nothing. */
  reportUnused: boolean;
  /** The date suppressions expire against (YYYY-MM-DD); today by default. */
  date?: string;
}

export function postProcessFor(config: Pick<EffectiveConfig, 'suppressions' | 'file'>, options: SuppressionOptions) {
  // One date for the whole run, taken once rather than for every file.
  const date = options.date ?? today();
  return (findings: Finding[], comments: readonly XmlComment[], source: SourceText): Finding[] => {
    const { directives, scopes } = options.inline ? inlineScopes(comments, source.lines) : { directives: [], scopes: [] };
    const used = new Set<Directive>();
    const extra: Finding[] = [];
    for (const finding of findings) {
      if (finding.ruleId === DIAGNOSTICS.internalError.id) continue;
      const suppressions: NonNullable<Finding['suppressions']> = [];
      for (const scope of scopes) {
        if (NOT_SUPPRESSIBLE_INLINE.has(finding.ruleId) || !scope.covers(finding)) continue;
        used.add(scope.directive);
        suppressions.push({ kind: 'inSource', justification: scope.directive.reason ?? '' });
      }
      const byId = idSuppressionFor(finding, config.suppressions);
      if (byId) {
        if (byId.expires !== undefined && byId.expires <= date) {
          extra.push(
            diagnostic(
              DIAGNOSTICS.suppressionExpired,
              'expired',
              { rule: byId.rule, id: byId.id, file: config.file ?? 'the configuration', expires: byId.expires },
              finding,
              `${byId.rule}|${byId.id}|${finding.fingerprint}`,
            ),
          );
        } else {
          suppressions.push({ kind: 'external', justification: byId.reason });
        }
      }
      if (suppressions.length > 0) finding.suppressions = suppressions;
    }
    const keys = directiveKeys(directives);
    for (const directive of directives) {
      const rules = directive.rules.length > 0 ? directive.rules.join(', ') : 'every rule';
      const location = commentLocation(directive.comment, source);
      const key = keys.get(directive)!;
      if (directive.reason === undefined) {
        extra.push(diagnostic(DIAGNOSTICS.suppressionReason, 'missing', { rules }, location, key));
      }
      if (options.reportUnused && !used.has(directive)) {
        extra.push(diagnostic(DIAGNOSTICS.unusedSuppression, 'unused', { rules }, location, key));
      }
    }
    return [...findings, ...extra];
  };
}
