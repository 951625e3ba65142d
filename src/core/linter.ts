/**
 * The engine: loads one file, runs the enabled rules on it and turns their reports into findings
 * with exact positions. It knows the rule contract, never an individual rule.
 */
import { hash } from 'node:crypto';
import { Cib } from '../cib/model.js';
import type { XmlAttribute, XmlComment, XmlElement } from '../document/xml/element.js';
import { loadXml, type LoadedXml, type LoadResult } from '../document/xml/load.js';
import type { XmlDocument } from 'libxml2-wasm';
import { timed, TIMING_ENABLED } from './timing.js';
import { schemaErrors, type SchemaError } from '../document/xml/schemas.js';
import { DIAGNOSTICS } from './diagnostics.js';
import type { LineIndex } from '../document/xml/source.js';
import {
  formatMessage,
  type Level,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleOptions,
} from './rule.js';
import { compareText } from './order.js';

export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedFinding extends Location {
  message: string;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification: string;
}

export interface Finding extends Location {
  ruleId: string;
  level: Level;
  messageId: string;
  message: string;
  fix?: string;
  /** The CIB `id` of the reported element (or of the attribute's element), when it has one. */
  elementId?: string;
  /** Ids (or `name[n]`) from the root to the reported element. */
  idPath: string[];
  /** The attribute reported, when the finding points at one. */
  attribute?: string;
  /** Stable identity of the finding across reformatting: rule id, id path, attribute, message id. */
  fingerprint: string;
  related: RelatedFinding[];
  /** Present when a suppression applies; suppressed findings do not count towards failure. */
  suppressions?: Suppression[];
  /** Document-order index of the reported element (internal: fixture and suppression matching). */
  elementIndex?: number;
}

export interface FileResult {
  /** The path as given (or the `--stdin-filename`). */
  filePath: string;
  findings: Finding[];
  /** Problems that are not findings: a rule that crashed, an unreadable file. */
  errors: string[];
  /** Source lines, for code frames; absent when the file could not be read. */
  source?: string;
}

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
  postProcess?: (findings: Finding[], comments: XmlComment[], lines: LineIndex) => Finding[];
  /**
   * Whether each result keeps its source text (default true): only the text report's code frames
   * read it. Without it, a file's text can be collected as soon as the file is linted.
   */
  keepSource?: boolean;
}

/** Lints one file's bytes with the settings' rules. */
export function lintSource(bytes: Uint8Array, filePath: string, settings: LintSettings): FileResult {
  return lintLoaded(loadXml(bytes), filePath, settings);
}

function lintLoaded(loaded: LoadResult, filePath: string, settings: LintSettings): FileResult {
  const result: FileResult = { filePath, findings: [], errors: [] };
  if (!loaded.ok) {
    const { error } = loaded;
    if (settings.keepSource !== false) result.source = error.text;
    for (const { rule, level } of settings.rules) {
      if (!rule.checkUnparsable) continue;
      const chosen = level ?? rule.meta.levelFor?.(settings.options ?? {});
      runGuarded(rule, result, rule.checkUnparsable, {
        error: { message: error.message, ...error.position },
        reportAt: (descriptor) => result.findings.push(findingAt(rule, chosen, descriptor, error.lines)),
      });
    }
    result.findings = settings.postProcess?.(result.findings, error.comments, error.lines) ?? result.findings;
    sortFindings(result.findings);
    return result;
  }
  const { xml } = loaded;
  if (settings.keepSource !== false) result.source = xml.text;
  const errorsAgainst = (schemaPath: string): SchemaError[] => schemaErrors(schemaPath, xml);
  const positionOf = (target: XmlElement | XmlAttribute) => xml.lines.position(target.span.start);
  try {
    const cib = timed('stage: CIB model', () => new Cib(xml.root, xml.elements));
    const isCib = xml.root.name === 'cib';
    for (const step of planFor(settings).checkingOrder) {
      if (!isCib && !step.rule.meta.anyDocument) continue;
      const context = new CheckContext(xml, cib, step.options, {
        schemaErrors: errorsAgainst,
        positionOf,
        report: (descriptor) => result.findings.push(findingFor(step.rule, step.level, descriptor, xml.lines)),
        reportAt: (descriptor) => result.findings.push(findingAt(step.rule, step.level, descriptor, xml.lines)),
      });
      runGuarded(step.rule, result, step.rule.check, context, step.timingLabel);
    }
  } finally {
    timed('stage: freeing the libxml2 document', () => xml.dispose());
  }
  result.findings = dropDeferredFindings(result.findings, settings);
  result.findings = timed('stage: suppressions', () => settings.postProcess?.(result.findings, xml.comments, xml.lines) ?? result.findings);
  sortFindings(result.findings);
  return result;
}

/**
 * What one rule's check() receives for one file. A class, so that `libxmlDocument` is a getter on
 * the prototype: as a getter in an object literal (V8 appears to build such literals outside the
 * young generation), every context kept its file's element tree alive through the young
 * generation's collections until the next full one (--trace-gc-nvp): over the corpus 110 MB
 * promoted and 135 ms of scavenging, now 16 MB and 40 ms; test/memory.test.ts guards it. It is
 * made for one rule's check of one file and dies with it: a single context per file, re-aimed at
 * each rule in turn, lived long enough for V8 to allocate it in the old generation, with the same
 * effect (60 ms slower over the corpus). The functions are own properties, not methods: rules
 * destructure them.
 */
class CheckContext implements RuleContext {
  readonly #xml: LoadedXml;
  readonly schemaErrors: RuleContext['schemaErrors'];
  readonly positionOf: RuleContext['positionOf'];
  readonly report: RuleContext['report'];
  readonly reportAt: RuleContext['reportAt'];

  constructor(
    xml: LoadedXml,
    readonly cib: Cib,
    readonly options: RuleOptions,
    functions: Pick<RuleContext, 'schemaErrors' | 'positionOf' | 'report' | 'reportAt'>,
  ) {
    this.#xml = xml;
    this.schemaErrors = functions.schemaErrors;
    this.positionOf = functions.positionOf;
    this.report = functions.report;
    this.reportAt = functions.reportAt;
  }

  get libxmlDocument(): XmlDocument {
    return this.#xml.document;
  }
}

/**
 * A rule that throws loses only its own findings for this file: the failure becomes an
 * `internal-error` finding and a file error (exit code 2), and every other rule still runs.
 * `run` is the rule's check (or checkUnparsable), called with `context`: no closure per rule and file.
 */
function runGuarded<C>(rule: Rule, result: FileResult, run: (this: Rule, context: C) => void, context: C, timingLabel?: string): void {
  const before = result.findings.length;
  try {
    if (timingLabel !== undefined && TIMING_ENABLED) timed(timingLabel, () => run.call(rule, context));
    else run.call(rule, context);
  } catch (error) {
    // What the rule reported before it threw is incomplete: drop it, the internal-error says why.
    result.findings.length = before;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    result.errors.push(`rule ${rule.meta.id} failed: ${reason}`);
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
      idPath: [],
      fingerprint: fingerprintOf(meta.id, [], rule.meta.id, 'threw'),
      related: [],
    });
  }
}

/** Removes findings of `deferToOtherRules` rules on elements another rule already explains. */
function dropDeferredFindings(findings: Finding[], settings: LintSettings): Finding[] {
  const deferring = planFor(settings).deferringIds;
  if (deferring.size === 0) return findings;
  const explained = new Set<number>();
  for (const finding of findings) {
    // A note elsewhere on the element does not explain an error away; an error or warning does.
    if (!deferring.has(finding.ruleId) && finding.elementIndex !== undefined && finding.level !== 'note') {
      explained.add(finding.elementIndex);
    }
  }
  return findings.filter(
    (finding) => !deferring.has(finding.ruleId) || finding.elementIndex === undefined || !explained.has(finding.elementIndex),
  );
}

/** One enabled rule as every file of a run checks it: what it needs is worked out once per run. */
interface PlannedRule {
  rule: Rule;
  /** The configured level, or the one the rule chooses from the options; undefined: each message's own. */
  level: Level | undefined;
  /** The run's options with this rule's own. */
  options: RuleOptions;
  /** Its row in CIB_LINT_TIMING's table. */
  timingLabel: string;
}

/** What the engine derives from a run's settings, once: a run lints many files with the same settings. */
interface RulePlan {
  /** The enabled rules, in the settings' order. */
  checkingOrder: PlannedRule[];
  /** The `deferToOtherRules` rules. */
  deferringIds: Set<string>;
}

const plans = new WeakMap<LintSettings, RulePlan>();

function planFor(settings: LintSettings): RulePlan {
  let plan = plans.get(settings);
  if (!plan) {
    const { rules } = settings;
    const planned = ({ rule, level, options }: EnabledRule): PlannedRule => ({
      rule,
      level: level ?? rule.meta.levelFor?.(settings.options ?? {}),
      options: Object.freeze({ ...settings.options, ruleOptions: options }),
      timingLabel: `rule: ${rule.meta.id}`,
    });
    plan = {
      checkingOrder: rules.map(planned),
      deferringIds: new Set(rules.filter(({ rule }) => rule.meta.deferToOtherRules).map(({ rule }) => rule.meta.id)),
    };
    plans.set(settings, plan);
  }
  return plan;
}

function levelOf(rule: Rule, configured: Level | undefined, messageId: string): Level {
  return configured ?? rule.meta.messages[messageId]?.level ?? rule.meta.level;
}

function messageOf(rule: Rule, descriptor: Pick<ReportDescriptor, 'messageId' | 'data'>): string {
  const template = rule.meta.messages[descriptor.messageId];
  if (!template) throw new Error(`unknown messageId "${descriptor.messageId}"`);
  return formatMessage(template.text, descriptor.data);
}

function isAttribute(target: XmlElement | XmlAttribute): target is XmlAttribute {
  return 'owner' in target;
}

function locate(target: XmlElement | XmlAttribute | undefined, lines: LineIndex): Location {
  if (!target) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  // An element is shown by its `<name`; an attribute by `name="value"`.
  const start = target.span.start;
  const end = isAttribute(target) ? target.span.end : target.nameSpan.end;
  const from = lines.position(start);
  const to = lines.position(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export function fingerprintOf(ruleId: string, idPath: string[], attribute: string | undefined, messageId: string): string {
  return hash('sha256', [ruleId, idPath.join('/'), attribute ?? '', messageId].join('\u0000')).slice(0, 32);
}

/**
 * The finding's fields in the order reports show them, the optional ones only when present. Built
 * by assignment rather than object spreads: a large CIB can have thousands of findings, and the
 * spreads made each cost about 10 µs.
 */
function newFinding(rule: Rule, configured: Level | undefined, descriptor: Omit<ReportDescriptor, 'node'>, location: Location): Finding {
  const finding = {
    ruleId: rule.meta.id,
    level: levelOf(rule, configured, descriptor.messageId),
    messageId: descriptor.messageId,
    message: messageOf(rule, descriptor),
  } as Finding;
  if (descriptor.fix !== undefined) finding.fix = descriptor.fix;
  finding.line = location.line;
  finding.column = location.column;
  finding.endLine = location.endLine;
  finding.endColumn = location.endColumn;
  return finding;
}

function findingFor(rule: Rule, configured: Level | undefined, descriptor: ReportDescriptor, lines: LineIndex): Finding {
  const target = descriptor.node;
  const element = target === undefined ? undefined : isAttribute(target) ? target.owner : target;
  const attribute = target !== undefined && isAttribute(target) ? target.name : undefined;
  const idPath = element?.idPath() ?? [];
  const finding = newFinding(rule, configured, descriptor, locate(target, lines));
  if (element?.id !== undefined) finding.elementId = element.id;
  finding.idPath = idPath;
  if (attribute !== undefined) finding.attribute = attribute;
  finding.fingerprint = fingerprintOf(rule.meta.id, idPath, attribute, descriptor.messageId);
  finding.related = (descriptor.related ?? []).map(({ target: relatedTarget, message }) => ({ message, ...locate(relatedTarget, lines) }));
  if (element) finding.elementIndex = element.index;
  return finding;
}

/** A finding at a line that no element represents (libxml2 positions); its identity is the line. */
function findingAt(
  rule: Rule,
  configured: Level | undefined,
  descriptor: Omit<ReportDescriptor, 'node'> & { line: number; column?: number },
  lines: LineIndex,
): Finding {
  const line = Math.min(Math.max(descriptor.line, 1), lines.lineCount);
  const column = Math.max(descriptor.column ?? 1, 1);
  const finding = newFinding(rule, configured, descriptor, { line, column, endLine: line, endColumn: column });
  finding.idPath = [];
  finding.fingerprint = fingerprintOf(rule.meta.id, [], `line ${line}`, descriptor.messageId);
  finding.related = [];
  return finding;
}

export function sortFindings(findings: Finding[]): void {
  findings.sort(
    (a, b) => a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message),
  );
}
