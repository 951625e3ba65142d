/**
 * SARIF 2.1.0 as GitHub code scanning reads it (docs: "SARIF support for code scanning"): full
 * `rules[]` metadata, one location per result relative to `%SRCROOT%` (the repository root, from
 * whichever folder the run started in), the rule's whole docs page as `help.markdown` (GitHub
 * shows it on the alert and ignores `helpUri`), and our own fingerprint under a key of its own —
 * `primaryLocationLineHash` is left to upload-sarif, which computes it. Suppressed findings are
 * left out unless asked for: code scanning shows every result it gets as an open alert.
 */
import type { Formatter } from './formatter.js';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL, ruleDocsUrl, TOOL_NAME, TOOL_VERSION } from '../core/meta.js';
import type { Finding, Location } from '../core/linter.js';
import { isActive, relativeInside, type LintReport } from './report.js';
import { ruleDocsPage } from '../core/rule-docs.js';
import { DIAGNOSTIC_METAS } from '../core/diagnostics.js';
import { LEVELS, type Level, type RuleMeta } from '../core/rule.js';
import { compareText } from '../core/order.js';
import { outputText } from './chunks.js';
import type { FormatContext } from './formatter.js';
import { jsonPieces, streamed } from './json-stream.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'cibLint/v1';
const SARIF_TEXT_LIMIT = 1024;
/** GitHub code scanning rejects a run with more results than this. */
export const SARIF_RESULT_LIMIT = 25_000;

const PROBLEM_SEVERITY: Record<Level, string> = { error: 'error', warning: 'warning', note: 'recommendation' };

function clip(text: string): string {
  return text.length <= SARIF_TEXT_LIMIT ? text : `${text.slice(0, SARIF_TEXT_LIMIT - 1)}…`;
}

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** A docs page with its relative links made absolute: on an alert page they would lead nowhere. */
function withAbsoluteLinks(markdown: string, pageUrl: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
    return `](${new URL(target, pageUrl).href})`;
  });
}

export function sarifRule(meta: RuleMeta): ReportingDescriptor {
  const url = ruleDocsUrl(meta);
  const constraint = `${meta.constraint.title} (${meta.constraint.source})`;
  // A built-in rule's page (docs/rules/<id>.md, carried in the bundle); others get a summary.
  const page = url === undefined ? undefined : ruleDocsPage(meta.id);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: clip(meta.description) },
    fullDescription: { text: clip(`${meta.description}. Enforces: ${constraint}.`) },
    ...(url && { helpUri: url }),
    help: {
      text: `${meta.description}\nEnforces: ${constraint}${url ? `\nDocumentation: ${url}` : ''}`,
      markdown:
        page !== undefined && url !== undefined
          ? `${withAbsoluteLinks(page.trimEnd(), url)}\n\n[This page on GitHub](${url})`
          : `${meta.description}\n\n**Enforces:** ${meta.constraint.title} — ${meta.constraint.source}${url ? `\n\n[Documentation, examples and fixes](${url})` : ''}`,
    },
    defaultConfiguration: { level: meta.level },
    properties: {
      tags: [...meta.tags],
      precision: 'very-high',
      'problem.severity': PROBLEM_SEVERITY[meta.level],
    },
  };
}

function region(location: Location) {
  return {
    startLine: location.line,
    startColumn: location.column,
    endLine: location.endLine,
    // SARIF regions need a non-empty span on one line: widen a point to one character.
    endColumn: location.endLine === location.line ? Math.max(location.endColumn, location.column + 1) : location.endColumn,
  };
}

/** The folder SARIF paths are relative to: the repository's root when the run knows it. */
function sarifRoot(report: LintReport): string {
  return report.repositoryRoot ?? report.root;
}

function artifactLocation(filePath: string, report: LintReport) {
  if (filePath === '<stdin>') return { uri: 'stdin' };
  // A path as the report holds it is relative to report.root (the working directory); the URI is
  // relative to the repository root, which code scanning resolves it against.
  const absolute = resolve(report.root, filePath);
  const inside = relativeInside(sarifRoot(report), absolute);
  if (inside !== undefined) return { uri: inside.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(absolute).href };
}

function result(finding: Finding, filePath: string, report: LintReport, ruleIndex: number): Result {
  const location = artifactLocation(filePath, report);
  const message = finding.suggestion ? `${finding.message}. Fix: ${finding.suggestion}` : finding.message;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    message: { text: message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(finding) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.related.length > 0 && {
      relatedLocations: finding.related.map((related, id) => ({
        id,
        message: { text: related.message },
        physicalLocation: { artifactLocation: location, region: region(related) },
      })),
    }),
    ...(finding.suppressions && finding.suppressions.length > 0 && {
      suppressions: finding.suppressions.map((suppression) => ({
        kind: suppression.kind,
        justification: suppression.justification,
      })),
    }),
    // SARIF 2.1.0 §3.55: the safe fixes, as byte ranges of the file and the text that replaces them.
    ...(finding.fixes && {
      fixes: finding.fixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: [{
          artifactLocation: location,
          replacements: fix.edits.map((edit) => ({
            deletedRegion: { byteOffset: edit.offset, byteLength: edit.endOffset - edit.offset },
            ...(edit.text !== '' && { insertedContent: { text: edit.text } }),
          })),
        }],
      })),
    }),
    properties: {
      idPath: finding.idPath,
      ...(finding.elementId !== undefined && { elementId: finding.elementId }),
    },
  };
}

/** Which findings a capped run keeps: the worst first, suppressed ones last. */
function bucketOf(finding: Finding): number {
  return finding.suppressions !== undefined && finding.suppressions.length > 0 ? 3 : 2 - LEVELS.indexOf(finding.level);
}

const BUCKET_NAMES = ['error', 'warning', 'note', 'suppressed'] as const;

export interface SarifCap {
  /** Results written, and findings in the report. */
  written: number;
  total: number;
  /** Findings left out, by level (suppressed ones counted apart). */
  omitted: Record<(typeof BUCKET_NAMES)[number], number>;
}

/**
 * What a SARIF run of this report leaves out to stay within SARIF_RESULT_LIMIT; undefined when
 * every finding fits. `limit` is for tests.
 */
export function sarifCap(report: LintReport, limit = SARIF_RESULT_LIMIT, options: SarifOptions = {}): SarifCap | undefined {
  return capPlan(options.suppressed === true ? report : withoutSuppressed(report), limit).cap;
}

/** The report as SARIF holds it by default: suppressed findings left out. */
function withoutSuppressed(report: LintReport): LintReport {
  return { ...report, files: report.files.map((file) => ({ ...file, findings: file.findings.filter(isActive) })) };
}

/** The cap, and a test that says whether a finding (taken in report order) is written. */
function capPlan(report: LintReport, limit: number): { cap: SarifCap | undefined; keep: (finding: Finding) => boolean } {
  const perBucket = [0, 0, 0, 0];
  for (const file of report.files) for (const finding of file.findings) perBucket[bucketOf(finding)]!++;
  const total = perBucket.reduce((sum, count) => sum + count, 0);
  if (total <= limit) return { cap: undefined, keep: () => true };
  // Whole buckets while they fit, then the first findings of the next one in report order.
  const quota = [0, 0, 0, 0];
  let left = limit;
  for (const [bucket, count] of perBucket.entries()) {
    quota[bucket] = Math.min(count, left);
    left -= quota[bucket]!;
  }
  const omitted = Object.fromEntries(BUCKET_NAMES.map((name, bucket) => [name, perBucket[bucket]! - quota[bucket]!])) as SarifCap['omitted'];
  return {
    cap: { written: limit, total, omitted },
    keep: (finding) => {
      const bucket = bucketOf(finding);
      if (quota[bucket]! <= 0) return false;
      quota[bucket]!--;
      return true;
    },
  };
}

/** The sentence that says what a capped run left out (the run's notification, stderr, the job summary). */
export function capNote(cap: SarifCap): string {
  const left = BUCKET_NAMES.filter((name) => cap.omitted[name] > 0).map((name) => `${cap.omitted[name]} ${name}`);
  return (
    `SARIF holds ${cap.written} of ${cap.total} findings (the worst first; GitHub code scanning accepts ` +
    `${SARIF_RESULT_LIMIT} results per run); left out: ${left.join(', ')}. Every finding is in the JSON or text report.`
  );
}

export interface SarifOptions {
  /** Keep suppressed findings, with their `suppressions[]` (`--sarif-suppressed`). */
  suppressed?: boolean;
}

export function buildSarif(report: LintReport, limit = SARIF_RESULT_LIMIT, options: SarifOptions = {}): Log {
  return sarifLog(report, limit, options).log;
}

function sarifLog(everything: LintReport, limit: number, options: SarifOptions): { log: Log; cap: SarifCap | undefined } {
  const leftOut = options.suppressed === true ? 0 : everything.files.reduce((sum, file) => sum + file.findings.filter((finding) => !isActive(finding)).length, 0);
  const report = leftOut === 0 ? everything : withoutSuppressed(everything);
  // The engine's own diagnostics (a rule that failed, suppression problems) are in rules[] when used.
  const used = new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId)));
  const listed = new Set(report.rules.map((meta) => meta.id));
  const diagnostics = DIAGNOSTIC_METAS.filter((meta) => used.has(meta.id) && !listed.has(meta.id));
  const rules = [...report.rules, ...diagnostics].sort((a, b) => compareText(a.id, b.id));
  const indexById = new Map(rules.map((meta, index) => [meta.id, index]));
  const results: Result[] = [];
  const { cap, keep } = capPlan(report, limit);
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (!keep(finding)) continue;
      const ruleIndex = indexById.get(finding.ruleId);
      if (ruleIndex === undefined) throw new Error(`finding of rule ${finding.ruleId}, which is not in rules[]`);
      results.push(result(finding, file.filePath, report, ruleIndex));
    }
  }
  const run: Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        semanticVersion: TOOL_VERSION,
        version: TOOL_VERSION,
        informationUri: REPOSITORY_URL,
        rules: rules.map(sarifRule),
      },
    },
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(sarifRoot(report).endsWith('/') ? sarifRoot(report) : `${sarifRoot(report)}/`).href } },
    results,
    columnKind: 'utf16CodeUnits',
  };
  // The Pacemaker version each CIB was checked against, and why (the rules' levels follow it).
  const versions = report.files.filter((file) => file.pacemaker !== undefined);
  if (versions.length > 0) {
    run.properties = {
      pacemakerVersions: versions.map((file) => ({ uri: artifactLocation(file.filePath, report).uri, ...file.pacemaker })),
    };
  }
  if (cap) {
    const note = capNote(cap);
    // Said twice: GitHub shows tool notifications; other readers find the numbers in properties.
    run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text: note } }] }];
    run.properties = { ...run.properties, 'cibLint/resultsCapped': { limit, written: cap.written, total: cap.total, omitted: cap.omitted } };
  }
  // Said, for whoever wonders why the JSON report has more findings: --sarif-suppressed keeps them.
  if (leftOut > 0) run.properties = { ...run.properties, 'cibLint/suppressedLeftOut': leftOut };
  return { log: { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, cap };
}

/**
 * The SARIF file in pieces, one result at a time; `notice` hears the cap's note when the report
 * has more findings than a run may hold.
 */
export function* sarifOutput(report: LintReport, notice?: FormatContext['notice'], limit = SARIF_RESULT_LIMIT, options: SarifOptions = {}): Generator<string> {
  const { log, cap } = sarifLog(report, limit, options);
  const run = log.runs[0]!;
  if (cap) notice?.(capNote(cap));
  yield* jsonPieces({ ...log, runs: streamed([{ ...run, results: streamed(run.results ?? []) }]) });
  yield '\n';
}

export function formatSarif(report: LintReport): string {
  return outputText(sarifOutput(report));
}

const formatter: Formatter = {
  id: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  needsSource: false,
  format: (report, context) => sarifOutput(report, context.notice, SARIF_RESULT_LIMIT, { suppressed: context.sarifSuppressed === true }),
};
export default formatter;
