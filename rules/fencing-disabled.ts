import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, removeElement } from '../src/cib/edits.js';
import { parseBoolean } from '../src/cib/values.js';
import { fencingOption } from '../src/cib/pacemaker.js';

/**
 * Without fencing, Pacemaker cannot recover from a node that stops responding: it must either
 * guess that the node is down (and risk running a resource twice, corrupting shared data) or
 * block. Fencing is mandatory for supported clusters; crm_verify says nothing when it is off.
 */
export default defineRule({
  meta: {
    id: 'fencing-disabled',
    level: 'warning',
    description: 'Fencing is not disabled (stonith-enabled / fencing-enabled is not false)',
    constraint: {
      title: 'stonith-enabled (Pacemaker 3: fencing-enabled) stays true in a production cluster',
      source: 'Pacemaker Explained, "Cluster Options" (stonith-enabled) and "Fencing"; RHEL HA documentation: clusters without fencing are not supported',
    },
    tags: ['fencing', 'cluster-options'],
    messages: {
      disabled: {
        text: 'Cluster option {{name}}={{value}} disables fencing: Pacemaker cannot safely recover resources from a node that stops responding, and may run them on two nodes at once',
      },
      overridden: {
        text: 'Cluster option stonith-enabled={{value}} is ignored: fencing-enabled={{winner}} is set too, and from Pacemaker 3.0.2 fencing-enabled wins',
      },
      unknownOption: {
        text: 'Cluster option fencing-enabled={{value}} means nothing to Pacemaker {{version}} (it exists from 3.0.2): stonith-enabled decides, and fencing stays {{state}}',
      },
    },
  },
  check({ cib, pacemaker, report }) {
    const { effective: option, overridden, unknown } = fencingOption(cib, pacemaker);
    if (overridden && parseBoolean(overridden.value) !== parseBoolean(option?.value)) {
      report({
        messageId: 'overridden',
        node: overridden.attribute ?? overridden.nvpair,
        data: { value: overridden.value, winner: option?.value ?? '' },
        suggestion: 'pcs property unset stonith-enabled',
        // A suggestion: removing it changes nothing only where Pacemaker is 3.0.2 or later throughout.
        suggestions: [remedy('Remove stonith-enabled, which fencing-enabled overrides', [removeElement(overridden.nvpair)], overridden.nvpair.parent?.id === 'cib-bootstrap-options' ? ['pcs', 'property', 'unset', 'stonith-enabled'] : undefined)],
      });
    }
    if (unknown && parseBoolean(unknown.value) !== parseBoolean(option?.value ?? 'true')) {
      report({
        messageId: 'unknownOption',
        node: unknown.attribute ?? unknown.nvpair,
        data: { value: unknown.value, version: pacemaker.assumed.version, state: parseBoolean(option?.value ?? 'true') === false ? 'off' : 'on' },
        suggestion: `pcs property set ${shellWord(`stonith-enabled=${unknown.value}`)}`,
      });
    }
    if (!option || parseBoolean(option.value) !== false) return;
    const name = option.nvpair.attr('name') ?? 'stonith-enabled';
    report({
      messageId: 'disabled',
      node: option.attribute ?? option.nvpair,
      data: { name, value: option.value },
      suggestions: [remedy('Configure a fencing device, then turn fencing back on', [removeElement(option.nvpair)], ['pcs', 'stonith', 'create', '<name>', '<fence agent>', '<agent options>'], ['pcs', 'property', 'unset', name])],
      // unset (the default is true) works for both names, even where pcs does not know fencing-enabled yet.
      suggestion: `Configure a fencing device (pcs stonith create <name> <fence agent> ...), then: pcs property unset ${shellWord(name)}`,
    });
  },
});
