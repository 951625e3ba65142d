/**
 * GitLab Code Quality (`artifacts: reports: codequality:`), the Code Climate issue format as GitLab
 * documents it: an array of issues with `description`, `check_name`, `fingerprint`, `severity`,
 * `location.path` (relative to the repository root, no `./`) and `location.lines.begin`. GitLab
 * compares the fingerprints of the merge request's report with the target branch's to show what
 * is new and what is fixed, so a fingerprint must stay the same while the problem does and differ
 * between two problems: it hashes the file's path with the finding's own fingerprint (rule, id
 * path, attribute, kind of message: not the line), and a count when one file has the same finding
 * twice. `type`, `categories` and `content` are Code Climate's, which GitLab ignores.
 *
 * Suppressed findings are left out; a file that could not be (fully) linted is a `critical` issue
 * of the check `file-error`. test/formats/gitlab.test.ts checks the shape against GitLab's docs.
 */
import type { Formatter } from './formatter.js';
import { hash } from 'node:crypto';
import type { Level, RuleMeta } from '../core/rule.js';
import { DIAGNOSTIC_METAS } from '../core/diagnostics.js';
import { docsLink, isActive, shownPath, type LintReport } from './report.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const GITLAB_SEVERITY: Record<Level, GitlabSeverity> = { note: 'info', warning: 'minor', error: 'major' };
/** What a file that could not be (fully) linted is: above any finding, as it fails the run with exit code 2. */
export const FILE_ERROR_SEVERITY: GitlabSeverity = 'critical';
export const FILE_ERROR_CHECK = 'file-error';

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: GitlabSeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
  content?: { body: string };
}

/** Rules about what an upgrade removes or renames are Code Climate's `Compatibility`; the rest are `Bug Risk`. */
const COMPATIBILITY_TAGS = new Set(['deprecated', 'upgrade', 'pacemaker3']);

function categories(meta: RuleMeta | undefined): string[] {
  return meta?.tags.some((tag) => COMPATIBILITY_TAGS.has(tag)) ? ['Compatibility'] : ['Bug Risk'];
}

function fingerprint(...parts: string[]): string {
  return hash('sha256', parts.join('\u0000')).slice(0, 32);
}

export function buildCodeQuality(report: LintReport): CodeQualityIssue[] {
  const metas = new Map([...DIAGNOSTIC_METAS, ...report.rules].map((meta) => [meta.id, meta]));
  const issues: CodeQualityIssue[] = [];
  for (const file of report.files) {
    const path = shownPath(file.filePath, report.root);
    for (const error of file.errors) {
      issues.push({
        type: 'issue',
        check_name: FILE_ERROR_CHECK,
        description: error,
        categories: ['Bug Risk'],
        severity: FILE_ERROR_SEVERITY,
        fingerprint: fingerprint(path, FILE_ERROR_CHECK, error),
        location: { path, lines: { begin: 1, end: 1 } },
      });
    }
    const seen = new Map<string, number>();
    for (const finding of file.findings) {
      if (!isActive(finding)) continue;
      const occurrence = (seen.get(finding.fingerprint) ?? 0) + 1;
      seen.set(finding.fingerprint, occurrence);
      const body = [
        ...(finding.suggestion ? [`**Fix:** ${finding.suggestion}`] : []),
        ...(docsLink(report, finding.ruleId) ? [`[Documentation](${docsLink(report, finding.ruleId)})`] : []),
      ].join('\n\n');
      issues.push({
        type: 'issue',
        check_name: finding.ruleId,
        description: finding.message,
        categories: categories(metas.get(finding.ruleId)),
        severity: GITLAB_SEVERITY[finding.level],
        // The first occurrence keeps the plain hash, so a second one appearing does not renew the first.
        fingerprint: occurrence === 1 ? fingerprint(path, finding.fingerprint) : fingerprint(path, finding.fingerprint, String(occurrence)),
        location: { path, lines: { begin: finding.line, end: finding.endLine } },
        ...(body && { content: { body } }),
      });
    }
  }
  return issues;
}

export function formatGitlab(report: LintReport): string {
  return `${JSON.stringify(buildCodeQuality(report), null, 2)}\n`;
}

const formatter: Formatter = {
  id: 'gitlab',
  description: 'GitLab Code Quality (Code Climate) JSON for the merge request widget',
  needsSource: false,
  format: (report) => formatGitlab(report),
};
export default formatter;
