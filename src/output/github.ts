/**
 * GitHub workflow commands (`::error file=...::message`). GitHub shows at most 10 error, 10 warning
 * and 10 notice annotations per step and drops the rest, so what matters most comes first: files
 * that could not be linted (a missing file, a rule that failed), then the worst findings, then one
 * notice that counts what was left out. A caller that prints its own `::error` afterwards (the
 * Action's failure line) reserves a slot for it with `reserveError`.
 */
import type { Formatter } from './formatter.js';
import { docsLink, plural, shownPath, worstFirst, type LintReport } from './report.js';
import { visible } from './escape.js';

export const ANNOTATION_LIMIT = 10;

/** Escaping for the message part of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Input text (a CIB value, a file name) for a workflow command: its own control characters as
 * visible escapes, so that only the line breaks this format puts in become `%0A`.
 */
export function escapeInputData(value: string): string {
  return escapeData(visible(value, { tabs: false }));
}

/** Escaping for property values (`file=`, `title=`): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

export interface GithubOptions {
  /** Where the findings left out can be read, named in the closing notice. */
  summaryHint?: string;
  /** The caller prints one more `::error` after this output (the Action's failure line): keep a slot for it. */
  reserveError?: boolean;
}

export function formatGithub(report: LintReport, options: GithubOptions = {}): string {
  const lines: string[] = [];
  // Every level has its own budget; the closing notice (if any) takes one notice slot.
  const budget = { error: ANNOTATION_LIMIT - (options.reserveError ? 1 : 0), warning: ANNOTATION_LIMIT, note: ANNOTATION_LIMIT };

  // Files not (fully) linted first: they are why the step fails with exit code 2.
  const fileErrors = report.files.flatMap((file) => file.errors.map((error) => ({ file, error })));
  const shownFileErrors = fileErrors.slice(0, Math.max(0, budget.error));
  budget.error -= shownFileErrors.length;
  const omittedFileErrors = fileErrors.length - shownFileErrors.length;
  for (const { file, error } of shownFileErrors) {
    lines.push(`::error file=${escapeProperty(visible(shownPath(file.filePath, report.root), { tabs: false }))},title=cib-lint::${escapeInputData(error)}`);
  }

  const findings = worstFirst(report.files);
  const total = { error: 0, warning: 0, note: 0 };
  for (const { finding } of findings) total[finding.level]++;
  const overflow = omittedFileErrors > 0 || total.error > budget.error || total.warning > budget.warning || total.note > budget.note;
  if (overflow) budget.note--;

  let omitted = 0;
  for (const { file, finding } of findings) {
    if (budget[finding.level] <= 0) {
      omitted++;
      continue;
    }
    budget[finding.level]--;
    const properties = [
      `file=${escapeProperty(visible(shownPath(file.filePath, report.root), { tabs: false }))}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(visible(finding.ruleId, { tabs: false }))}`,
    ].join(',');
    const docs = docsLink(report, finding.ruleId);
    const body = [finding.message, ...(finding.suggestion ? [`Fix: ${finding.suggestion}`] : []), ...(docs ? [`Docs: ${docs}`] : [])]
      .map((part) => visible(part, { tabs: false }))
      .join('\n');
    lines.push(`::${COMMAND[finding.level]} ${properties}::${escapeData(body)}`);
  }

  if (omitted > 0 || omittedFileErrors > 0) {
    const where = options.summaryHint ?? 'the job summary, the SARIF file or `cib-lint` output';
    const what =
      omitted > 0
        ? `${plural(omitted, 'more finding')}${omittedFileErrors > 0 ? ` and ${plural(omittedFileErrors, 'file error')}` : ''}`
        : plural(omittedFileErrors, 'more file error');
    lines.push(`::notice title=cib-lint::${escapeData(`${what} not annotated (GitHub shows ${ANNOTATION_LIMIT} per level); see ${where}.`)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const formatter: Formatter = {
  id: 'github',
  description: 'GitHub Actions workflow commands: annotations on the pull request',
  needsSource: false,
  format: (report) => formatGithub(report),
};
export default formatter;
