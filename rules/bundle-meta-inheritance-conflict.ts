import { defineRule } from '../src/core/rule.js';
import { metaCommand, remedy, removeNvpair } from '../src/cib/edits.js';
import type { NvValue } from '../src/cib/model.js';
import { shellWord, unsetMetaCommand } from '../src/cib/pcs-commands.js';
import { parseBoolean } from '../src/cib/values.js';

/**
 * How far a target-role lets a resource go: stopped, running but not promoted, or without limit
 * (Started and Promoted both allow promotion). Master and Slave are the pre-2.1 names.
 */
const ROLE_REACH: Record<string, number> = {
  stopped: 0,
  unpromoted: 1,
  slave: 1,
  started: 2,
  promoted: 2,
  master: 2,
};

function disagree(name: string, own: string, inherited: string): boolean {
  if (name === 'is-managed') {
    const a = parseBoolean(own);
    const b = parseBoolean(inherited);
    return a !== undefined && b !== undefined && a !== b;
  }
  const a = ROLE_REACH[own.trim().toLowerCase()];
  const b = ROLE_REACH[inherited.trim().toLowerCase()];
  return a !== undefined && b !== undefined && a !== b;
}

/**
 * Meta-attributes set on a bundle are inherited by the resource inside and by the resources
 * Pacemaker creates for it. When the resource sets its own target-role or is-managed, its value
 * wins for the resource while the containers follow the bundle's: the bundle says one thing and
 * its service does another, typically after `pcs resource disable`/`unmanage` was run on the
 * inner resource and later undone on the bundle only.
 */
export default defineRule({
  meta: {
    id: 'bundle-meta-inheritance-conflict',
    level: 'warning',
    description: "The resource inside a bundle does not contradict the bundle's target-role or is-managed",
    constraint: {
      title: 'Bundle meta-attributes (target-role, is-managed) are inherited by the resource inside',
      source: 'RHEL 7 HA Reference §9.5.2.2 (meta-attributes set on a bundle, including target-role and is-managed, are inherited)',
    },
    tags: ['bundle', 'meta'],
    messages: {
      conflict: {
        text: 'Resource "{{resource}}" sets {{name}}={{value}}, but its bundle "{{bundle}}" sets {{name}}={{bundleValue}}; the containers follow the bundle and the resource inside follows its own value, so they disagree',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const primitive = bundle.primitive;
      if (!primitive) continue;
      for (const name of ['target-role', 'is-managed']) {
        const own: NvValue | undefined = cib.ownMeta(primitive, name);
        const inherited = cib.ownMeta(bundle.element, name);
        if (!own || !inherited || !disagree(name, own.value, inherited.value)) continue;
        const resource = primitive.id ?? '';
        const bundleNode = inherited.attribute ?? inherited.nvpair;
        report({
          messageId: 'conflict',
          node: own.attribute ?? own.nvpair,
          data: { resource, name, value: own.value, bundle: bundle.id, bundleValue: inherited.value },
          suggestion: `Let the resource inherit the bundle's value: ${unsetMetaCommand(primitive, own.nvpair)} (then ${name === 'is-managed' ? `pcs resource manage ${shellWord(bundle.id)} or pcs resource unmanage ${shellWord(bundle.id)}` : `pcs resource enable ${shellWord(bundle.id)} or pcs resource disable ${shellWord(bundle.id)}`} sets the state of both)`,
          related: [{ target: bundleNode, message: `bundle "${bundle.id}" sets ${name}=${inherited.value} here` }],
          // Which of the two states is meant is the administrator's to say.
          ...(removeNvpair(primitive, own.nvpair) && {
            suggestions: [remedy(`Let the resource inherit the bundle's ${name}`, removeNvpair(primitive, own.nvpair)!, metaCommand(primitive, own.nvpair, ''))],
          }),
        });
      }
    }
  },
});
