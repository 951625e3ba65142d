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
import { parseSchemaVersion, type SchemaVersion } from './values.js';

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
export const NEWEST_RELEASE = '3.0.2';

/**
 * crm_feature_set values and the first Pacemaker release that wrote them (include/crm/crm.h at
 * every release tag and its history; development values map to the release that first shipped
 * them).
 */
const FEATURE_SETS: readonly (readonly [string, string])[] = [
  ['3.0', '0.7.0'],
  ['3.0.1', '1.0.2'],
  ['3.0.2', '1.1.2'],
  ['3.0.3', '1.1.4'],
  ['3.0.4', '1.1.4'],
  ['3.0.5', '1.1.4'],
  ['3.0.6', '1.1.7'],
  ['3.0.7', '1.1.9'],
  ['3.0.8', '1.1.11'],
  ['3.0.9', '1.1.12'],
  ['3.0.10', '1.1.13'],
  ['3.0.11', '1.1.16'],
  ['3.0.12', '1.1.17'],
  ['3.0.13', '1.1.17'],
  ['3.0.14', '1.1.18'],
  ['3.1.0', '2.0.0'],
  ['3.2.0', '2.0.3'],
  ['3.3.0', '2.0.4'],
  ['3.4.0', '2.0.5'],
  ['3.4.1', '2.0.5'],
  ['3.5.0', '2.0.5'],
  ['3.6.0', '2.0.5'],
  ['3.6.1', '2.0.5'],
  ['3.6.2', '2.1.0'],
  ['3.6.3', '2.1.0'],
  ['3.6.4', '2.1.0'],
  ['3.7.0', '2.1.0'],
  ['3.7.1', '2.1.0'],
  ['3.7.2', '2.1.0'],
  ['3.7.3', '2.1.0'],
  ['3.7.4', '2.1.0'],
  ['3.8.0', '2.1.0'],
  ['3.9.0', '2.1.0'],
  ['3.10.0', '2.1.0'],
  ['3.10.1', '2.1.1'],
  ['3.10.2', '2.1.1'],
  ['3.11.0', '2.1.2'],
  ['3.12.0', '2.1.3'],
  ['3.13.0', '2.1.3'],
  ['3.13.1', '2.1.3'],
  ['3.13.2', '2.1.3'],
  ['3.13.3', '2.1.3'],
  ['3.13.4', '2.1.3'],
  ['3.14.0', '2.1.3'],
  ['3.15.0', '2.1.3'],
  ['3.15.1', '2.1.5'],
  ['3.16.0', '2.1.5'],
  ['3.16.1', '2.1.5'],
  ['3.16.2', '2.1.6'],
  ['3.17.0', '2.1.6'],
  ['3.17.1', '2.1.6'],
  ['3.17.2', '2.1.6'],
  ['3.17.3', '2.1.6'],
  ['3.17.4', '2.1.6'],
  ['3.18.0', '2.1.7'],
  ['3.18.1', '2.1.7'],
  ['3.19.0', '2.1.7'],
  ['3.19.1', '2.1.8'],
  ['3.19.2', '2.1.8'],
  ['3.19.3', '2.1.8'],
  ['3.19.4', '2.1.8'],
  ['3.19.5', '2.1.8'],
  ['3.19.6', '2.1.9'],
  ['3.19.7', '3.0.0'],
  ['3.20.0', '3.0.0'],
  ['3.20.1', '3.0.1'],
  ['3.20.2', '3.0.2'],
  ['3.20.3', '3.0.2'],
  ['3.20.4', '3.0.2'],
  ['3.20.5', '3.0.2'],
];

/** Every release the model tells apart, oldest first: what a rule can report across them (`cib-lint rules`). */
export const KNOWN_RELEASES: readonly string[] = [...new Set(FEATURE_SETS.map(([, release]) => release))];

/** The newest `pacemaker-X.Y` schema each release series ships (xml/ at each release tag). */
const NEWEST_SCHEMA: readonly (readonly [string, string])[] = [
  ['1.1.12', '2.0'],
  ['1.1.13', '2.3'],
  ['1.1.14', '2.4'],
  ['1.1.15', '2.5'],
  ['1.1.16', '2.6'],
  ['1.1.17', '2.9'],
  ['1.1.18', '2.10'],
  ['2.0.0', '3.2'],
  ['2.0.4', '3.3'],
  ['2.0.5', '3.5'],
  ['2.1.0', '3.7'],
  ['2.1.3', '3.8'],
  ['2.1.5', '3.9'],
  ['2.1.8', '3.10'],
  ['3.0.0', '4.0'],
];

export function parseRelease(text: string | undefined): Release | undefined {
  const match = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(text ?? '');
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
}

export function compareReleases(a: Release, b: Release): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

function releaseText(release: Release): string {
  return `${release.major}.${release.minor}.${release.patch}`;
}

/** The first release that wrote this feature set (the newest known one for a newer value). */
export function releaseForFeatureSet(featureSet: string): Release | undefined {
  const wanted = parseRelease(featureSet);
  if (!wanted) return undefined;
  let found: string | undefined;
  for (const [set, release] of FEATURE_SETS) {
    const candidate = parseRelease(set)!;
    if (compareReleases(candidate, wanted) > 0) return parseRelease(found ?? release);
    found = release;
  }
  // Newer than anything known: the newest release.
  return parseRelease(NEWEST_RELEASE);
}

/**
 * The version to check a CIB against: configured (`--pacemaker`, `pacemaker:`), or read from the
 * CIB; a file that could not be parsed has no root to read it from.
 */
export function assumeVersion(root: XmlElement | undefined, crmConfigValue: (name: string) => string | undefined, configured?: string): AssumedVersion {
  const fromConfiguration = parseRelease(configured);
  if (fromConfiguration) {
    return { version: releaseText(fromConfiguration), source: 'configured', reason: `Pacemaker ${configured} configured (--pacemaker or the configuration)` };
  }
  const dcVersion = crmConfigValue('dc-version');
  const fromDc = parseRelease(dcVersion);
  if (fromDc) return { version: releaseText(fromDc), source: 'dc-version', reason: `the cluster property dc-version="${dcVersion}"` };
  const featureSet = root?.attr('crm_feature_set');
  const fromFeatureSet = featureSet === undefined ? undefined : releaseForFeatureSet(featureSet);
  if (fromFeatureSet) {
    return {
      version: releaseText(fromFeatureSet),
      source: 'crm_feature_set',
      reason: `crm_feature_set="${featureSet}" (first written by Pacemaker ${releaseText(fromFeatureSet)}; no dc-version)`,
    };
  }
  return { version: NEWEST_RELEASE, source: 'newest', reason: `neither --pacemaker nor dc-version nor crm_feature_set: the newest release known, ${NEWEST_RELEASE}` };
}

/** What a schema name means to this Pacemaker (pcmk__update_configured_schema() in lib/common/schemas.c). */
export type SchemaSupport =
  /** A schema this release validates against as it is. */
  | 'current'
  /** Loaded, then upgraded in memory to the first 4.x schema (Pacemaker 3 with 1.0-1.3 and 2.x/3.x schemas). */
  | 'upgraded-on-load'
  /** Not a schema this release ships (newer than it, or never released). */
  | 'unknown'
  /** Refused: missing, none, next, 0.x, 1.1, transitional-0.6 (Pacemaker 3.0.0 release notes). */
  | 'refused';

/** The answers rules need, for one assumed version. */
export class PacemakerModel {
  readonly release: Release;

  constructor(readonly assumed: AssumedVersion) {
    this.release = parseRelease(assumed.version)!;
  }

  atLeast(version: string): boolean {
    return compareReleases(this.release, parseRelease(version)!) >= 0;
  }

  /** Pacemaker 3 and later: the removals of 3.0 have taken effect. */
  get isPacemaker3(): boolean {
    return this.release.major >= 3;
  }

  /** The newest `pacemaker-X.Y` schema this release ships. */
  get newestSchema(): SchemaVersion {
    let newest = NEWEST_SCHEMA[0]![1];
    for (const [release, schema] of NEWEST_SCHEMA) if (this.atLeast(release)) newest = schema;
    return parseSchemaVersion(`pacemaker-${newest}`)!;
  }

  /** What this release does with a CIB whose validate-with is `value`. */
  schemaSupport(value: string | undefined): SchemaSupport {
    if (value === undefined || value !== value.trim()) return 'refused';
    if (['none', 'pacemaker-none', 'pacemaker-next', 'pacemaker-0.6', 'pacemaker-0.7', 'pacemaker-1.1', 'transitional-0.6'].includes(value)) {
      return 'refused';
    }
    const version = parseSchemaVersion(value);
    if (!version || value.startsWith('transitional-')) return 'unknown';
    // A version read from the CIB is the upstream base of whatever wrote it, and vendors backport
    // newer schemas (SUSE's 1.1.18 writes pacemaker-3.0, RHEL 9.0's 2.1.2 pacemaker-3.8): the
    // cluster that wrote the CIB knows its schema. Only a version the user gives sets a ceiling.
    const newest = this.assumed.source === 'configured' ? this.newestSchema : parseSchemaVersion(`pacemaker-${NEWEST_SCHEMA.at(-1)![1]}`)!;
    if (version.major > newest.major || (version.major === newest.major && version.minor > newest.minor)) return 'unknown';
    // Released schema series: 1.0, 1.2, 1.3, 2.0-2.10, 3.0-3.10, 4.0.
    const released = (version.major === 1 && [0, 2, 3].includes(version.minor)) || ((version.major === 2 || version.major === 3) && version.minor <= 10) || (version.major === 4 && version.minor === 0);
    if (!released) return 'unknown';
    return this.isPacemaker3 && version.major < 4 ? 'upgraded-on-load' : 'current';
  }
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

export function fencingOption(cib: Cib, pacemaker: PacemakerModel): FencingOption {
  const fencingEnabled = cib.clusterOption('fencing-enabled');
  const stonithEnabled = cib.clusterOption('stonith-enabled');
  if (!pacemaker.atLeast('3.0.2')) return { effective: stonithEnabled, overridden: undefined, unknown: fencingEnabled };
  return { effective: fencingEnabled ?? stonithEnabled, overridden: fencingEnabled ? stonithEnabled : undefined, unknown: undefined };
}
