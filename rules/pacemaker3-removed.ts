import { idWord, shellWord, xmlTextWord } from '../src/cib/pcs-commands.js';
import { describeConstraint } from '../src/cib/constraints.js';
import { findRemovals, type Removal } from '../src/cib/pacemaker3.js';
import { defineRule, type ReportDescriptor, type RuleMessage } from '../src/core/rule.js';

const MESSAGES = {
  masterResource: { text: 'Legacy promotable resource <master id="{{id}}">: Pacemaker 3 converts it to a <clone> with meta-attribute promotable=true', level: 'note' },
  removedClass: { text: '{{kind}} "{{id}}" uses the {{class}} class, which Pacemaker 3 no longer supports: the upgrade drops it, with every constraint on it' },
  emptiedCollective: { text: 'The {{kind}} "{{id}}" contains only {{classes}} resources, which Pacemaker 3 drops: the upgrade then drops the {{kind}} itself, with every constraint on it' },
  lifetimeDropped: { text: '<lifetime> in {{constraint}} is no longer supported: the Pacemaker 3 upgrade drops it, and its rules no longer limit the constraint' },
  lifetimeConverted: { text: '<lifetime> in {{constraint}} is no longer supported: the Pacemaker 3 upgrade folds its rules into the location rule', level: 'note' },
  restartType: { text: 'Meta-attribute restart-type of {{owner}} is no longer supported: the Pacemaker 3 upgrade drops it (consider the "kind" of ordering constraints instead)' },
  operationMeta: { text: 'Operation meta-attribute {{name}} of {{owner}} is no longer supported: {{effect}} (consider the on-fail operation attribute instead)' },
  renamedOption: { text: 'Cluster option {{name}} was renamed: Pacemaker 3 renames it to {{newName}}', level: 'note' },
  removeAfterStop: { text: 'Cluster option remove-after-stop is no longer supported: the Pacemaker 3 upgrade drops it' },
  poweroff: { text: 'Cluster option {{name}}=poweroff is a legacy alias: Pacemaker 3 replaces it with "off"', level: 'note' },
  moon: { text: 'date_spec "{{id}}" uses moon (phase of the moon), which Pacemaker 3 no longer supports: the upgrade drops the attribute' },
  pingNode: { text: 'Node "{{id}}" has type="ping", which Pacemaker 3 no longer supports: the upgrade turns it into a member node and bans every resource from it' },
  fencingLevelIndex: { text: 'Fencing level "{{id}}" has index {{value}}; Pacemaker 3 allows 1 to 9 and the upgrade drops this level' },
} satisfies Record<string, RuleMessage>;
type MessageId = keyof typeof MESSAGES;

/** What the upgrade converts keeps working: a deprecation with no effect yet, whatever the version. */
const CONVERTED: ReadonlySet<MessageId> = new Set(['masterResource', 'lifetimeConverted', 'renamedOption', 'poweroff']);

/**
 * Pacemaker 3 no longer supports these; when a CIB is upgraded to the pacemaker-4.0 schema
 * (xml/upgrade-3.10-*.xsl, run by `cibadmin --upgrade` and by Pacemaker 3 on load) they are
 * dropped, or renamed, mostly with at most a warning: resources vanish together with every
 * constraint on them. What is removed, and how to find it, is in src/cib/pacemaker3.ts; each
 * message here says what the upgrade does, mirroring Pacemaker's own upgrade warnings.
 */
export default defineRule({
  meta: {
    id: 'pacemaker3-removed',
    level: 'error',
    description: 'Nothing that Pacemaker 3 removes, drops or renames on upgrade is used',
    constraint: {
      title: 'No feature removed in Pacemaker 3 (dropped or rewritten by the pacemaker-4.0 schema upgrade)',
      source: 'Pacemaker xml/upgrade-3.10-2.xsl, -3.xsl, -4.xsl and cts/schemas/test-3 expected upgrade warnings; Pacemaker 3.0.0 release notes (ChangeLog.md)',
    },
    tags: ['pacemaker3', 'deprecated', 'upgrade'],
    // What the upgrade drops is ignored configuration on Pacemaker 3 (an error) and breaks on the
    // next major version before it (a warning); what it converts stays a note.
    levelFor: (pacemaker, messageId) => (CONVERTED.has(messageId) ? 'note' : pacemaker.isPacemaker3 ? 'error' : 'warning'),
    messages: MESSAGES,
  },
  check({ cib, report }) {
    for (const removal of findRemovals(cib)) report(describe(removal));
  },
});

/** The finding for one removal: the narrowest node, what the upgrade does, and a working fix. */
function describe(removal: Removal): ReportDescriptor<MessageId> {
  switch (removal.kind) {
    case 'droppedClass': {
      const { element, classes } = removal;
      const id = element.id ?? '<id>';
      if (element.name === 'template' || element.name === 'primitive') {
        return {
          messageId: 'removedClass',
          node: element.attribute('class') ?? element.attribute('template') ?? element,
          data: { kind: element.name === 'template' ? 'Template' : 'Resource', id, class: classes.join('/') },
          suggestion: element.name === 'template'
            ? `Recreate the resources that use it with a supported class (ocf or systemd), then: cibadmin --delete --xml-text ${element.id === undefined ? `'<template id="<id>"/>'` : xmlTextWord('template', { id: element.id })}`
            : `Recreate it with a supported class, e.g. systemd: pcs resource delete ${idWord(element.id)} && pcs resource create ${idWord(element.id)} systemd:<service>`,
        };
      }
      return {
        messageId: 'emptiedCollective',
        node: element,
        data: { kind: element.name, id, classes: classes.join('/') },
        suggestion: `Recreate its resources with a supported class (ocf or systemd), or remove it: pcs resource delete ${idWord(element.id)}`,
      };
    }
    case 'masterResource': {
      const id = removal.element.id ?? '<id>';
      return {
        messageId: 'masterResource',
        node: removal.element,
        data: { id },
        // Not `pcs resource unclone` + `promotable`: unclone deletes every constraint on the master.
        suggestion: `Rename <master id="${id}"> to <clone id="${id}"> and add meta-attribute promotable=true (pcs cluster cib cib.xml; edit it; pcs cluster cib-push cib.xml --config); Pacemaker 3's cibadmin --upgrade does the same`,
      };
    }
    case 'lifetime': {
      const { constraint } = removal;
      const converted = constraint.name === 'rsc_location';
      const remove = `pcs constraint delete ${idWord(constraint.id)}`;
      return {
        messageId: converted ? 'lifetimeConverted' : 'lifetimeDropped',
        node: removal.lifetime,
        data: { constraint: describeConstraint(constraint) },
        suggestion: converted
          ? `Put the lifetime's date condition into the constraint's own rule: ${remove}, then pcs constraint location <resource> rule score=<score> '#uname' eq <node> and date lt <end>`
          : `Remove the constraint when it should expire: ${remove}`,
      };
    }
    case 'restartType': {
      const { nvpair, owner } = removal;
      const suggestion = owner.name === 'rsc_defaults' ? 'pcs resource defaults update restart-type='
        : owner.name === 'template' ? deleteNvpair(nvpair.id) // pcs does not manage templates
        : `pcs resource meta ${idWord(owner.id, '<resource>')} restart-type=`;
      return { messageId: 'restartType', node: nvpair.attribute('name'), data: { owner: owner.describe() }, suggestion };
    }
    case 'operationMeta': {
      const { nvpair, owner, name } = removal;
      return {
        messageId: 'operationMeta',
        node: nvpair.attribute('name'),
        data: { name, owner: owner.describe(), effect: removal.droppedByUpgrade ? 'the Pacemaker 3 upgrade drops it' : 'Pacemaker 3 ignores it' },
        // pcs has no command for an operation's own meta-attributes.
        suggestion: owner.name === 'op_defaults' ? `pcs resource op defaults update ${shellWord(`${name}=`)}` : deleteNvpair(nvpair.id),
      };
    }
    case 'renamedOption': {
      const { nvpair, name, newName } = removal;
      return { messageId: 'renamedOption', node: nvpair.attribute('name'), data: { name, newName }, suggestion: `pcs property set ${shellWord(`${name}=`)} ${shellWord(`${newName}=${nvpair.attr('value') ?? ''}`)}` };
    }
    case 'removeAfterStop':
      return { messageId: 'removeAfterStop', node: removal.nvpair.attribute('name'), suggestion: 'pcs property unset remove-after-stop' };
    case 'poweroff':
      return { messageId: 'poweroff', node: removal.nvpair.attribute('value'), data: { name: removal.name }, suggestion: `pcs property set ${shellWord(`${removal.name}=off`)}` };
    case 'moon':
      return { messageId: 'moon', node: removal.moon, data: { id: removal.dateSpec.id ?? '' }, suggestion: 'Remove the moon attribute from the date_spec' };
    case 'pingNode': {
      const suggestion = 'Remove the ping node from the cluster, or run it as a normal member with resources banned from it';
      return { messageId: 'pingNode', node: removal.type, data: { id: removal.node.attr('uname') ?? removal.node.id ?? '' }, suggestion };
    }
    case 'fencingLevelIndex': {
      const suggestion = 'Renumber the fencing levels of that target within 1..9 (pcs stonith level add <level> <target> <devices>)';
      return { messageId: 'fencingLevelIndex', node: removal.index, data: { id: removal.level.id ?? '', value: removal.index.value }, suggestion };
    }
  }
}

function deleteNvpair(id: string | undefined): string {
  return `cibadmin --delete --xml-text ${id === undefined ? `'<nvpair id="<nvpair id>"/>'` : xmlTextWord('nvpair', { id })}`;
}
