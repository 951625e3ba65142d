/**
 * GitHub workflow commands (`::error file=...::message`). GitHub shows at most 10 error and 10
 * warning annotations per step, so the worst come first and one notice counts what was left out.
 */
import { relative, isAbsolute } from 'node:path';
import { docsLink, worstFirst, type LintReport } from '../report.js';

export const ANNOTATION_LIMIT = 10;

/** Escaping for the message part of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for property values (`file=`, `title=`): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

export function annotationPath(filePath: string, root: string): string {
  if (filePath === '<stdin>' || !isAbsolute(filePath)) return filePath;
  const inside = relative(root, filePath);
  return inside.startsWith('..') ? filePath : inside;
}

export function formatGithub(report: LintReport, options: { summaryHint?: string } = {}): string {
  const lines: string[] = [];
  const shown = { error: 0, warning: 0, note: 0 };
  let omitted = 0;
  for (const { file, finding } of worstFirst(report.files)) {
    if (shown[finding.level] >= ANNOTATION_LIMIT) {
      omitted++;
      continue;
    }
    shown[finding.level]++;
    const properties = [
      `file=${escapeProperty(annotationPath(file.filePath, report.root))}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(finding.ruleId)}`,
    ].join(',');
    const docs = docsLink(report, finding.ruleId);
    const body = [finding.message, ...(finding.fix ? [`Fix: ${finding.fix}`] : []), ...(docs ? [`Docs: ${docs}`] : [])].join('\n');
    lines.push(`::${COMMAND[finding.level]} ${properties}::${escapeData(body)}`);
  }
  for (const file of report.files) {
    for (const error of file.errors) {
      lines.push(`::error file=${escapeProperty(annotationPath(file.filePath, report.root))},title=cib-lint::${escapeData(error)}`);
    }
  }
  if (omitted > 0) {
    const where = options.summaryHint ?? 'the job summary, the SARIF file or `cib-lint` output';
    lines.push(`::notice title=cib-lint::${escapeData(`${omitted} more finding${omitted === 1 ? '' : 's'} not annotated (GitHub shows ${ANNOTATION_LIMIT} per level); see ${where}.`)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
