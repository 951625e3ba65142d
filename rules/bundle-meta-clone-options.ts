import type { Bundle } from '../src/cib/model.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { shellWord, unsetMetaCommand } from '../src/cib/pcs-commands.js';
import { parseBoolean, parseInteger } from '../src/cib/values.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, metaCommand, remedy, removeNvpair, setAttribute } from '../src/cib/edits.js';

interface CloneOption {
  /** What Pacemaker gives the implicit clone instead, as a clause: "Pacemaker sets ...". */
  derived: string;
  /** The container attribute that expresses the intent of a meta value, if there is one. */
  containerAttribute?: (value: string) => string;
  /** Whether the meta value equals what Pacemaker derives from the container anyway. */
  sameAsDerived: (value: string, bundle: Bundle) => boolean;
}

const CLONE_OPTIONS: Record<string, CloneOption> = {
  'clone-max': {
    derived: "Pacemaker sets clone-max of the bundle's implicit clone to the container's replicas",
    containerAttribute: (value) => `replicas=${value}`,
    sameAsDerived: (value, bundle) => parseInteger(value) === bundle.replicas,
  },
  'clone-node-max': {
    derived: "Pacemaker sets clone-node-max of the bundle's implicit clone to the container's replicas-per-host",
    containerAttribute: (value) => `replicas-per-host=${value}`,
    sameAsDerived: (value, bundle) => parseInteger(value) === bundle.replicasPerHost,
  },
  'globally-unique': {
    derived: "Pacemaker makes the bundle's implicit clone globally unique exactly when the container's replicas-per-host is above 1",
    sameAsDerived: (value, bundle) => bundle.replicasPerHost !== undefined && parseBoolean(value) === bundle.replicasPerHost > 1,
  },
  ordered: {
    derived: "Pacemaker always sets ordered=true on the bundle's implicit clone",
    sameAsDerived: (value) => parseBoolean(value) === true,
  },
  'promoted-max': {
    derived: "Pacemaker sets promoted-max of the bundle's implicit clone to the container's promoted-max",
    containerAttribute: (value) => `promoted-max=${value}`,
    sameAsDerived: (value, bundle) => parseInteger(value) === bundle.promotedMax,
  },
};

/**
 * An ignored value was meant to do something, so removing it and moving it to the container are
 * the two choices (neither is applied unasked).
 */
function cloneRemedies(bundle: Bundle, nvpair: XmlElement, intent: string | undefined) {
  const removal = removeNvpair(bundle.element, nvpair);
  if (!removal) return {};
  const remove = remedy('Remove the meta-attribute, which has no effect', removal, metaCommand(bundle.element, nvpair, ''));
  const [name, value] = intent?.split('=') ?? [];
  if (!bundle.container || name === undefined || value === undefined) return { suggestions: [remove] };
  const move = remedy(`Remove it and set ${intent} on the container`, [...removal, setAttribute(bundle.container, name, value)], metaCommand(bundle.element, nvpair, ''), bundleUpdate(bundle.id, 'container', intent!));
  return { suggestions: [remove, move] };
}

/**
 * Pacemaker builds the clone behind a bundle itself and gives it ordered, clone-max (replicas),
 * clone-node-max (replicas-per-host), globally-unique (replicas-per-host > 1) and, when the
 * container's promoted-max is above 0, promotable and promoted-max. A resource's own meta wins
 * over what its parent passes down, so those clone options set as bundle meta are silently
 * ignored. Only promoted-max gets through when the container sets none, and then it only works
 * together with meta promotable=true, a roundabout way to say what the container's promoted-max
 * says. A meta value that equals the derived one (TripleO sets ordered=true) changes nothing, and
 * nothing is reported for it.
 */
export default defineRule({
  meta: {
    id: 'bundle-meta-clone-options',
    level: 'warning',
    description: 'Bundle meta-attributes do not set clone options (clone-max, clone-node-max, globally-unique, ordered, promoted-max)',
    constraint: {
      title: 'Clone options of a bundle come from its container element, not from meta-attributes',
      source: 'RHEL 7 HA Reference §9.5.1.1, table 9.6 (replicas, replicas-per-host, promoted-max) and §9.5.3 (bundles are not cloned explicitly); Pacemaker lib/pengine/bundle.c pe__unpack_bundle() (the implicit clone\'s meta_attributes), lib/pengine/complex.c (own meta before the parent\'s)',
    },
    tags: ['bundle', 'meta', 'clone'],
    messages: {
      cloneOption: {
        text: 'Bundle "{{bundle}}" sets the clone option {{name}}={{value}} as a meta-attribute, but {{derived}}, so the meta-attribute is ignored',
      },
      inheritedPromotedMax: {
        text: 'Bundle "{{bundle}}" sets promoted-max={{value}} as a meta-attribute while its container sets none; the implicit clone inherits it, but it counts only together with meta promotable=true, and the container\'s promoted-max is the setting Pacemaker and pcs document for bundles',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const [name, option] of Object.entries(CLONE_OPTIONS)) {
        // rsc_defaults are meant for every resource; only the bundle's own sets are a mistake.
        const found = cib.ownMeta(bundle.element, name);
        if (!found) continue;
        const inherited = name === 'promoted-max' && !((bundle.promotedMax ?? 0) > 0);
        // The value Pacemaker derives anyway: the meta-attribute changes nothing.
        if (!inherited && option.sameAsDerived(found.value, bundle)) continue;
        const unset = unsetMetaCommand(bundle.element, found.nvpair);
        const intent = option.containerAttribute?.(found.value);
        report({
          messageId: inherited ? 'inheritedPromotedMax' : 'cloneOption',
          node: found.nvpair.attribute('name') ?? found.nvpair,
          data: { bundle: bundle.id, name, value: found.value, derived: option.derived },
          suggestion: intent ? `${unset} && pcs resource bundle update ${shellWord(bundle.id)} container ${shellWord(intent)}` : unset,
          ...cloneRemedies(bundle, found.nvpair, intent),
        });
      }
    }
  },
});
