/** Pacemaker's boolean grammar (case-insensitive); undefined for anything else. */
export declare function parseBoolean(value: string | undefined): boolean | undefined;
/** A plain decimal integer (optional sign, no spaces, no fraction); undefined otherwise. */
export declare function parseInteger(value: string | undefined): number | undefined;
export interface SchemaVersion {
    major: number;
    minor: number;
}
/**
 * Reads `validate-with`: `pacemaker-X.Y`, and the legacy names Pacemaker still maps
 * (`pacemaker-1.0` era `transitional-0.6`, `pacemaker-0.6`, `pacemaker-0.7`).
 * `next` and `none` are not versions.
 */
export declare function parseSchemaVersion(value: string | undefined): SchemaVersion | undefined;
export declare function compareVersions(a: SchemaVersion, b: SchemaVersion): number;
export declare function formatVersion(version: SchemaVersion): string;
/** Pacemaker's scores: integers and the INFINITY words. */
export declare function parseScore(value: string | undefined): number | undefined;
/**
 * An operation interval in milliseconds, read exactly as Pacemaker reads it (see durations.ts:
 * `10`, `10s`, `10000ms`, `1min`, `2h`, ISO 8601 `PT10S`, and Pacemaker's own leniencies).
 * Undefined when Pacemaker cannot read it (it then uses 0 and logs "Using 0 instead of ...").
 */
export declare function parseIntervalMs(value: string | undefined): number | undefined;
/** The roles Pacemaker knows, in their current spelling, with the legacy names they replace. */
export declare const ROLES: readonly ["Stopped", "Started", "Promoted", "Unpromoted"];
export declare const LEGACY_ROLES: Readonly<Record<string, (typeof ROLES)[number]>>;
/**
 * The canonical spelling of a role as Pacemaker parses it (case-insensitively, legacy names
 * included: `master` gives `Master`); undefined for anything that is not a role.
 */
export declare function canonicalRole(value: string | undefined): string | undefined;
