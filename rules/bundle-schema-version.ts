import { EDIT_CIB_FILE } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import type { XmlAttribute, XmlElement } from '../src/document/xml/element.js';
import { compareVersions, formatVersion, type SchemaVersion } from '../src/cib/values.js';
import type { Bundle } from '../src/cib/model.js';

/** A bundle feature and the schema versions that know it (`last` only when it was removed). */
interface Feature {
  node: XmlElement | XmlAttribute;
  what: string;
  first: SchemaVersion;
  last?: SchemaVersion;
}

const BUNDLE = { major: 2, minor: 8 };
const PROMOTED_MAX_AND_ADD_HOST = { major: 3, minor: 0 };
const PODMAN = { major: 3, minor: 2 };
const RKT_FIRST = { major: 2, minor: 10 };
const RKT_LAST = { major: 3, minor: 10 };

/**
 * Pacemaker validates the CIB against the schema named in `validate-with`, and each bundle
 * feature arrived in a given schema version: an older `validate-with` makes the CIB invalid, and
 * crm_verify only says "Invalid attribute" or "Extra element" without naming the version to use.
 * rkt went the other way: the pacemaker-4.0 schema no longer has it.
 */
export default defineRule({
  meta: {
    id: 'bundle-schema-version',
    level: 'error',
    description: "The CIB's validate-with schema is new enough for the bundle features it uses",
    constraint: {
      title: 'bundle needs pacemaker-2.8, promoted-max and add-host pacemaker-3.0, podman pacemaker-3.2; rkt exists in pacemaker-2.10 to 3.10',
      source: 'Pacemaker xml/resources-2.8.rng, resources-2.10.rng, resources-3.0.rng, resources-3.2.rng; Pacemaker 3.0.0 schema upgrade (pacemaker-4.0) drops rkt',
    },
    tags: ['bundle', 'schema'],
    messages: {
      tooOld: {
        text: 'Bundle "{{bundle}}" uses {{what}}, which needs schema {{first}} or newer, but validate-with is "{{validateWith}}"; the CIB does not validate and Pacemaker rejects it',
      },
      removed: {
        text: 'Bundle "{{bundle}}" uses {{what}}, which schemas after {{last}} no longer have, but validate-with is "{{validateWith}}"; the CIB does not validate and Pacemaker rejects it',
      },
    },
  },
  check({ cib, report }) {
    const version = cib.schemaVersion;
    const validateWith = cib.root.attribute('validate-with');
    if (!version || !validateWith) return;
    const related = [{ target: validateWith, message: `validate-with="${validateWith.value}"` }];
    const features = cib.bundles.flatMap((bundle) => bundleFeatures(bundle).map((feature) => ({ bundle, feature })));
    // pcs cannot upgrade a CIB that does not validate against its own schema, so the fix names the
    // oldest schema that has everything the bundles use, to be written into validate-with by hand.
    const needed = features.reduce((oldest, { feature }) => (compareVersions(feature.first, oldest) > 0 ? feature.first : oldest), BUNDLE);
    const raiseVersion = `Edit the CIB file (pcs cannot upgrade a CIB that does not validate against its own schema): set validate-with="${formatVersion(needed)}" on <cib>, then run pcs cluster cib-upgrade`;
    for (const { bundle, feature } of features) {
      const data = { bundle: bundle.id, what: feature.what, validateWith: validateWith.value, first: formatVersion(feature.first) };
      if (compareVersions(version, feature.first) < 0) {
        report({ messageId: 'tooOld', node: feature.node, data, suggestion: raiseVersion, related });
      } else if (feature.last && compareVersions(version, feature.last) > 0) {
        report({
          messageId: 'removed',
          node: feature.node,
          data: { ...data, last: formatVersion(feature.last) },
          suggestion: `${EDIT_CIB_FILE}: rename the <rkt> element of bundle ${bundle.id} to <podman> (the image must run under podman)`,
          related,
        });
      }
    }
  },
});

/** The versioned features a bundle uses, each on the node that uses it. */
function bundleFeatures(bundle: Bundle): Feature[] {
  const features: Feature[] = [{ node: bundle.element, what: 'a <bundle> resource', first: BUNDLE }];
  for (const container of bundle.containers) {
    if (container.name === 'podman') features.push({ node: container, what: 'a <podman> container', first: PODMAN });
    if (container.name === 'rkt') features.push({ node: container, what: 'an <rkt> container', first: RKT_FIRST, last: RKT_LAST });
    const promotedMax = container.attribute('promoted-max');
    if (promotedMax) features.push({ node: promotedMax, what: 'promoted-max', first: PROMOTED_MAX_AND_ADD_HOST });
  }
  const addHost = bundle.network?.attribute('add-host');
  if (addHost) features.push({ node: addHost, what: 'add-host on its network', first: PROMOTED_MAX_AND_ADD_HOST });
  return features;
}
