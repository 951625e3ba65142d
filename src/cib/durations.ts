/**
 * Operation timeouts and intervals read exactly as Pacemaker reads them, so that a rule can tell
 * what the scheduler will really use: `crm_get_msec()` (Pacemaker 2.1) and `pcmk__parse_ms()`
 * (Pacemaker 3) in `lib/common/strings.c` for timeouts, plus `crm_time_parse_duration()` in
 * `lib/common/iso8601.c` for intervals written as ISO 8601 durations (`pcmk_parse_interval_spec()`).
 *
 * Both parsers are lenient in ways users do not expect: a unit is recognised by its first letters
 * only (`10 milliseconds` is ten minutes: it starts with `m`, not `ms`), and the digits after a
 * decimal point are skipped (`1.5min` is one minute).
 */

export type DurationUnit = 's' | 'ms' | 'us' | 'min' | 'h';

const UNIT_MS: Readonly<Record<DurationUnit, number>> = { s: 1000, ms: 1, us: 0.001, min: 60_000, h: 3_600_000 };

/** Unit words whose meaning is plain, mapped to the unit they mean. */
const UNIT_WORDS: Readonly<Record<string, DurationUnit>> = {
  '': 's', s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  ms: 'ms', msec: 'ms', msecs: 'ms', milli: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  us: 'us', usec: 'us', usecs: 'us', micro: 'us', micros: 'us', microsecond: 'us', microseconds: 'us',
  m: 'min', min: 'min', mins: 'min', minute: 'min', minutes: 'min',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
};

export const UNIT_NAMES: Readonly<Record<DurationUnit, string>> = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', min: 'minutes', h: 'hours' };

export interface PacemakerDuration {
  /** What Pacemaker uses, in milliseconds. */
  ms: number;
  /** The unit Pacemaker took from the text. */
  unit: DurationUnit;
  /** The unit the text plainly names, when it names one Pacemaker reads differently (`milliseconds`). */
  meant?: DurationUnit;
  /** Digits after a decimal point that Pacemaker dropped (`.5` of `1.5min`), when not all zeros. */
  droppedFraction?: string;
}

/**
 * The unit Pacemaker takes from the text after the number: it compares only the first letters,
 * in this order (get_multiplier_divisor(); crm_get_msec() tries ms and us before s, which gives
 * the same result).
 */
function pacemakerUnit(text: string): DurationUnit | undefined {
  const lower = text.toLowerCase();
  if (lower === '' || lower.startsWith('s')) return 's';
  if (lower.startsWith('ms')) return 'ms';
  if (lower.startsWith('us')) return 'us';
  if (lower.startsWith('m')) return 'min';
  if (lower.startsWith('h')) return 'h';
  return undefined;
}

/**
 * A timeout (or start-delay) as Pacemaker reads it: optional blanks, digits (a decimal part is
 * skipped), optional blanks, a unit (seconds when there is none). Undefined when Pacemaker cannot
 * read it at all (`INFINITY`, `PT30S`, `-5`, `30d`, `.5s`): it then falls back to its default.
 * A sign is refused: Pacemaker 2.1 rejects it, and Pacemaker 3 reads a negative value, which no
 * timeout, interval or delay can use.
 */
export function parsePacemakerMs(value: string | undefined): PacemakerDuration | undefined {
  if (value === undefined) return undefined;
  const match = /^[ \t\n\r\f]*(\d+)(\.[\d.]*)?[ \t\n\r\f\v]*(.*?)[ \t\n\r\f\v]*$/s.exec(value);
  if (!match) return undefined;
  const unitText = match[3]!;
  const unit = pacemakerUnit(unitText);
  if (unit === undefined) return undefined;
  // Integer arithmetic, as Pacemaker's (microseconds divide, rounding down).
  const duration: PacemakerDuration = { ms: unit === 'us' ? Math.floor(Number(match[1]) / 1000) : Number(match[1]) * UNIT_MS[unit], unit };
  const word = unitText.toLowerCase();
  // Other words (`minuten`, `heures`) are read by their first letter, which is what they mean.
  const meant = Object.hasOwn(UNIT_WORDS, word) ? UNIT_WORDS[word] : undefined;
  if (meant !== undefined && meant !== unit) duration.meant = meant;
  const fraction = match[2]?.slice(1);
  if (fraction !== undefined && /[1-9]/.test(fraction)) duration.droppedFraction = `.${fraction}`;
  return duration;
}

function yearDays(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

interface IsoSeconds {
  /** What Pacemaker's released versions make of it. */
  pacemaker: number;
  /** What it says: 365-day years, 30-day months, 7-day weeks. */
  meant: number;
}

/**
 * An ISO 8601 duration as crm_time_parse_duration() accepts it: `P`, then number-unit pairs with
 * whole numbers of at most ten digits and the units Y, M, W, D, H, S (upper case only; `M` is
 * months before a `T` and minutes after it), up to the end, a blank or a `/`. Undefined when
 * Pacemaker refuses it.
 *
 * crm_time_get_seconds() of every release up to 3.0.2 counts a duration like a date: one day
 * less (`P1D` is 0, `P1W` six days) and one year less, each year as long as the calendar years 1,
 * 2... (`P1Y` is 0). Upstream commit 5b715ebfcb, after 3.0.2, counts durations as they are written.
 */
function parseIsoDurationSeconds(value: string): IsoSeconds | undefined {
  const body = /^P([^\s/]*)/.exec(value)?.[1];
  if (body === undefined || body === '') return undefined;
  const token = /T|(\d{1,10})([YMWDHS])/y;
  let years = 0;
  let months = 0;
  let days = 0;
  let seconds = 0;
  let timePart = false;
  while (token.lastIndex < body.length) {
    const match = token.exec(body);
    if (!match) return undefined;
    if (match[0] === 'T') {
      timePart = true;
      continue;
    }
    const amount = Number(match[1]);
    switch (match[2]) {
      case 'Y': years += amount; break;
      case 'M': if (timePart) seconds += amount * 60; else months += amount; break;
      case 'W': days += amount * 7; break;
      case 'D': days += amount; break;
      case 'H': seconds += amount * 3_600; break;
      default: seconds += amount;
    }
  }
  let calendarDays = months * 30 + Math.max(days - 1, 0);
  for (let year = 1; year < years; year++) calendarDays += yearDays(year);
  return { pacemaker: calendarDays * 86_400 + seconds, meant: (years * 365 + months * 30 + days) * 86_400 + seconds };
}

export interface PacemakerInterval extends Partial<Omit<PacemakerDuration, 'ms'>> {
  ms: number;
  /** Written as an ISO 8601 duration. */
  iso: boolean;
  /** For an ISO 8601 duration with days, weeks or years: what it says, when Pacemaker counts less. */
  isoMeantMs?: number;
}

/**
 * An operation interval as pcmk_parse_interval_spec() reads it: an ISO 8601 duration when it
 * starts with `P` (exactly: no blank before, upper case), else like a timeout. Undefined when
 * Pacemaker cannot read it: it then logs "Using 0 instead of ..." and the operation is not
 * recurring.
 */
export function parsePacemakerInterval(value: string | undefined): PacemakerInterval | undefined {
  if (value === undefined) return { ms: 0, iso: false };
  if (value.startsWith('P')) {
    const seconds = parseIsoDurationSeconds(value);
    if (seconds === undefined) return undefined;
    const interval: PacemakerInterval = { ms: seconds.pacemaker * 1000, iso: true };
    if (seconds.meant !== seconds.pacemaker) interval.isoMeantMs = seconds.meant * 1000;
    return interval;
  }
  const duration = parsePacemakerMs(value);
  return duration === undefined ? undefined : { ...duration, iso: false };
}
