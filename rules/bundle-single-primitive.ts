import { EDIT_CIB_FILE, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';

/**
 * Pacemaker wraps the bundle's resource in an implicit clone, one instance per replica, and
 * looks only for the first <primitive> child: a group, clone or nested bundle is never run, and
 * a second resource is ignored (the schema allows one primitive; pcs refuses to add a second).
 * A template reference is a primitive whose agent lives elsewhere: Pacemaker resolves it and runs
 * the bundle (crm_simulate 2.1.5 does), but pcs never creates one in a bundle, so it is a warning,
 * not an error.
 */
export default defineRule({
  meta: {
    id: 'bundle-single-primitive',
    level: 'error',
    description: 'A bundle holds at most one resource, and it is a plain primitive',
    constraint: {
      title: 'A bundle may contain one primitive resource',
      source: 'RHEL 7 HA Reference §9.5.2 ("バンドルは必要に応じて、1 つの Pacemaker クラスターリソースを含めることができます"); Pacemaker xml/resources-*.rng (element-bundle: optional element-primitive); pcs/lib/cib/resource/bundle.py (a bundle may contain at most one primitive)',
    },
    tags: ['bundle', 'resource'],
    messages: {
      extra: {
        text: 'Bundle "{{bundle}}" holds more than one resource, and {{resource}} is one too many: the schema allows one primitive, so Pacemaker refuses the CIB (it would run only the first)',
      },
      notPrimitive: {
        text: 'Bundle "{{bundle}}" holds a <{{kind}}> "{{resource}}"; a bundle can only hold a primitive, so the schema rejects the CIB and Pacemaker refuses it',
      },
      templateReference: {
        text: 'The primitive "{{resource}}" in bundle "{{bundle}}" takes its agent from template "{{template}}"; Pacemaker resolves it and runs the bundle, but pcs never creates a bundle resource this way: give the primitive its own class and type',
        level: 'warning',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const [first, ...extras] = bundle.resources;
      if (!first) continue;
      const resource = first.id ?? '';
      if (first.name !== 'primitive') {
        report({
          messageId: 'notPrimitive',
          node: first,
          data: { bundle: bundle.id, kind: first.name, resource },
          suggestion: `${EDIT_CIB_FILE}: move <${first.name} id="${resource}"> out of bundle ${bundle.id}, then put one primitive in the bundle: pcs resource create <id> <agent> bundle ${shellWord(bundle.id)}`,
        });
      } else if (first.has('template')) {
        const template = first.attr('template')!;
        const agent = cib.resourceAgent(first);
        const spelled = agent.class && agent.type ? [agent.class, agent.provider, agent.type].filter(Boolean).join(':') : '<agent>';
        report({
          messageId: 'templateReference',
          node: first.attribute('template'),
          data: { bundle: bundle.id, resource, template },
          suggestion: `pcs resource delete ${shellWord(resource)} && pcs resource create ${shellWord(resource)} ${spelled === '<agent>' ? spelled : shellWord(spelled)} bundle ${shellWord(bundle.id)} (add the template's instance attributes and operations to the create command)`,
        });
      }
      for (const extra of extras) {
        report({
          messageId: 'extra',
          node: extra,
          data: { bundle: bundle.id, resource: extra.describe() },
          suggestion: `${EDIT_CIB_FILE}: move ${extra.describe()} out of bundle ${bundle.id}; use one bundle per resource`,
          related: [{ target: first, message: `first resource of bundle "${bundle.id}"` }],
        });
      }
    }
  },
});
