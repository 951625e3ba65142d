/**
 * The GitHub Action's job summary (`$GITHUB_STEP_SUMMARY`): counts per rule and per file, then
 * every finding with a link to its line in the repository. GitHub accepts at most 1 MiB per step,
 * so the Markdown stops below that and says how much was left out.
 */
import type { Finding } from '../core/linter.js';
import { countFindings, docsLink, isActive, plural, summaryLine, worstFirst, type LintReport } from '../output/report.js';
import type { Level } from '../core/rule.js';
import { compareText } from '../core/order.js';
import { visible } from '../output/escape.js';

/**
 * The rule id as a Markdown link to its docs, or plain code when it has none. A plugin or policy
 * chooses both, so both are escaped: the link's characters that would end it are percent-encoded.
 */
function ruleLink(report: LintReport, ruleId: string, inTable = false): string {
  const docs = docsLink(report, ruleId);
  const name = codeSpan(ruleId, { inTable });
  return docs ? `[${name}](${visible(docs, { tabs: false }).replace(/[\s()<>|`\\[\]]/g, (c) => encodeURIComponent(c))})` : name;
}

const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

/** GitHub's limit is 1 MiB (1,048,576 bytes) per step; stay clearly below it. */
export const SUMMARY_LIMIT = 1_000_000;
/** Room kept for the closing "left out" note. */
const NOTE_RESERVE = 600;

export interface SummaryContext {
  /** `$GITHUB_SERVER_URL`, `$GITHUB_REPOSITORY`, `$GITHUB_SHA`: links are made when all three are set. */
  serverUrl?: string;
  repository?: string;
  sha?: string;
  /** The SARIF file written, named in the truncation note. */
  sarifFile?: string;
  /** Why the step fails, or undefined when it passes. */
  failure?: string;
  /** Plain-text notes on what the configuration changed (code skipped, files ignored, rules off). */
  configNotes?: string[];
  /** What `cib-lint --fix` would change: how many fixes in how many files, as a unified diff. */
  fixes?: { count: number; files: number; diff: string };
  /** What the SARIF file left out when the findings were more than a run may hold. */
  sarifCapped?: string;
  /** Byte budget (tests use a small one). */
  limit?: number;
}

const LEVEL_HEADER: Record<Level, string> = { error: 'Errors', warning: 'Warnings', note: 'Notes' };
const LEVEL_ICON: Record<Level, string> = { error: '🔴', warning: '🟡', note: '🔵' };

/**
 * Markdown-escapes text for inline use (also inside table cells): no HTML, links or emphasis, and
 * line breaks and other control characters as visible escapes, so no text leaves its line or cell.
 */
export function escapeMarkdown(text: string): string {
  return visible(text, { tabs: false })
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/**
 * Text (a path) as an inline code span: control characters as visible escapes, backticks (which
 * would end the span) as `'`, and in a table cell `|` as `\|` (GitHub splits cells before it reads
 * code spans).
 */
export function codeSpan(text: string, { inTable = false }: { inTable?: boolean } = {}): string {
  const shown = visible(text, { tabs: false }).replace(/`/g, "'");
  return `\`${inTable ? shown.replace(/\|/g, '\\|') : shown}\``;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The link to a line of a file in the repository, or undefined (no context, or a path outside it). */
export function lineLink(path: string, line: number, context: SummaryContext): string | undefined {
  const { serverUrl, repository, sha } = context;
  if (!serverUrl || !repository || !sha) return undefined;
  if (path.startsWith('/') || path.startsWith('..') || /^[A-Za-z]:/.test(path) || path === '<stdin>') return undefined;
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${sha}/${encodePath(path)}#L${line}`;
}

type LevelCounts = Record<Level, number>;

function tally(entries: Iterable<[string, Finding]>): Map<string, LevelCounts> {
  const counts = new Map<string, LevelCounts>();
  for (const [key, finding] of entries) {
    const row = counts.get(key) ?? { error: 0, warning: 0, note: 0 };
    row[finding.level]++;
    counts.set(key, row);
  }
  return counts;
}

function sortedRows(counts: Map<string, LevelCounts>): [string, LevelCounts][] {
  return [...counts].sort(
    ([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.note - x.note || compareText(a, b),
  );
}

export function renderSummary(report: LintReport, context: SummaryContext = {}): string {
  const limit = (context.limit ?? SUMMARY_LIMIT) - NOTE_RESERVE;
  const out: string[] = [];
  let used = 0;
  let full = false;
  const add = (line: string): boolean => {
    if (full) return false;
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (used + size > limit) {
      full = true;
      return false;
    }
    out.push(line);
    used += size;
    return true;
  };

  const counts = countFindings(report.files);
  const findings = worstFirst(report.files);
  add('## cib-lint');
  add('');
  add(`**${summaryLine(counts)}** in ${plural(report.files.length, 'file')}.`);
  add('');
  add(context.failure ? `❌ The step fails: ${escapeMarkdown(context.failure)}.` : '✅ The step passes.');
  add('');
  if (context.sarifCapped) {
    add(`> **SARIF capped:** ${escapeMarkdown(context.sarifCapped)}`);
    add('');
  }

  if (context.configNotes && context.configNotes.length > 0) {
    add('### Configuration');
    add('');
    for (const note of context.configNotes) add(`- ${escapeMarkdown(note)}`);
    add('');
  }

  if (context.fixes && context.fixes.count > 0) {
    const { count, files, diff } = context.fixes;
    add('### Safe fixes');
    add('');
    add(`\`cib-lint --fix\` would apply ${count} ${count === 1 ? 'fix' : 'fixes'} in ${plural(files, 'file')} (docs/fixes.md); it changes only these lines:`);
    add('');
    // A fence longer than any run of backticks in the diff: CIB text cannot close it early.
    const fence = '`'.repeat(Math.max(3, ...[...diff.matchAll(/`+/g)].map((run) => run[0].length + 1)));
    // The diff quotes the CIB: its control and bidi characters are shown as escapes, as everywhere in the summary.
    const block = [`<details><summary>The diff</summary>`, '', `${fence}diff`, ...diff.replace(/\n$/, '').split('\n').map((line) => visible(line)), fence, '', '</details>', ''];
    const size = block.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8') + 1, 0);
    if (used + size <= limit / 2) for (const line of block) add(line);
    else {
      add('The diff is too large for the job summary: `cib-lint --fix-dry-run` on the files shows it.');
      add('');
    }
  }

  const notLinted = report.files.filter((file) => file.errors.length > 0);
  if (notLinted.length > 0) {
    add('### Files not fully linted');
    add('');
    for (const file of notLinted) {
      for (const error of file.errors) add(`- ${codeSpan(file.filePath)}: ${escapeMarkdown(error)}`);
    }
    add('');
  }

  let shownFindings = 0;
  if (findings.length > 0) {
    const header = `| ${LEVELS.map((level) => LEVEL_HEADER[level]).join(' | ')} |`;
    const rule = `|${LEVELS.map(() => ' ---: |').join('')}`;
    const row = (c: LevelCounts) => `${LEVELS.map((level) => ` ${c[level]} |`).join('')}`;

    add('### Findings per rule');
    add('');
    add(`| Rule ${header}`);
    add(`| --- ${rule}`);
    for (const [id, c] of sortedRows(tally(findings.map(({ finding }) => [finding.ruleId, finding])))) {
      add(`| ${ruleLink(report, id, true)} |${row(c)}`);
    }
    add('');

    add('### Findings per file');
    add('');
    add(`| File ${header}`);
    add(`| --- ${rule}`);
    for (const [path, c] of sortedRows(tally(findings.map(({ file, finding }) => [file.filePath, finding])))) {
      const link = lineLink(path, 1, context)?.replace(/#L1$/, '');
      const name = codeSpan(path, { inTable: true });
      add(`| ${link ? `[${name}](${link})` : name} |${row(c)}`);
    }
    add('');

    add('### Findings');
    add('');
    for (const { file, finding } of findings) {
      const place = `${file.filePath}:${finding.line}:${finding.column}`;
      const name = codeSpan(place);
      const link = lineLink(file.filePath, finding.line, context);
      const suggestion = finding.suggestion ? ` Fix: ${escapeMarkdown(finding.suggestion)}` : '';
      const line =
        `- ${LEVEL_ICON[finding.level]} **${finding.level}** ${link ? `[${name}](${link})` : name} ` +
        `${escapeMarkdown(finding.message)}.${suggestion} (${ruleLink(report, finding.ruleId)})`;
      if (!add(line)) break;
      shownFindings++;
    }
  }
  const suppressed = report.files.reduce((sum, file) => sum + file.findings.filter((finding) => !isActive(finding)).length, 0);
  if (full) {
    const left = findings.length - shownFindings;
    const where = context.sarifFile ? `the SARIF file (${codeSpan(context.sarifFile)}) and code scanning` : 'the SARIF file and code scanning';
    out.push('');
    out.push(
      `> **Summary truncated:** ${left} of ${plural(findings.length, 'finding')} ${left === 1 ? 'is' : 'are'} not listed here ` +
        `(GitHub limits a job summary to 1 MiB); ${where} have them all.`,
    );
  } else if (suppressed > 0) {
    add('');
    add(`${plural(suppressed, 'suppressed finding')} not listed.`);
  }
  return `${out.join('\n')}\n`;
}
