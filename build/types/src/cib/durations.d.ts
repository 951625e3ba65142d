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
export declare const UNIT_NAMES: Readonly<Record<DurationUnit, string>>;
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
 * A timeout (or start-delay) as Pacemaker reads it: optional blanks, digits (a decimal part is
 * skipped), optional blanks, a unit (seconds when there is none). Undefined when Pacemaker cannot
 * read it at all (`INFINITY`, `PT30S`, `-5`, `30d`, `.5s`): it then falls back to its default.
 * A sign is refused: Pacemaker 2.1 rejects it, and Pacemaker 3 reads a negative value, which no
 * timeout, interval or delay can use.
 */
export declare function parsePacemakerMs(value: string | undefined): PacemakerDuration | undefined;
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
export declare function parsePacemakerInterval(value: string | undefined): PacemakerInterval | undefined;
