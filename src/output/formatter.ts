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
  /**
   * `--fail-on`: the lowest level that fails the run (`none`: nothing does), for formats that
   * show pass or fail per check (junit). Absent means `error`, the command's default.
   */
  failOn?: Level | 'none';
}

export interface Formatter {
  id: string;
  /** One line for `--help` and the docs. */
  description: string;
  /** Whether the format reads each file's text (code frames): without it the text is dropped early. */
  needsSource: boolean;
  format(report: LintReport, context: FormatContext): string;
}
