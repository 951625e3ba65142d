/**
 * The one shape of an output format: adding a format is adding one file beside this one that
 * default-exports a Formatter, and one line in index.ts.
 */
import type { LintReport } from './report.js';
import type { Level } from '../core/rule.js';

export interface FormatContext {
  /** ANSI colours (a terminal): only the text format uses them. */
  color: boolean;
  /** Show suppressed findings too, where the format shows findings to people. */
  showSuppressed: boolean;
  /** Keep suppressed findings in SARIF (`--sarif-suppressed`): code scanning shows them as open alerts. */
  sarifSuppressed?: boolean;
  /**
   * `--fail-on`: the lowest level that fails the run (`none`: nothing does), for formats that
   * show pass or fail per check (junit). Absent means `error`, the command's default.
   */
  failOn?: Level | 'none';
  /** Says something about the output on standard error (the SARIF result cap). */
  notice?(message: string): void;
}

/**
 * A report as one string, or as pieces written one after another: a report can be larger than the
 * longest string JavaScript holds (JSON of about a million findings).
 */
export type FormatOutput = string | Iterable<string>;

export interface Formatter {
  id: string;
  /** One line for `--help` and the docs. */
  description: string;
  /** Whether the format reads each file's text (code frames): without it the text is dropped early. */
  needsSource: boolean;
  format(report: LintReport, context: FormatContext): FormatOutput;
}

