/**
 * The linter: runs the enabled rules on one loaded document and turns their reports into findings
 * with exact positions. It knows the rule contract, never an individual rule, and never touches
 * the file system: the app layer reads files and loads them (src/document).
 */
import { Cib } from '../cib/model.js';
import { assumeVersion, PacemakerModel } from '../cib/pacemaker.js';
import type { CibDocument, LoadResult, SourceText, XmlAttribute, XmlComment, XmlElement } from '../document/document.js';
import { timed, TIMING_ENABLED } from './timing.js';
import { DIAGNOSTICS } from './diagnostics.js';
import { fingerprintOf, sortFindings, type FileResult, type Finding, type Location } from './finding.js';
import { locateFix } from './fixes.js';
import { clipValue, formatMessage, type Level, type ReportDescriptor, type Rule, type RuleContext, type RuleOptions } from './rule.js';

export type { FileResult, Finding, Location } from './finding.js';

export interface EnabledRule {
  rule: Rule;
  /** The level the user configured; undefined keeps each message's default level. */
  level?: Level;
  options?: Record<string, unknown>;
}

export interface LintSettings {
  rules: EnabledRule[];
  options?: Omit<RuleOptions, 'ruleOptions'>;
  /** Hook run with every parsed file's comments and findings (inline suppressions). */
  postProcess?: (findings: Finding[], comments: readonly XmlComment[], source: SourceText) => Finding[];
  /**
   * Whether each result keeps its source text (default true): only the text report's code frames
   * read it. Without it, a file's text can be collected as soon as the file is linted.
   */
  keepSource?: boolean;
}

export interface Linter {
  /** Lints one loaded file; the caller still owns (and disposes) the document. */
  lint(loaded: LoadResult, filePath: string): FileResult;
}

/** A linter for one set of rules and options: what every file needs is worked out once, here. */
export function createLinter(settings: LintSettings): Linter {
  const checkingOrder = settings.rules.map(({ rule, level, options }): PlannedRule => ({
    rule,
    level,
    options: Object.freeze({ ...settings.options, ruleOptions: options }),
    timingLabel: `rule: ${rule.meta.id}`,
  }));
  return {
    lint(loaded, filePath) {
      const result = loaded.ok ? lintDocument(loaded.document, filePath, checkingOrder, settings) : lintUnparsable(loaded.unparsable, filePath, checkingOrder, settings);
      sortFindings(result.findings);
      return result;
    },
  };
}

/** One enabled rule as every file of a run checks it. */
interface PlannedRule {
  rule: Rule;
  /** The configured level; undefined: the rule's choice for the file's Pacemaker version, or each message's own. */
  level: Level | undefined;
  /** The run's options with this rule's own. */
  options: RuleOptions;
  /** Its row in CIB_LINT_TIMING's table. */
  timingLabel: string;
}

function lintUnparsable(
  unparsable: Extract<LoadResult, { ok: false }>['unparsable'],
  filePath: string,
  rules: PlannedRule[],
  settings: LintSettings,
): FileResult {
  const result: FileResult = { filePath, findings: [], errors: [] };
  if (settings.keepSource !== false) result.source = unparsable.text;
  const pacemaker = new PacemakerModel(assumeVersion(undefined, () => undefined, settings.options?.pacemakerVersion));
  for (const { rule, level: configured } of rules) {
    if (!rule.checkUnparsable) continue;
    const level = levelChooser(rule, configured, pacemaker);
    runGuarded(rule, result, rule.checkUnparsable, {
      error: { message: unparsable.message, ...unparsable.position },
      reportAt: (descriptor) => result.findings.push(findingAt(rule, level, descriptor, unparsable)),
    });
  }
  result.findings = settings.postProcess?.(result.findings, unparsable.comments, unparsable) ?? result.findings;
  return result;
}

function lintDocument(document: CibDocument, filePath: string, rules: PlannedRule[], settings: LintSettings): FileResult {
  const result: FileResult = { filePath, findings: [], errors: [] };
  if (settings.keepSource !== false) result.source = document.text;
  const secondary = new Set<Finding>();
  const cib = timed('stage: CIB model', () => new Cib(document.root, () => document.elements));
  const isCib = document.root.name === 'cib';
  const assumed = assumeVersion(document.root, (name) => (isCib ? cib.clusterOption(name)?.value : undefined), settings.options?.pacemakerVersion);
  const pacemaker = new PacemakerModel(assumed);
  if (isCib) result.pacemaker = assumed;
  const positionOf = (target: XmlElement | XmlAttribute) => document.lines.position(target.span.start);
  const schemaErrors = (schemaPath: string) => document.schemaErrors(schemaPath);
  for (const step of rules) {
    if (!isCib && !step.rule.meta.anyDocument) continue;
    const level = levelChooser(step.rule, step.level, pacemaker);
    const context: RuleContext = {
      cib,
      pacemaker,
      document,
      options: step.options,
      schemaErrors,
      positionOf,
      report: (descriptor) => {
        const finding = findingFor(step.rule, level, descriptor, document);
        if (descriptor.secondary) secondary.add(finding);
        result.findings.push(finding);
      },
      reportAt: (descriptor) => result.findings.push(findingAt(step.rule, level, descriptor, document)),
    };
    runGuarded(step.rule, result, step.rule.check, context, step.timingLabel);
  }
  if (secondary.size > 0) result.findings = withoutExplainedSecondaries(result.findings, secondary);
  result.findings = timed('stage: suppressions', () => settings.postProcess?.(result.findings, document.comments, document) ?? result.findings);
  return result;
}

/**
 * A rule that throws (or whose check returns a promise that rejects) loses only its own findings
 * for this file: the failure becomes an `internal-error` finding and a file error (exit code 2),
 * and every other rule still runs.
 */
function runGuarded<C extends object>(rule: Rule, result: FileResult, run: (this: Rule, context: C) => unknown, context: C, timingLabel?: string): void {
  const before = result.findings.length;
  // A report after the check has returned (from an async check, or a timer) would land in a
  // report already sorted and suppressed, or already written: it is dropped.
  let open = true;
  const guarded = { ...context };
  for (const key of ['report', 'reportAt'] as const) {
    const report = (context as Record<string, unknown>)[key];
    if (typeof report === 'function') (guarded as Record<string, unknown>)[key] = (...args: unknown[]) => (open ? report(...args) : undefined);
  }
  try {
    const returned = timingLabel !== undefined && TIMING_ENABLED ? timed(timingLabel, () => run.call(rule, guarded)) : run.call(rule, guarded);
    if (returned instanceof Promise) {
      // Checks are synchronous: a promise's findings would come after the file's report.
      returned.catch(() => undefined);
      throw new Error('check() returned a promise; rules must be synchronous');
    }
  } catch (error) {
    // What the rule reported before it threw is incomplete: drop it, the internal-error says why.
    result.findings.length = before;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    result.errors.push(`rule ${rule.meta.id} failed: ${clipValue(reason, TEXT_LIMIT)}`);
    const meta = DIAGNOSTICS.internalError;
    result.findings.push({
      ruleId: meta.id,
      level: meta.level,
      messageId: 'threw',
      message: formatMessage(meta.messages.threw.text, { rule: rule.meta.id, reason }),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      offset: 0,
      endOffset: 0,
      idPath: [],
      fingerprint: fingerprintOf(meta.id, [], rule.meta.id, 'threw'),
      related: [],
    });
  } finally {
    open = false;
  }
}

/**
 * Drops the secondary findings another rule explains: one on an attribute gives way to another
 * rule's finding on that attribute; one on an element, to another rule's finding on the element
 * or one of its attributes. Only an error or warning at least as severe explains: a note never
 * does, and a warning about something else on the element (no monitor op) must not hide an error
 * Pacemaker refuses the CIB for.
 */
function withoutExplainedSecondaries(findings: Finding[], secondary: ReadonlySet<Finding>): Finding[] {
  // The most severe level of other rules' findings, by element (on it or any of its attributes)
  // and by `element@attribute`.
  const explaining = new Map<string, number>();
  const raise = (key: string, severity: number) => explaining.set(key, Math.max(explaining.get(key) ?? 0, severity));
  for (const finding of findings) {
    if (secondary.has(finding) || finding.elementIndex === undefined || finding.level === 'note') continue;
    raise(`${finding.elementIndex}`, SEVERITY[finding.level]);
    if (finding.attribute !== undefined) raise(`${finding.elementIndex}@${finding.attribute}`, SEVERITY[finding.level]);
  }
  return findings.filter((finding) => {
    if (!secondary.has(finding) || finding.elementIndex === undefined) return true;
    const key = finding.attribute === undefined ? `${finding.elementIndex}` : `${finding.elementIndex}@${finding.attribute}`;
    return (explaining.get(key) ?? 0) < SEVERITY[finding.level];
  });
}

const SEVERITY: Record<Level, number> = { note: 1, warning: 2, error: 3 };

/** A finding's level, by message: the user's choice for the rule, else the rule's for this Pacemaker version, else the message's own. */
type LevelChooser = (messageId: string) => Level;

function levelChooser(rule: Rule, configured: Level | undefined, pacemaker: PacemakerModel): LevelChooser {
  if (configured !== undefined) return () => configured;
  const { levelFor, messages, level } = rule.meta;
  return (messageId) => levelFor?.(pacemaker, messageId) ?? messages[messageId]?.level ?? level;
}

function messageOf(rule: Rule, descriptor: Pick<ReportDescriptor, 'messageId' | 'data'>): string {
  const template = rule.meta.messages[descriptor.messageId];
  if (!template) throw new Error(`unknown messageId "${descriptor.messageId}"`);
  return formatMessage(template.text, descriptor.data);
}

function isAttribute(target: XmlElement | XmlAttribute): target is XmlAttribute {
  return 'owner' in target;
}

function locate(target: XmlElement | XmlAttribute | undefined, source: SourceText): Location {
  if (!target) return { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
  // An element is shown by its `<name`; an attribute by `name="value"`.
  const start = target.span.start;
  const end = isAttribute(target) ? target.span.end : target.nameSpan.end;
  const from = source.lines.position(start);
  const to = source.lines.position(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, offset: source.byteOffset(start), endOffset: source.byteOffset(end) };
}

/**
 * The longest suggestion or related message kept whole. A clipped suggestion ends in
 * `… (N characters)`: cut inside a quoted word or not, a shell refuses to run what is left.
 */
const TEXT_LIMIT = 1000;

/**
 * The finding's fields in the order reports show them, the optional ones only when present. Built
 * by assignment rather than object spreads: a large CIB can have thousands of findings.
 */
function newFinding(rule: Rule, levelOf: LevelChooser, descriptor: Omit<ReportDescriptor, 'node'>, location: Location, source?: SourceText): Finding {
  const finding = {
    ruleId: rule.meta.id,
    level: levelOf(descriptor.messageId),
    messageId: descriptor.messageId,
    message: messageOf(rule, descriptor),
  } as Finding;
  if (descriptor.suggestion !== undefined) finding.suggestion = clipValue(descriptor.suggestion, TEXT_LIMIT);
  if (source !== undefined) {
    if (descriptor.fixes !== undefined && descriptor.fixes.length > 0) finding.fixes = descriptor.fixes.map((fix) => locateFix(fix, source));
    if (descriptor.suggestions !== undefined && descriptor.suggestions.length > 0) finding.suggestions = descriptor.suggestions.map((fix) => locateFix(fix, source));
  }
  finding.line = location.line;
  finding.column = location.column;
  finding.endLine = location.endLine;
  finding.endColumn = location.endColumn;
  finding.offset = location.offset;
  finding.endOffset = location.endOffset;
  return finding;
}

function findingFor(rule: Rule, levelOf: LevelChooser, descriptor: ReportDescriptor, source: SourceText): Finding {
  const target = descriptor.node;
  const element = target === undefined ? undefined : isAttribute(target) ? target.owner : target;
  const attribute = target !== undefined && isAttribute(target) ? target.name : undefined;
  const idPath = element?.idPath() ?? [];
  const finding = newFinding(rule, levelOf, descriptor, locate(target, source), source);
  if (element?.id !== undefined) finding.elementId = element.id;
  finding.idPath = idPath;
  if (attribute !== undefined) finding.attribute = attribute;
  finding.fingerprint = fingerprintOf(rule.meta.id, idPath, attribute, descriptor.messageId);
  finding.related = (descriptor.related ?? []).map(({ target: relatedTarget, message }) => ({ message: clipValue(message, TEXT_LIMIT), ...locate(relatedTarget, source) }));
  if (element) finding.elementIndex = element.index;
  return finding;
}

/** A finding at a line that no element represents (libxml2 positions); its identity is the line. */
function findingAt(
  rule: Rule,
  levelOf: LevelChooser,
  descriptor: Omit<ReportDescriptor, 'node'> & { line: number; column?: number },
  source: SourceText,
): Finding {
  const { lines } = source;
  const line = Math.min(Math.max(descriptor.line, 1), lines.lineCount);
  const lineStart = lines.offsetOf(line);
  const lineEnd = line < lines.lineCount ? lines.offsetOf(line + 1) : source.text.length;
  const column = Math.max(descriptor.column ?? 1, 1);
  const offset = source.byteOffset(Math.min(lineStart + column - 1, lineEnd));
  const finding = newFinding(rule, levelOf, descriptor, { line, column, endLine: line, endColumn: column, offset, endOffset: offset }, source);
  finding.idPath = [];
  finding.fingerprint = fingerprintOf(rule.meta.id, [], `line ${line}`, descriptor.messageId);
  finding.related = [];
  return finding;
}
