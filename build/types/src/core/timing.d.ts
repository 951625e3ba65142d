/**
 * `CIB_LINT_TIMING=1` (as ESLint's `TIMING=1`): where a run's time went, per stage and per rule,
 * printed to standard error when the process exits. It is for finding a slow rule (a plugin's
 * too) or stage; with the variable unset, `timed` only calls through.
 */
export declare const TIMING_ENABLED: boolean;
export declare function timed<T>(label: string, run: () => T): T;
/** The table: the rows sorted by time, with the process's start-up before the first timed stage. */
export declare function timingTable(now?: number): string;
