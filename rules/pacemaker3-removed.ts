import { defineRule, targetsPacemaker3 } from '../src/rule.js';
import type { XmlElement } from '../src/xml/element.js';

const REMOVED_CLASSES = new Set(['nagios', 'upstart']);
/** Cluster options the Pacemaker 3 upgrade renames, with their new names. */
const RENAMED_OPTIONS: Readonly<Record<string, string>> = {
  'crmd-finalization-timeout': 'join-finalization-timeout',
  'crmd-integration-timeout': 'join-integration-timeout',
  'crmd-transition-delay': 'transition-delay',
};
/** Owners whose meta_attributes may hold restart-type (master is a clone by then). */
const RESOURCE_META_OWNERS = new Set(['template', 'primitive', 'group', 'clone', 'master', 'bundle', 'rsc_defaults']);
const OP_META_OWNERS = new Set(['op', 'op_defaults']);

/**
 * Pacemaker 3 no longer supports these; when a CIB is upgraded to the pacemaker-4.0 schema
 * (xml/upgrade-3.10-*.xsl, run by `cibadmin --upgrade` and by Pacemaker 3 on load) they are
 * dropped, or renamed, mostly with at most a warning: resources vanish together with every
 * constraint on them. Each message says what the upgrade does, mirroring Pacemaker's own
 * upgrade warnings.
 */
export default defineRule({
  meta: {
    id: 'pacemaker3-removed',
    level: 'warning',
    description: 'Nothing that Pacemaker 3 removes, drops or renames on upgrade is used',
    constraint: {
      title: 'No feature removed in Pacemaker 3 (dropped or rewritten by the pacemaker-4.0 schema upgrade)',
      source: 'Pacemaker xml/upgrade-3.10-0.xsl, -2.xsl, -4.xsl and cts/schemas/test-3 expected upgrade warnings; Pacemaker 3.0 release notes',
    },
    tags: ['pacemaker3', 'deprecated', 'upgrade'],
    // For a cluster that runs (or is about to run) Pacemaker 3, these are no longer advice.
    levelFor: (options) => (targetsPacemaker3(options) ? 'error' : undefined),
    messages: {
      masterResource: {
        text: 'Legacy promotable resource <master id="{{id}}">: Pacemaker 3 converts it to a <clone> with meta-attribute promotable=true',
      },
      removedClass: {
        text: '{{kind}} "{{id}}" uses the {{class}} class, which Pacemaker 3 no longer supports: the upgrade drops it, with every constraint on it',
      },
      emptiedCollective: {
        text: 'The {{kind}} "{{id}}" contains only {{classes}} resources, which Pacemaker 3 drops: the upgrade then drops the {{kind}} itself, with every constraint on it',
      },
      rktBundle: {
        text: 'Bundle "{{id}}" uses rkt containers, which Pacemaker 3 no longer supports: the upgrade drops the bundle, with every constraint on it',
      },
      masters: {
        text: 'Bundle "{{id}}" sets the legacy masters="{{value}}": Pacemaker 3 renames it to promoted-max',
      },
      lifetimeDropped: {
        text: '<lifetime> in {{constraint}} is no longer supported: the Pacemaker 3 upgrade drops it, and its rules no longer limit the constraint',
      },
      lifetimeConverted: {
        text: '<lifetime> in {{constraint}} is no longer supported: the Pacemaker 3 upgrade folds its rules into the location rule',
      },
      restartType: {
        text: 'Meta-attribute restart-type of {{owner}} is no longer supported: the Pacemaker 3 upgrade drops it (consider the "kind" of ordering constraints instead)',
      },
      operationMeta: {
        text: 'Operation meta-attribute {{name}} of {{owner}} is no longer supported: the Pacemaker 3 upgrade drops it (consider the on-fail operation attribute instead)',
      },
      renamedOption: {
        text: 'Cluster option {{name}} was renamed: Pacemaker 3 renames it to {{newName}}',
      },
      removeAfterStop: {
        text: 'Cluster option remove-after-stop is no longer supported: the Pacemaker 3 upgrade drops it',
      },
      poweroff: {
        text: 'Cluster option {{name}}=poweroff is a legacy alias: Pacemaker 3 replaces it with "off"',
      },
      moon: {
        text: 'date_spec "{{id}}" uses moon (phase of the moon), which Pacemaker 3 no longer supports: the upgrade drops the attribute',
      },
      pingNode: {
        text: 'Node "{{id}}" has type="ping", which Pacemaker 3 no longer supports: the upgrade turns it into a member node and bans every resource from it',
      },
      fencingLevelIndex: {
        text: 'Fencing level "{{id}}" has index {{value}}; Pacemaker 3 allows 1 to 9 and the upgrade drops this level',
      },
    },
  },
  check({ cib, report }) {
    checkRemovedClasses(cib, report);

    for (const master of cib.configured('master')) {
      report({
        messageId: 'masterResource',
        node: master,
        data: { id: master.id ?? '' },
        fix: `Convert it to a promotable clone (pcs resource promotable / cibadmin --upgrade on Pacemaker 3 does it): <clone id="${master.id ?? '...'}"> with meta-attribute promotable=true`,
      });
    }

    for (const bundle of cib.bundles) {
      if (bundle.containers.some((container) => container.name === 'rkt')) {
        report({
          messageId: 'rktBundle',
          node: bundle.element.child('rkt'),
          data: { id: bundle.id },
          fix: `Recreate the bundle with podman: pcs resource bundle reset ${bundle.id} container podman image=...`,
        });
        continue; // dropped as a whole: its masters attribute does not matter
      }
      const masters = bundle.container?.attribute('masters');
      if (masters) {
        report({
          messageId: 'masters',
          node: masters,
          data: { id: bundle.id, value: masters.value },
          fix: `pcs resource bundle update ${bundle.id} container masters= promoted-max=${masters.value}`,
        });
      }
    }

    for (const lifetime of cib.configured('lifetime')) {
      const constraint = lifetime.parent;
      if (!constraint) continue;
      const label = constraint.id === undefined ? constraint.name : `${constraint.name} "${constraint.id}"`;
      const converted = constraint.name === 'rsc_location';
      report({
        messageId: converted ? 'lifetimeConverted' : 'lifetimeDropped',
        node: lifetime,
        data: { constraint: label },
        fix: converted
          ? 'Move the lifetime rules into the constraint\'s own <rule> (a date_expression), or use pcs constraint location ... rule ...'
          : `Remove the constraint when it should expire: pcs constraint delete ${constraint.id ?? '<id>'}`,
      });
    }

    for (const nvpair of cib.configured('nvpair')) {
      const name = nvpair.attr('name');
      const set = nvpair.parent;
      const owner = set?.parent;
      if (name === undefined || !set || !owner) continue;
      const nameAttribute = nvpair.attribute('name')!;
      if (set.name === 'meta_attributes' && name === 'restart-type' && RESOURCE_META_OWNERS.has(owner.name)) {
        report({
          messageId: 'restartType',
          node: nameAttribute,
          data: { owner: owner.describe() },
          fix: owner.name === 'rsc_defaults' ? 'pcs resource defaults update restart-type=' : `pcs resource meta ${owner.id ?? '<resource>'} restart-type=`,
        });
      } else if (set.name === 'meta_attributes' && (name === 'can_fail' || name === 'role_after_failure') && OP_META_OWNERS.has(owner.name)) {
        report({
          messageId: 'operationMeta',
          node: nameAttribute,
          data: { name, owner: owner.describe() },
          fix: `Delete the nvpair ${nvpair.id ?? name} and set on-fail on the operation instead (pcs resource update <resource> op <name> on-fail=...)`,
        });
      } else if (set.name === 'cluster_property_set') {
        const newName = RENAMED_OPTIONS[name];
        if (newName) {
          report({
            messageId: 'renamedOption',
            node: nameAttribute,
            data: { name, newName },
            fix: `pcs property set ${name}= ${newName}=${nvpair.attr('value') ?? ''}`,
          });
        } else if (name === 'remove-after-stop') {
          report({ messageId: 'removeAfterStop', node: nameAttribute, fix: 'pcs property set remove-after-stop=' });
        } else if ((name === 'stonith-action' || name === 'fencing-action') && nvpair.attr('value') === 'poweroff') {
          report({
            messageId: 'poweroff',
            node: nvpair.attribute('value'),
            data: { name },
            fix: `pcs property set ${name}=off`,
          });
        }
      }
    }

    for (const dateSpec of cib.configured('date_spec')) {
      const moon = dateSpec.attribute('moon');
      if (moon) report({ messageId: 'moon', node: moon, data: { id: dateSpec.id ?? '' }, fix: 'Remove the moon attribute from the date_spec' });
    }

    for (const node of cib.clusterNodes) {
      const type = node.attribute('type');
      if (type?.value !== 'ping') continue;
      report({
        messageId: 'pingNode',
        node: type,
        data: { id: node.attr('uname') ?? node.id ?? '' },
        fix: 'Remove the ping node from the cluster, or run it as a normal member with resources banned from it',
      });
    }

    for (const level of cib.configured('fencing-level')) {
      const index = level.attribute('index');
      if (!index || !/^\d+$/.test(index.value.trim()) || Number(index.value) <= 9) continue;
      report({
        messageId: 'fencingLevelIndex',
        node: index,
        data: { id: level.id ?? '', value: index.value },
        fix: 'Renumber the fencing levels of that target within 1..9 (pcs stonith level add <level> <target> <devices>)',
      });
    }
  },
});

type Report = Parameters<Parameters<typeof defineRule>[0]['check']>[0]['report'];

/**
 * Mirrors xml/upgrade-3.10-4.xsl: nagios/upstart templates and primitives (also through a
 * template) are dropped; a group all of whose primitives are dropped, and a clone all of whose
 * primitives are dropped, go too. Report the outermost thing dropped, as Pacemaker does.
 */
function checkRemovedClasses(cib: Parameters<Parameters<typeof defineRule>[0]['check']>[0]['cib'], report: Report): void {
  const removedClass = (element: XmlElement): string | undefined => {
    const value = element.attr('class')?.toLowerCase();
    return value !== undefined && REMOVED_CLASSES.has(value) ? value : undefined;
  };
  const droppedTemplates = new Map<string, string>();
  for (const template of cib.configured('template')) {
    const cls = removedClass(template);
    if (cls === undefined || template.id === undefined) continue;
    droppedTemplates.set(template.id, cls);
    report({
      messageId: 'removedClass',
      node: template.attribute('class'),
      data: { kind: 'Template', id: template.id, class: cls },
      fix: `Replace the template with one of another class (ocf or systemd), then: pcs resource delete ${template.id}`,
    });
  }
  const dropped = new Map<XmlElement, string>();
  for (const primitive of cib.primitives) {
    const own = removedClass(primitive);
    const viaTemplate = primitive.attr('template') === undefined ? undefined : droppedTemplates.get(primitive.attr('template')!);
    const cls = own ?? viaTemplate;
    if (cls !== undefined) dropped.set(primitive, cls);
  }
  if (dropped.size === 0) return;
  const allDropped = (primitives: XmlElement[]): boolean => primitives.length > 0 && primitives.every((p) => dropped.has(p));
  const droppedCollectives = new Set<XmlElement>();
  for (const group of cib.configured('group')) if (allDropped(group.childrenNamed('primitive'))) droppedCollectives.add(group);
  for (const clone of [...cib.configured('clone'), ...cib.configured('master')]) {
    if (allDropped([...clone.descendants()].filter((element) => element.name === 'primitive'))) droppedCollectives.add(clone);
  }
  const insideDropped = (element: XmlElement): boolean => {
    for (let node = element.parent; node; node = node.parent) if (droppedCollectives.has(node)) return true;
    return false;
  };
  for (const collective of droppedCollectives) {
    if (insideDropped(collective)) continue;
    const classes = [...new Set([...collective.descendants()].map((element) => dropped.get(element)).filter((c) => c !== undefined))];
    report({
      messageId: 'emptiedCollective',
      node: collective,
      data: { kind: collective.name, id: collective.id ?? '', classes: classes.join('/') },
      fix: `Recreate its resources with a supported class (ocf or systemd), or remove it: pcs resource delete ${collective.id ?? '<id>'}`,
    });
  }
  for (const [primitive, cls] of dropped) {
    if (insideDropped(primitive)) continue;
    report({
      messageId: 'removedClass',
      node: primitive.attribute('class') ?? primitive.attribute('template') ?? primitive,
      data: { kind: 'Resource', id: primitive.id ?? '', class: cls },
      fix: `Recreate it with a supported class, e.g. systemd: pcs resource delete ${primitive.id ?? '<id>'} && pcs resource create ${primitive.id ?? '<id>'} systemd:<service>`,
    });
  }
}
