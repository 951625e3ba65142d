import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';

/**
 * promoted-max makes the bundle's resource a promotable clone with that many promoted replicas.
 * Without a resource there is nothing to promote, and a clone cannot promote more instances than
 * it has replicas: in both cases the value silently has no effect, which usually means the
 * bundle is not configured the way its author believes.
 */
export default defineRule({
  meta: {
    id: 'bundle-promoted-max',
    level: 'warning',
    description: 'A bundle with promoted-max above 0 has a resource and at least as many replicas',
    constraint: {
      title: 'promoted-max > 0 requires a resource, and promoted-max <= replicas',
      source: 'RHEL 7 HA Reference §9.5.1.1, table 9.6 (replicas, promoted-max) and §9.5.2 (promoted-max makes the resource a multi-state clone); Pacemaker lib/pengine/bundle.c (pe__unpack_bundle)',
    },
    tags: ['bundle', 'promotable', 'replicas'],
    messages: {
      noResource: {
        text: 'Bundle "{{bundle}}" sets {{attribute}}={{value}} but contains no resource, so there is nothing to promote and the value has no effect',
      },
      moreThanReplicas: {
        text: 'Bundle "{{bundle}}" sets {{attribute}}={{value}} but has only {{replicas}} replica(s); at most {{replicas}} can ever be promoted',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const promotedMax = bundle.promotedMax;
      if (promotedMax === undefined || promotedMax <= 0) continue;
      // Pacemaker reads promoted-max first and falls back to the deprecated masters.
      const attribute = bundle.container?.attribute('promoted-max') ?? bundle.container?.attribute('masters');
      if (!attribute) continue;
      const data = { bundle: bundle.id, attribute: attribute.name, value: attribute.value };
      if (!bundle.primitive) {
        report({
          messageId: 'noResource',
          node: attribute,
          data,
          suggestion: `Add the resource to promote (pcs resource create <id> ocf:<provider>:<agent> bundle ${shellWord(bundle.id)}), or drop the setting: pcs resource bundle update ${shellWord(bundle.id)} container ${attribute.name}=`,
        });
        continue;
      }
      const replicas = bundle.replicas;
      if (replicas === undefined || promotedMax <= replicas) continue;
      const replicasAttribute = bundle.container?.attribute('replicas');
      report({
        messageId: 'moreThanReplicas',
        node: attribute,
        data: { ...data, replicas },
        // No more than the replicas are ever promoted: the cap says what happens.
        fixes: [remedy(`Set ${attribute.name} to ${replicas}, the most that can be promoted`, [setAttribute(attribute.owner, attribute.name, String(replicas))], attribute.name === 'masters' ? undefined : bundleUpdate(bundle.id, 'container', `${attribute.name}=${replicas}`))],
        suggestions: [remedy(`Run ${promotedMax} replicas instead`, [setAttribute(attribute.owner, 'replicas', String(promotedMax))], bundleUpdate(bundle.id, 'container', `replicas=${promotedMax}`))],
        suggestion: `pcs resource bundle update ${shellWord(bundle.id)} container ${attribute.name}=${replicas} (or replicas=${promotedMax})`,
        related: replicasAttribute ? [{ target: replicasAttribute, message: 'replicas set here' }] : [],
      });
    }
  },
});
