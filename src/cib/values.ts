/** Pacemaker's value grammars, shared by every rule that reads a value. */

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);

/** Pacemaker's boolean grammar (case-insensitive); undefined for anything else. */
export function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  // Exactly as crm_str_to_boolean(): case-insensitive, and no surrounding space allowed.
  const word = value.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** A plain decimal integer (optional sign, no spaces, no fraction); undefined otherwise. */
export function parseInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^[+-]?\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value.trim(), 10);
}

export interface SchemaVersion {
  major: number;
  minor: number;
}

/**
 * Reads `validate-with`: `pacemaker-X.Y`, and the legacy names Pacemaker still maps
 * (`pacemaker-1.0` era `transitional-0.6`, `pacemaker-0.6`, `pacemaker-0.7`).
 * `next` and `none` are not versions.
 */
export function parseSchemaVersion(value: string | undefined): SchemaVersion | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:pacemaker|transitional)-(\d+)\.(\d+)$/.exec(value.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function compareVersions(a: SchemaVersion, b: SchemaVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

export function formatVersion(version: SchemaVersion): string {
  return `pacemaker-${version.major}.${version.minor}`;
}

/** Pacemaker's scores: integers and the INFINITY words. */
export function parseScore(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const word = value.trim();
  if (/^\+?INFINITY$/i.test(word)) return Number.POSITIVE_INFINITY;
  if (/^-INFINITY$/i.test(word)) return Number.NEGATIVE_INFINITY;
  return parseInteger(word);
}

const INTERVAL_UNITS_MS: Record<string, number> = {
  '': 1000, s: 1000, sec: 1000,
  ms: 1, msec: 1,
  us: 0.001, usec: 0.001,
  m: 60_000, min: 60_000,
  h: 3_600_000, hr: 3_600_000,
};

/**
 * An operation interval or timeout in milliseconds, read as Pacemaker reads it: a number with an
 * optional unit (`10`, `10s`, `10000ms`, `1min`, `2h`; no unit means seconds, units are
 * case-insensitive), or an ISO 8601 duration (`PT10S`, `P1DT2H`, `P2W`, `P40S`; a month counts
 * 30 days, a year 365). Undefined when it is neither.
 */
export function parseIntervalMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^P/i.test(text)) return parseIsoDurationMs(text);
  const match = /^(\d+)\s*([a-z]*)$/i.exec(text);
  if (!match) return undefined;
  const factor = INTERVAL_UNITS_MS[match[2]!.toLowerCase()];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}

/**
 * ISO 8601 durations as Pacemaker's crm_time_parse_duration() reads them: number-unit pairs after
 * `P`; `M` means months before `T` and minutes after it, while `H` and `S` are accepted on either
 * side (Pacemaker's own tests use `P40S`).
 */
function parseIsoDurationMs(text: string): number | undefined {
  const seconds: Record<string, number> = { Y: 365 * 86_400, W: 7 * 86_400, D: 86_400, H: 3_600, S: 1 };
  let total = 0;
  let timePart = false;
  let parts = 0;
  const token = /T|(\d+(?:[.,]\d+)?)([YMWDHS])/giy;
  token.lastIndex = 1;
  while (token.lastIndex < text.length) {
    const match = token.exec(text);
    if (!match) return undefined;
    if (match[0].toUpperCase() === 'T') {
      if (timePart) return undefined;
      timePart = true;
      continue;
    }
    const unit = match[2]!.toUpperCase();
    const factor = unit === 'M' ? (timePart ? 60 : 30 * 86_400) : seconds[unit]!;
    total += Number(match[1]!.replace(',', '.')) * factor;
    parts++;
  }
  return parts === 0 ? undefined : Math.round(total * 1000);
}

/** The roles Pacemaker knows, in their current spelling, with the legacy names they replace. */
export const ROLES = ['Stopped', 'Started', 'Promoted', 'Unpromoted'] as const;
export const LEGACY_ROLES: Readonly<Record<string, (typeof ROLES)[number]>> = { Master: 'Promoted', Slave: 'Unpromoted' };

/**
 * The canonical spelling of a role as Pacemaker parses it (case-insensitively, legacy names
 * included: `master` gives `Master`); undefined for anything that is not a role.
 */
export function canonicalRole(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const word = value.trim().toLowerCase();
  for (const role of [...ROLES, ...Object.keys(LEGACY_ROLES)]) if (role.toLowerCase() === word) return role;
  return undefined;
}
