import { defineRule } from '../src/core/rule.js';
import { metaCommand, remedy, removeNvpair, setAttribute } from '../src/cib/edits.js';
import type { Bundle, NvValue } from '../src/cib/model.js';
import { setMetaCommand, shellWord } from '../src/cib/pcs-commands.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { parseBoolean } from '../src/cib/values.js';

/** A meta-attribute that leaves bundles unmanaged, and the bundles it applies to. */
interface Unmanaging {
  name: string;
  found: NvValue;
  bundles: Bundle[];
}

/**
 * Pacemaker documents that restarting Pacemaker while a bundle is unmanaged, or while the
 * cluster is in maintenance mode, can make the bundle fail: its bundle nodes and containers are
 * rediscovered without the scheduler being allowed to put them right. Both states are usually
 * left over from maintenance work, and nothing warns about them.
 */
export default defineRule({
  meta: {
    id: 'bundle-unmanaged',
    level: 'warning',
    description: 'Bundles are managed, not in maintenance, and the cluster is not in maintenance mode',
    constraint: {
      title: 'Restarting Pacemaker while a bundle is unmanaged or the cluster is in maintenance mode can break the bundle',
      source: 'RHEL 7 HA Reference §9.5.3 (second limitation); §9.5.2.2 (bundle meta-attributes such as is-managed)',
    },
    tags: ['bundle', 'meta', 'maintenance'],
    messages: {
      bundleMeta: {
        text: 'Bundle "{{bundle}}" has {{name}}={{value}}, so Pacemaker neither starts, stops nor recovers it; restarting Pacemaker in this state can leave the bundle broken',
      },
      defaultsMeta: {
        text: 'rsc_defaults set {{name}}={{value}}, so Pacemaker does not manage bundle(s) {{bundles}}; restarting Pacemaker in this state can leave them broken',
      },
      clusterMaintenance: {
        text: 'The cluster is in maintenance mode (maintenance-mode={{value}}) and holds bundle(s) {{bundles}}; restarting Pacemaker in maintenance mode can leave bundles broken',
      },
    },
  },
  check({ cib, report }) {
    if (cib.bundles.length === 0) return;
    // Grouped by nvpair, so one rsc_defaults entry that unmanages every bundle is reported once.
    const unmanaging = new Map<XmlElement, Unmanaging>();
    for (const bundle of cib.bundles) {
      for (const [name, unmanagedWhen] of [['is-managed', false], ['maintenance', true]] as const) {
        const found = cib.meta(bundle.element, name);
        if (!found || parseBoolean(found.value) !== unmanagedWhen) continue;
        const entry = unmanaging.get(found.nvpair) ?? { name, found, bundles: [] };
        entry.bundles.push(bundle);
        unmanaging.set(found.nvpair, entry);
      }
    }

    for (const { name, found, bundles } of unmanaging.values()) {
      const node = found.attribute ?? found.nvpair;
      const restore = name === 'is-managed' ? 'true' : 'false';
      const rscDefaults = found.nvpair.ancestor('rsc_defaults');
      if (rscDefaults) {
        report({
          messageId: 'defaultsMeta',
          node,
          data: { name, value: found.value, bundles: bundles.map((bundle) => `"${bundle.id}"`).join(', ') },
          suggestion: setMetaCommand(rscDefaults, found.nvpair, restore),
          // Unmanaged may be on purpose (maintenance): the administrator says when it ends.
          suggestions: [remedy(`Manage the resources again: ${name}=${restore} in rsc_defaults`, [setAttribute(found.nvpair, 'value', restore)], metaCommand(rscDefaults, found.nvpair, restore))],
        });
        continue;
      }
      for (const bundle of bundles) {
        // pcs resource manage clears is-managed only in a resource's first meta_attributes set.
        const inFirstSet = found.nvpair.parent === bundle.element.child('meta_attributes');
        report({
          messageId: 'bundleMeta',
          node,
          data: { bundle: bundle.id, name, value: found.value },
          suggestion: name === 'is-managed' && inFirstSet ? `pcs resource manage ${shellWord(bundle.id)}` : setMetaCommand(bundle.element, found.nvpair, ''),
          ...(removeNvpair(bundle.element, found.nvpair) && {
            suggestions: [remedy(`Manage the bundle again: remove ${name}`, removeNvpair(bundle.element, found.nvpair)!, name === 'is-managed' && inFirstSet ? ['pcs', 'resource', 'manage', bundle.id] : metaCommand(bundle.element, found.nvpair, ''))],
          }),
        });
      }
    }

    const maintenanceMode = cib.clusterOption('maintenance-mode');
    if (maintenanceMode && parseBoolean(maintenanceMode.value) === true) {
      report({
        messageId: 'clusterMaintenance',
        node: maintenanceMode.attribute ?? maintenanceMode.nvpair,
        data: { value: maintenanceMode.value, bundles: cib.bundles.map((bundle) => `"${bundle.id}"`).join(', ') },
        suggestion: 'pcs property set maintenance-mode=false',
        suggestions: [remedy('End the maintenance: maintenance-mode=false', [setAttribute(maintenanceMode.nvpair, 'value', 'false')], ['pcs', 'property', 'set', 'maintenance-mode=false'])],
      });
    }
  },
});
