import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import type { Bundle, Cib } from '../src/cib/model.js';
import { defineRule, type RelatedLocation } from '../src/core/rule.js';
import type { XmlAttribute } from '../src/document/xml/element.js';

/**
 * A promotable bundle turns its resource into a promotable clone, and only OCF agents have
 * promote and demote actions. Pacemaker rejects any other class ("cannot be used as a promotable
 * clone resource") and ignores the whole bundle, containers included.
 */
export default defineRule({
  meta: {
    id: 'bundle-promotable-agent',
    level: 'error',
    description: 'A promotable bundle contains an OCF resource',
    constraint: {
      title: 'Only OCF resources can be promoted, so a promotable bundle needs an OCF primitive',
      source: 'RHEL 7 HA Reference §9.5.2 (promoted-max makes the bundle a multi-state clone); Pacemaker lib/pengine/native.c (native_unpack), lib/common/agents.c (pcmk_get_ra_caps)',
    },
    tags: ['bundle', 'promotable', 'agent'],
    messages: {
      notOcf: {
        text: 'Bundle "{{bundle}}" is promotable ({{reason}}) but its resource "{{resource}}" is of class {{class}}{{via}}; only OCF agents can be promoted, so Pacemaker rejects the resource and ignores the whole bundle',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const primitive = bundle.primitive;
      if (!primitive || !bundle.isPromotable) continue;
      const agent = cib.resourceAgent(primitive);
      // An unknown or missing class is the schema's and the template reference's problem.
      if (agent.class === undefined || agent.class.toLowerCase() === 'ocf') continue;
      const trigger = promotableTrigger(cib, bundle);
      const related: RelatedLocation[] = [];
      if (trigger.node) related.push({ target: trigger.node, message: 'made promotable here' });
      const templateClass = agent.template?.attribute('class');
      const fromTemplate = !primitive.has('class') && templateClass !== undefined;
      if (fromTemplate) related.push({ target: templateClass, message: 'class set by the template here' });
      report({
        messageId: 'notOcf',
        node: (fromTemplate ? primitive.attribute('template') : primitive.attribute('class')) ?? primitive,
        data: {
          bundle: bundle.id,
          reason: trigger.reason,
          resource: primitive.id ?? '?',
          class: agent.class,
          via: fromTemplate ? ` (from template "${agent.template?.id ?? ''}")` : '',
        },
        suggestion: `Use an OCF agent with promote/demote actions (pcs resource delete ${idWord(primitive.id)}; pcs resource create ${idWord(primitive.id)} ocf:<provider>:<agent> bundle ${shellWord(bundle.id)}), or make the bundle non-promotable: ${trigger.unset}`,
        related,
      });
    }
  },
});

/**
 * What makes the bundle promotable, for the message and a related location, and the pcs command
 * that undoes it (pcs 0.11 `resource meta` does not accept bundles; `bundle update ... meta` does).
 */
function promotableTrigger(cib: Cib, bundle: Bundle): { reason: string; node: XmlAttribute | undefined; unset: string } {
  if ((bundle.promotedMax ?? 0) > 0) {
    const attribute = bundle.container?.attribute('promoted-max') ?? bundle.container?.attribute('masters');
    const name = attribute?.name ?? 'promoted-max';
    return { reason: `${name}=${attribute?.value ?? ''}`, node: attribute, unset: `pcs resource bundle update ${shellWord(bundle.id)} container ${name}=` };
  }
  const meta = cib.meta(bundle.element, 'promotable');
  const unset = meta?.nvpair.ancestor('rsc_defaults')
    ? 'pcs resource defaults update promotable='
    : `pcs resource bundle update ${shellWord(bundle.id)} meta promotable=`;
  return { reason: `meta promotable=${meta?.value ?? 'true'}`, node: meta?.attribute, unset };
}
