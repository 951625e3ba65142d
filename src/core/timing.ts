/**
 * `CIB_LINT_TIMING=1` (as ESLint's `TIMING=1`): where a run's time went, per stage and per rule,
 * printed to standard error when the process exits. It is for finding a slow rule (a plugin's
 * too) or stage; with the variable unset, `timed` only calls through.
 */
export const TIMING_ENABLED = (process.env.CIB_LINT_TIMING ?? '') !== '' && process.env.CIB_LINT_TIMING !== '0';
const totals = new Map<string, number>();
/** ESLint shows ten rules; stages come on top of those. `CIB_LINT_TIMING=all` shows every row. */
const SHOWN_ROWS = process.env.CIB_LINT_TIMING === 'all' ? Infinity : 20;
let firstTimed: number | undefined;

/** Time of the finished stages nested in the one running now: a stage counts only its own time. */
let nestedTime = 0;

export function timed<T>(label: string, run: () => T): T {
  if (!TIMING_ENABLED) return run();
  const start = performance.now();
  firstTimed ??= start;
  const outerNested = nestedTime;
  nestedTime = 0;
  try {
    return run();
  } finally {
    const elapsed = performance.now() - start;
    totals.set(label, (totals.get(label) ?? 0) + elapsed - nestedTime);
    nestedTime = outerNested + elapsed;
  }
}

/** The table: the rows sorted by time, with the process's start-up before the first timed stage. */
export function timingTable(now = performance.now()): string {
  const rows: [string, number][] = [['start-up (Node.js, loading cib-lint, configuration)', firstTimed ?? now], ...totals];
  const accounted = rows.reduce((sum, [, ms]) => sum + ms, 0);
  rows.push(['other (making findings, the rest of the command)', Math.max(0, now - accounted)]);
  rows.sort((a, b) => b[1] - a[1]);
  if (rows.length > SHOWN_ROWS) {
    const rest = rows.splice(SHOWN_ROWS - 1);
    rows.push([`${rest.length} more rules and stages`, rest.reduce((sum, [, ms]) => sum + ms, 0)]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, ms]) => `${label.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / now).toFixed(1).padStart(5)}%`);
  return `${'stage or rule'.padEnd(width)}  ${'time'.padStart(11)}  ${'share'.padStart(6)}\n${lines.join('\n')}\n${'total (since the process started)'.padEnd(width)}  ${now.toFixed(1).padStart(8)} ms\n`;
}

if (TIMING_ENABLED) process.on('exit', () => process.stderr.write(timingTable()));
