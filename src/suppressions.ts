/**
 * Suppressions: inline XML comments in the CIB (legal XML: no `--` inside), and suppressions by
 * element id in the configuration for CIBs nobody edits by hand. Suppressed findings are kept,
 * marked with SARIF-style `suppressions`, so they are counted and appear in SARIF.
 *
 *   <!-- cib-lint-disable-next-element bundle-unmanaged (reason: lab cluster) -->
 *   <!-- cib-lint-disable monitor-missing, fencing-disabled (reason: test CIB) -->
 *   ...
 *   <!-- cib-lint-enable monitor-missing, fencing-disabled -->
 */
import type { EffectiveConfig, IdSuppression } from './config.js';
import { DIAGNOSTICS } from './diagnostics.js';
import { fingerprintOf, type Finding, type Location } from './engine.js';
import { formatMessage, type RuleMeta } from './rule.js';
import type { XmlComment, XmlElement } from './xml/element.js';
import type { LineIndex } from './xml/source.js';

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

function lastIndexOfSubtree(element: XmlElement): number {
  let last = element;
  while (last.children.length > 0) last = last.children[last.children.length - 1]!;
  return last.index;
}

function before(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

interface Scope {
  directive: Directive;
  used: boolean;
  covers(finding: Finding): boolean;
}

function appliesTo(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

function inlineScopes(comments: XmlComment[], lines: LineIndex): Scope[] {
  const scopes: Scope[] = [];
  const open: { directive: Directive; from: { line: number; column: number } }[] = [];
  const close = (directive: Directive, to: { line: number; column: number } | undefined, ruleFilter?: string[]): void => {
    for (let i = open.length - 1; i >= 0; i--) {
      const region = open[i]!;
      const closes = !ruleFilter || ruleFilter.length === 0 || region.directive.rules.some((id) => ruleFilter.includes(id));
      if (!closes) continue;
      open.splice(i, 1);
      const { from } = region;
      scopes.push({
        directive: region.directive,
        used: false,
        covers: (finding) =>
          appliesTo(region.directive, finding.ruleId) && !before(finding, from) && (to === undefined || before(finding, to)),
      });
    }
    void directive;
  };
  for (const comment of comments) {
    const directive = parseDirective(comment);
    if (!directive) continue;
    if (directive.kind === 'disable-next-element') {
      const element = comment.nextElement;
      if (!element) continue;
      const first = element.index;
      const last = lastIndexOfSubtree(element);
      scopes.push({
        directive,
        used: false,
        covers: (finding) =>
          appliesTo(directive, finding.ruleId) && finding.elementIndex !== undefined && finding.elementIndex >= first && finding.elementIndex <= last,
      });
    } else if (directive.kind === 'disable') {
      open.push({ directive, from: lines.position(comment.span.end) });
    } else {
      close(directive, lines.position(comment.span.start), directive.rules);
    }
  }
  for (const region of [...open]) close(region.directive, undefined, region.directive.rules.length ? region.directive.rules : undefined);
  return scopes;
}

function commentLocation(comment: XmlComment, lines: LineIndex): Location {
  const from = lines.position(comment.span.start);
  const to = lines.position(comment.span.end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function diagnostic(meta: RuleMeta, messageId: string, data: Record<string, string>, at: Location, key: string): Finding {
  // Only the position is taken: `at` may be a whole finding.
  const { line, column, endLine, endColumn } = at;
  return {
    ruleId: meta.id,
    level: meta.level,
    messageId,
    message: formatMessage(meta.messages[messageId]!.text, data),
    line,
    column,
    endLine,
    endColumn,
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
  return (findings: Finding[], comments: XmlComment[], lines: LineIndex): Finding[] => {
    const scopes = options.inline ? inlineScopes(comments, lines) : [];
    const date = options.date ?? today();
    const extra: Finding[] = [];
    for (const finding of findings) {
      if (finding.ruleId === DIAGNOSTICS.internalError.id) continue;
      const suppressions: NonNullable<Finding['suppressions']> = [];
      for (const scope of scopes) {
        if (!scope.covers(finding)) continue;
        scope.used = true;
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
    const seen = new Set<Directive>();
    for (const scope of scopes) {
      if (seen.has(scope.directive)) continue;
      seen.add(scope.directive);
      const rules = scope.directive.rules.length > 0 ? scope.directive.rules.join(', ') : 'every rule';
      const location = commentLocation(scope.directive.comment, lines);
      const key = `${location.line}:${scope.directive.rules.join(',')}`;
      if (scope.directive.reason === undefined) {
        extra.push(diagnostic(DIAGNOSTICS.suppressionReason, 'missing', { rules }, location, key));
      }
      if (options.reportUnused && !scopes.some((other) => other.directive === scope.directive && other.used)) {
        extra.push(diagnostic(DIAGNOSTICS.unusedSuppression, 'unused', { rules }, location, key));
      }
    }
    return [...findings, ...extra];
  };
}
