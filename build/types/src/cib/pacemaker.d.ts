/**
 * The Pacemaker version model: the one place that answers "what does Pacemaker X.Y.Z do with
 * this?" for every rule. The version comes from the command line or configuration; otherwise from
 * the CIB itself: the `dc-version` cluster property the DC writes (its leading X.Y.Z is the
 * upstream base version, also for distribution builds), else `crm_feature_set` (which vendors'
 * backports can push one minor release ahead, so it only says "at least"); with neither, the
 * newest release. Every report says which version was assumed and why.
 */
import type { XmlElement } from '../document/xml/element.js';
import type { Cib, NvValue } from './model.js';
import { type SchemaVersion } from './values.js';
export interface Release {
    major: number;
    minor: number;
    patch: number;
}
export type VersionSource = 'configured' | 'dc-version' | 'crm_feature_set' | 'newest';
/** The version a file is checked against, and why. */
export interface AssumedVersion {
    /** X.Y.Z */
    version: string;
    source: VersionSource;
    /** One line for reports: where the version came from. */
    reason: string;
}
/** The newest Pacemaker release this model knows. */
export declare const NEWEST_RELEASE = "3.0.2";
/** Every release the model tells apart, oldest first: what a rule can report across them (`cib-lint rules`). */
export declare const KNOWN_RELEASES: readonly string[];
export declare function parseRelease(text: string | undefined): Release | undefined;
export declare function compareReleases(a: Release, b: Release): number;
/** The first release that wrote this feature set (the newest known one for a newer value). */
export declare function releaseForFeatureSet(featureSet: string): Release | undefined;
/**
 * The version to check a CIB against: configured (`--pacemaker`, `pacemaker:`), or read from the
 * CIB; a file that could not be parsed has no root to read it from.
 */
export declare function assumeVersion(root: XmlElement | undefined, crmConfigValue: (name: string) => string | undefined, configured?: string): AssumedVersion;
/** What a schema name means to this Pacemaker (pcmk__update_configured_schema() in lib/common/schemas.c). */
export type SchemaSupport = 
/** A schema this release validates against as it is. */
'current'
/** Loaded, then upgraded in memory to the first 4.x schema (Pacemaker 3 with 1.0-1.3 and 2.x/3.x schemas). */
 | 'upgraded-on-load'
/** Not a schema this release ships (newer than it, or never released). */
 | 'unknown'
/** Refused: missing, none, next, 0.x, 1.1, transitional-0.6 (Pacemaker 3.0.0 release notes). */
 | 'refused';
/** The answers rules need, for one assumed version. */
export declare class PacemakerModel {
    readonly assumed: AssumedVersion;
    readonly release: Release;
    constructor(assumed: AssumedVersion);
    atLeast(version: string): boolean;
    /** Pacemaker 3 and later: the removals of 3.0 have taken effect. */
    get isPacemaker3(): boolean;
    /** The newest `pacemaker-X.Y` schema this release ships. */
    get newestSchema(): SchemaVersion;
    /** What this release does with a CIB whose validate-with is `value`. */
    schemaSupport(value: string | undefined): SchemaSupport;
}
/**
 * The cluster option that decides whether fencing is on, and the ones Pacemaker ignores: from
 * 3.0.2 `fencing-enabled` wins over `stonith-enabled` when both are set (cluster_option_value() in
 * lib/common/options.c); before 3.0.2 `fencing-enabled` means nothing.
 */
export interface FencingOption {
    /** What Pacemaker reads; undefined when neither name is set (fencing is on by default). */
    effective: NvValue | undefined;
    /** `stonith-enabled` set next to a `fencing-enabled` that wins (Pacemaker 3.0.2 and later). */
    overridden: NvValue | undefined;
    /** `fencing-enabled` set for a Pacemaker before 3.0.2, which does not know it. */
    unknown: NvValue | undefined;
}
export declare function fencingOption(cib: Cib, pacemaker: PacemakerModel): FencingOption;
