import { shellWord, unsetMetaCommand } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { addMeta, bundleUpdate, metaCommand, remedy, removeNvpair } from '../src/cib/edits.js';

/**
 * Pacemaker places a bundle's replicas as a whole, by the bundle's priority, and the bundled
 * resource inherits the bundle's meta-attributes. A priority on the resource inside does not
 * change the order in which the scheduler serves resources, so it only misleads whoever reads
 * the configuration.
 */
export default defineRule({
  meta: {
    id: 'bundle-primitive-priority',
    level: 'note',
    description: 'Priority is set on the bundle, not on the resource inside it',
    constraint: {
      title: 'Only the bundle\'s own priority counts',
      source: 'RHEL 7 HA Reference §9.5.2.2 (bundle meta-attributes such as priority are inherited by the resource inside)',
    },
    tags: ['bundle', 'meta'],
    messages: {
      primitivePriority: {
        text: 'Resource "{{resource}}" inside bundle "{{bundle}}" sets priority={{value}}; Pacemaker places the bundle\'s replicas by the bundle\'s own priority (which the resource inherits), so set it on the bundle instead',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const primitive = bundle.primitive;
      if (!primitive) continue;
      const priority = cib.ownMeta(primitive, 'priority');
      if (!priority) continue;
      const resource = primitive.id ?? '';
      // The value moves to the bundle, where it counts; a bundle with a priority of its own keeps it.
      const fixOf = () => {
        const removal = removeNvpair(primitive, priority.nvpair);
        const own = cib.ownMeta(bundle.element, 'priority');
        const added = own ? [] : addMeta(cib, bundle.element, 'priority', priority.value);
        if (!removal || !added) return {};
        const title = own ? 'Remove the priority of the resource, which only the bundle\'s counts' : 'Move the priority to the bundle';
        const commands = own ? [metaCommand(primitive, priority.nvpair, '')] : [bundleUpdate(bundle.id, 'meta', `priority=${priority.value}`), metaCommand(primitive, priority.nvpair, '')];
        return { fixes: [remedy(title, [...added, ...removal], ...commands)] };
      };
      const unset = unsetMetaCommand(primitive, priority.nvpair);
      // A bundle that has a priority of its own keeps it; otherwise the value moves there.
      const move = cib.ownMeta(bundle.element, 'priority') ? '' : `pcs resource bundle update ${shellWord(bundle.id)} meta ${shellWord(`priority=${priority.value}`)} && `;
      report({
        messageId: 'primitivePriority',
        node: priority.attribute ?? priority.nvpair,
        data: { resource, bundle: bundle.id, value: priority.value },
        suggestion: `${move}${unset}`,
        ...fixOf(),
      });
    }
  },
});
