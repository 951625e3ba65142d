/** The default human output: grouped by file, a code frame per finding, a summary line. */
import type { Formatter } from './formatter.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../core/linter.js';
import { countFindings, docsLink, isActive, shownPath, summaryLine, type LintReport } from './report.js';
import { lineStart, visible } from './escape.js';
import { outputText } from './chunks.js';
import { shellWord } from '../cib/pcs-commands.js';

export interface TextOptions {
  color: boolean;
  /** Show suppressed findings too (dimmed). */
  showSuppressed?: boolean;
}

/** Code frames show at most this many characters of a long line, centred on the finding. */
const FRAME_WIDTH = 110;

export function formatText(report: LintReport, options: TextOptions): string {
  return outputText(textOutput(report, options));
}

/** Lines gathered before they are handed on as one piece. */
const PIECE_LINES = 512;

/** The report in pieces of whole lines: a report with a million findings is no one string. */
export function* textOutput(report: LintReport, options: TextOptions): Generator<string> {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  let out: string[] = [];
  for (const file of report.files) {
    const shown = file.findings.filter((finding) => options.showSuppressed || isActive(finding));
    if (shown.length === 0 && file.errors.length === 0) continue;
    const lines = file.source?.split(/\r\n|\r|\n/);
    out.push(chalk.underline(lineStart(shownPath(file.filePath, report.root))));
    if (file.pacemaker) out.push(`  ${chalk.dim(`checked as Pacemaker ${file.pacemaker.version}: ${visible(file.pacemaker.reason)}`)}`);
    for (const error of file.errors) out.push(`  ${chalk.red('error')}  ${visible(error)}`);
    for (const finding of shown) {
      out.push(findingLine(finding, chalk));
      if (lines) out.push(...codeFrame(lines, finding, chalk));
      // The prose says what the fixes and suggestions below say as commands: shown only without them.
      if (finding.suggestion && !finding.fixes && !finding.suggestions) out.push(`    ${chalk.green('fix:')} ${visible(finding.suggestion)}`);
      out.push(...remedyLines(finding, chalk));
      for (const related of finding.related) {
        out.push(`    ${chalk.dim(`${related.line}:${related.column}`)} ${chalk.dim(visible(related.message))}`);
      }
      const docs = docsLink(report, finding.ruleId);
      if (docs) out.push(`    ${chalk.dim(`docs: ${visible(docs)}`)}`);
      if (out.length >= PIECE_LINES) {
        yield `${out.join('\n')}\n`;
        out = [];
      }
    }
    out.push('');
  }
  const counts = countFindings(report.files);
  const summary = summaryLine(counts);
  if (counts.error > 0 || counts.fileErrors > 0) out.push(chalk.red.bold(`✖ ${summary}`));
  else if (counts.warning + counts.note > 0) out.push(chalk.yellow.bold(`⚠ ${summary}`));
  else out.push(chalk.green(`✔ ${report.files.length} file${report.files.length === 1 ? '' : 's'} checked: ${summary}`));
  const fixable = report.files.reduce((sum, file) => sum + file.findings.filter((finding) => isActive(finding) && (finding.fixes?.length ?? 0) > 0).length, 0);
  if (fixable > 0) out.push(chalk.green(`  ${fixable} problem${fixable === 1 ? '' : 's'} fixable with --fix`));
  yield `${out.join('\n')}\n`;
}

/** `fixable:` with what --fix does, and each suggestion with its commands. */
function remedyLines(finding: Finding, chalk: ChalkInstance): string[] {
  const lines: string[] = [];
  if (finding.fixes && finding.fixes.length > 0) {
    lines.push(`    ${chalk.green('fixable:')} ${visible(finding.fixes.map((fix) => fix.title).join('; '))} (--fix)`);
  }
  for (const suggestion of finding.suggestions ?? []) {
    const commands = (suggestion.commands ?? []).map((command) => command.map(shellWord).join(' ')).join(' && ');
    lines.push(`    ${chalk.cyan('suggestion:')} ${visible(suggestion.title)}${commands === '' ? '' : `: ${visible(commands)}`}`);
  }
  return lines;
}

function findingLine(finding: Finding, chalk: ChalkInstance): string {
  const colour = finding.level === 'error' ? chalk.red : finding.level === 'warning' ? chalk.yellow : chalk.blue;
  const suppressed = isActive(finding) ? '' : chalk.dim(' (suppressed)');
  const position = chalk.dim(`${finding.line}:${finding.column}`.padEnd(8));
  return `  ${position} ${colour(finding.level.padEnd(7))} ${visible(finding.message)}  ${chalk.dim(visible(finding.ruleId))}${suppressed}`;
}

/** The offending line with a caret under the reported span; long lines are cut around it. */
function codeFrame(lines: string[], finding: Finding, chalk: ChalkInstance): string[] {
  const text = lines[finding.line - 1];
  if (text === undefined) return [];
  const start = finding.column - 1;
  const end = finding.endLine === finding.line ? Math.max(finding.endColumn - 1, start + 1) : text.length;
  let from = 0;
  if (text.length > FRAME_WIDTH) from = Math.max(0, Math.min(start - 20, text.length - FRAME_WIDTH));
  let to = Math.min(text.length, from + FRAME_WIDTH);
  // Never cut between the halves of a surrogate pair: half an emoji is no character (U+FFFD).
  if (splitsPair(text, from)) from--;
  if (splitsPair(text, to)) to++;
  // The source line is CIB text too: control characters are shown as escapes, the caret under them.
  const shownText = (from > 0 ? '…' : '') + visible(text.slice(from, to)) + (to < text.length ? '…' : '');
  // Keep tabs under tabs so the caret lines up however the terminal expands them; one space per
  // character (`u`), not per UTF-16 code unit.
  const padding = (from > 0 ? ' ' : '') + visible(text.slice(from, start)).replace(/[^\t]/gu, ' ');
  const caretLength = Math.max(1, visible(text.slice(start, Math.min(end, to))).length);
  const gutter = String(finding.line);
  return [
    `    ${chalk.dim(`${gutter} |`)} ${shownText}`,
    `    ${chalk.dim(`${' '.repeat(gutter.length)} |`)} ${padding}${chalk.red('^'.repeat(caretLength))}`,
  ];
}

/** Whether `index` falls between a high and a low surrogate of `text`. */
function splitsPair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const at = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

const formatter: Formatter = {
  id: 'text',
  description: 'for people: findings grouped by file, with code frames and a summary line',
  needsSource: true,
  format: (report, context) => textOutput(report, context),
};
export default formatter;
