/** Pacemaker's value grammars, shared by every rule that reads a value. */
import { parsePacemakerInterval } from './durations.js';

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

/**
 * An operation interval in milliseconds, read exactly as Pacemaker reads it (see durations.ts:
 * `10`, `10s`, `10000ms`, `1min`, `2h`, ISO 8601 `PT10S`, and Pacemaker's own leniencies).
 * Undefined when Pacemaker cannot read it (it then uses 0 and logs "Using 0 instead of ...").
 */
export function parseIntervalMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return parsePacemakerInterval(value)?.ms;
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
