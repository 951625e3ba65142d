// The Pacemaker version model: where the version comes from, and that --pacemaker 2.1, 3.0 and
// 3.0.2 each give the findings (and levels) that version deserves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/app/lint-files.js';
import { assumeVersion, PacemakerModel, releaseForFeatureSet } from '../src/cib/pacemaker.js';
import { scanXml } from '../src/document/xml/scan.js';
import { ROOT, runCli } from './helpers.js';

const release = (featureSet: string) => {
  const found = releaseForFeatureSet(featureSet);
  return found && `${found.major}.${found.minor}.${found.patch}`;
};

describe('crm_feature_set to release', () => {
  it('maps released values to the oldest release that wrote them, development values to the next release', () => {
    expect(release('3.0.7')).toBe('1.1.9');
    expect(release('3.3.0')).toBe('2.0.4');
    expect(release('3.13.0')).toBe('2.1.3');
    expect(release('3.16.2')).toBe('2.1.6');
    expect(release('3.19.6')).toBe('2.1.9');
    expect(release('3.20.5')).toBe('3.0.2');
  });
  it('takes a value newer than any known as the newest release, and rejects what is not a version', () => {
    expect(release('4.0.0')).toBe('3.0.2');
    expect(release('banana')).toBeUndefined();
  });
});

function assumed(cib: string, configured?: string) {
  const root = scanXml(cib).root!;
  const value = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(cib)?.[1];
  return assumeVersion(root, value, configured);
}

describe('the version a CIB is checked against', () => {
  const withDc = '<cib crm_feature_set="3.3.0"><configuration><crm_config><cluster_property_set id="o"><nvpair id="v" name="dc-version" value="2.0.3-5.el8_2.1-4b1f869f0f"/></cluster_property_set></crm_config></configuration></cib>';
  it('prefers the configured version, then dc-version, then crm_feature_set, then the newest release', () => {
    expect(assumed(withDc, '3.0')).toMatchObject({ version: '3.0.0', source: 'configured' });
    // A RHEL 8.2 build writes the feature set of upstream 2.0.4; its dc-version says 2.0.3.
    expect(assumed(withDc)).toMatchObject({ version: '2.0.3', source: 'dc-version' });
    expect(assumed('<cib crm_feature_set="3.3.0"/>')).toMatchObject({ version: '2.0.4', source: 'crm_feature_set' });
    expect(assumed('<cib/>')).toMatchObject({ version: '3.0.2', source: 'newest' });
  });
  it('says why in one line', () => {
    expect(assumed(withDc).reason).toBe('the cluster property dc-version="2.0.3-5.el8_2.1-4b1f869f0f"');
  });
  it('answers what each version does with a validate-with', () => {
    const model = (version: string) => new PacemakerModel({ version, source: 'configured', reason: '' });
    expect(model('2.1.5').schemaSupport('pacemaker-1.2')).toBe('current');
    expect(model('3.0.0').schemaSupport('pacemaker-1.2')).toBe('upgraded-on-load');
    expect(model('2.1.5').schemaSupport('pacemaker-4.0')).toBe('unknown');
    expect(model('2.1.5').schemaSupport('pacemaker-3.9')).toBe('current');
    expect(model('2.1.4').schemaSupport('pacemaker-3.9')).toBe('unknown');
    expect(model('3.0.2').schemaSupport('pacemaker-1.1')).toBe('refused');
    expect(model('3.0.2').schemaSupport(undefined)).toBe('refused');
  });
});

/** rule id/message id → level of every finding of one fixture, linted as one Pacemaker version. */
function levels(fixture: string, ruleId: string, pacemakerVersion: string): string[] {
  const rule = builtinRules.find((candidate) => candidate.meta.id === ruleId)!;
  const result = lintSource(readFileSync(join(ROOT, 'fixtures', fixture)), fixture, { rules: [{ rule }], options: { pacemakerVersion } });
  return result.findings.map((finding) => `${finding.messageId}:${finding.level}`).sort();
}

describe('--pacemaker raises and lowers findings', () => {
  it('validate-with: none is refused by 3.x, loaded (with a warning) by 2.1', () => {
    expect(levels('validate-with/invalid-none.xml', 'validate-with', '2.1')).toEqual(['disabled:warning']);
    expect(levels('validate-with/invalid-none.xml', 'validate-with', '3.0')).toEqual(['disabled:error']);
  });
  it('validate-with: pacemaker-1.2 is a note for 2.1 and a warning for 3.x (upgraded on every load)', () => {
    expect(levels('validate-with/invalid-pacemaker-1.2.xml', 'validate-with', '2.1')).toEqual(['oldSchema:note']);
    expect(levels('validate-with/invalid-pacemaker-1.2.xml', 'validate-with', '3.0')).toEqual(['upgradedOnLoad:warning']);
  });
  it('validate-with: pacemaker-4.0 is unknown to 2.1', () => {
    expect(levels('validate-with/valid-pacemaker-4.0-dc-2.1.xml', 'validate-with', '2.1')).toEqual(['unknown:error']);
    expect(levels('validate-with/valid-pacemaker-4.0-dc-2.1.xml', 'validate-with', '3.0')).toEqual([]);
  });
  it('fencing: fencing-enabled wins from 3.0.2 and means nothing before', () => {
    const both = 'fencing-disabled/invalid-overridden-3.0.2.xml';
    expect(levels(both, 'fencing-disabled', '3.0.2')).toEqual(['overridden:warning']);
    expect(levels(both, 'fencing-disabled', '3.0')).toEqual(['disabled:warning', 'unknownOption:warning']);
    expect(levels(both, 'fencing-disabled', '2.1')).toEqual(['disabled:warning', 'unknownOption:warning']);
    const onlyFencingEnabled = 'fencing-no-devices/invalid-fencing-enabled-on-2.1.xml';
    expect(levels(onlyFencingEnabled, 'fencing-no-devices', '2.1')).toEqual(['noDevicesByDefault:error']);
    expect(levels(onlyFencingEnabled, 'fencing-no-devices', '3.0.2')).toEqual([]);
  });
  it('pacemaker3-removed: what the upgrade drops is an error on 3.x and a warning before; what it converts a note', () => {
    const on21 = levels('pacemaker3-removed/invalid.xml', 'pacemaker3-removed', '2.1');
    const on30 = levels('pacemaker3-removed/invalid.xml', 'pacemaker3-removed', '3.0');
    expect(on21).toContain('masterResource:note');
    expect(on30).toContain('masterResource:note');
    expect(on21).toContain('removedClass:warning');
    expect(on30).toContain('removedClass:error');
    expect(on21.filter((entry) => entry.endsWith(':error'))).toEqual([]);
  });
});

describe('the assumed version in the reports', () => {
  const fixture = 'fixtures/validate-with/invalid-none-on-2.1.xml';
  it('JSON: each file says which version and why', () => {
    const json = JSON.parse(runCli([fixture, '--format', 'json']).stdout);
    expect(json.files[0].pacemaker).toEqual({ version: '2.1.5', source: 'dc-version', reason: 'the cluster property dc-version="2.1.5-a3f44794f94"' });
  });
  it('SARIF: run.properties.pacemakerVersions', () => {
    const sarif = JSON.parse(runCli([fixture, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].properties.pacemakerVersions).toEqual([
      { uri: 'fixtures/validate-with/invalid-none-on-2.1.xml', version: '2.1.5', source: 'dc-version', reason: 'the cluster property dc-version="2.1.5-a3f44794f94"' },
    ]);
  });
  it('text: a line under the file name; --pacemaker overrides the CIB', () => {
    expect(runCli([fixture]).stdout).toContain('checked as Pacemaker 2.1.5: the cluster property dc-version="2.1.5-a3f44794f94"');
    expect(runCli([fixture, '--pacemaker', '3.0']).stdout).toContain('checked as Pacemaker 3.0.0: Pacemaker 3.0 configured');
  });
});
