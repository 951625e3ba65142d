/**
 * `--format pcs`: a shell script that makes the safe fixes on a live cluster, reviewed and pushed
 * as one change: the CIB is saved (`pcs cluster cib`), copied, every command runs against the copy
 * (`pcs -f`, or cibadmin with CIB_file), and `pcs cluster cib-push ... diff-against=` pushes only
 * the difference. Suggestions are left out: they are choices for a person, not for a script.
 */
import type { Formatter } from './formatter.js';
import type { Finding } from '../core/finding.js';
import { isActive, shownPath, type LintReport } from './report.js';
import { shellWord } from '../cib/pcs-commands.js';
import { TOOL_NAME, TOOL_VERSION } from '../core/meta.js';

/** Line breaks and other controls, line separators and bidi controls: none may reach a comment as it is. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_CHARACTER = new RegExp(UNSAFE.source);

/** The command as it runs on the copy of the CIB, or undefined for one the script cannot run there. */
export function onCopy(command: readonly string[], file: string): string | undefined {
  const [program, ...args] = command;
  // A value with a line break, another control character or a bidi control would reach the script
  // raw (quoting keeps it exact): a line of it could read as a CI workflow command, or the text
  // people review could differ from what runs. Such a fix is left to `cib-lint --fix`.
  if (args.some((arg) => UNSAFE_CHARACTER.test(arg))) return undefined;
  const words = args.map(shellWord).join(' ');
  if (program === 'pcs') return `pcs -f ${file} ${words}`;
  if (program === 'cibadmin') return `CIB_file=${file} cibadmin ${words}`;
  return undefined;
}

/** A line of a comment: control characters escaped, so no text from the CIB can end the comment. */
function comment(text: string): string {
  return `# ${text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
}

export function pcsScript(report: LintReport): string {
  const lines: string[] = [];
  const commands: string[] = [];
  for (const file of report.files) {
    const fixable = file.findings.filter((finding): finding is Finding & { fixes: NonNullable<Finding['fixes']> } => isActive(finding) && finding.fixes !== undefined);
    if (fixable.length === 0) continue;
    commands.push('', comment(`${shownPath(file.filePath, report.root)}`));
    for (const finding of fixable) {
      for (const fix of finding.fixes) {
        const where = `${finding.line}: ${finding.ruleId}: ${fix.title}`;
        const runnable = (fix.commands ?? []).map((command) => onCopy(command, '"$new"'));
        if (runnable.length === 0 || runnable.some((line) => line === undefined)) {
          commands.push(comment(`${where}: no pcs command makes this change; edit the CIB file (cib-lint --fix)`));
          continue;
        }
        commands.push(comment(where), ...(runnable as string[]));
      }
    }
  }
  lines.push(
    '#!/bin/sh',
    comment(`${TOOL_NAME} ${TOOL_VERSION}: the safe fixes as pcs commands, for a live cluster (docs/fixes.md).`),
    comment('Review them, then run this on one cluster node: the cluster takes the change as one push.'),
    'set -eu',
    'dir=$(mktemp -d)',
    'orig="$dir/orig.xml"',
    'new="$dir/new.xml"',
    'pcs cluster cib "$orig"',
    'cp "$orig" "$new"',
  );
  if (commands.length === 0) lines.push('', comment('nothing to fix'));
  else lines.push(...commands);
  lines.push('', 'pcs cluster cib-push "$new" diff-against="$orig"', 'rm -r "$dir"', '');
  return lines.join('\n');
}

const formatter: Formatter = {
  id: 'pcs',
  description: 'a shell script of pcs commands making the safe fixes on a live cluster (docs/fixes.md)',
  needsSource: false,
  format: (report) => pcsScript(report),
};
export default formatter;
