import type { Bundle } from '../src/cib/model.js';
import { defineRule } from '../src/rule.js';
import { parseBoolean, parseInteger } from '../src/cib/values.js';

interface CloneOption {
  instead: string;
  pcs: (bundle: string) => string;
  /** Whether the meta value equals what Pacemaker derives from the container anyway. */
  sameAsDerived: (value: string, bundle: Bundle) => boolean;
}

const CLONE_OPTIONS: Record<string, CloneOption> = {
  'clone-max': {
    instead: 'the container\'s replicas',
    pcs: (b) => `pcs resource bundle update ${b} container replicas=<n>`,
    sameAsDerived: (value, bundle) => parseInteger(value) === bundle.replicas,
  },
  'clone-node-max': {
    instead: 'the container\'s replicas-per-host',
    pcs: (b) => `pcs resource bundle update ${b} container replicas-per-host=<n>`,
    sameAsDerived: (value, bundle) => parseInteger(value) === bundle.replicasPerHost,
  },
  'globally-unique': {
    instead: 'the container\'s replicas-per-host (unique exactly when it is above 1)',
    pcs: (b) => `pcs resource bundle update ${b} container replicas-per-host=<n>`,
    sameAsDerived: (value, bundle) => bundle.replicasPerHost !== undefined && parseBoolean(value) === bundle.replicasPerHost > 1,
  },
  ordered: {
    instead: 'its own rule (bundle replicas always start in order)',
    pcs: () => '',
    sameAsDerived: (value) => parseBoolean(value) === true,
  },
  'promoted-max': {
    instead: 'the container\'s promoted-max',
    pcs: (b) => `pcs resource bundle update ${b} container promoted-max=<n>`,
    // Only a container promoted-max above 0 overrides the meta value.
    sameAsDerived: (value, bundle) => (bundle.promotedMax ?? 0) > 0 && parseInteger(value) === bundle.promotedMax,
  },
};

/**
 * Pacemaker builds the clone behind a bundle itself and gives it ordered, clone-max (replicas),
 * clone-node-max (replicas-per-host), globally-unique (replicas-per-host > 1) and, when promotable,
 * promoted-max from the container element. Those explicit values override what the bundle's meta
 * would pass down, so clone options set as bundle meta are silently ignored. A meta value that
 * happens to equal the derived one (TripleO sets ordered=true) is only noted: harmless today, but
 * it misleads whoever later changes the container.
 */
export default defineRule({
  meta: {
    id: 'bundle-meta-clone-options',
    level: 'warning',
    description: 'Bundle meta-attributes do not set clone options (clone-max, clone-node-max, globally-unique, ordered, promoted-max)',
    constraint: {
      title: 'Clone options of a bundle come from its container element, not from meta-attributes',
      source: 'RHEL 7 HA Reference §9.5.1.1, table 9.6 (replicas, replicas-per-host, promoted-max) and §9.5.3 (bundles are not cloned explicitly); Pacemaker lib/pengine/bundle.c (the implicit clone\'s meta_attributes)',
    },
    tags: ['bundle', 'meta', 'clone'],
    messages: {
      cloneOption: {
        text: 'Bundle "{{bundle}}" sets the clone option {{name}}={{value}} as a meta-attribute; Pacemaker sets {{name}} of the bundle\'s implicit clone from {{instead}} and ignores the meta-attribute',
      },
      redundant: {
        text: 'Bundle "{{bundle}}" sets the clone option {{name}}={{value}} as a meta-attribute; Pacemaker already derives the same value from {{instead}}, so the meta-attribute has no effect and would silently stop matching if the container changed',
        level: 'note',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const [name, option] of Object.entries(CLONE_OPTIONS)) {
        // rsc_defaults are meant for every resource; only the bundle's own sets are a mistake.
        const found = cib.ownMeta(bundle.element, name);
        if (!found) continue;
        const remove = `pcs resource meta ${bundle.id} ${name}=`;
        const redundant = option.sameAsDerived(found.value, bundle);
        const replace = redundant ? '' : option.pcs(bundle.id);
        report({
          messageId: redundant ? 'redundant' : 'cloneOption',
          node: found.nvpair.attribute('name') ?? found.nvpair,
          data: { bundle: bundle.id, name, value: found.value, instead: option.instead },
          fix: replace ? `${remove} && ${replace}` : remove,
        });
      }
    }
  },
});
