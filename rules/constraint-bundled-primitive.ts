import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, setAttribute } from '../src/cib/edits.js';
import type { Bundle } from '../src/cib/model.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { constraintResourceReferences, describeConstraint } from '../src/cib/constraints.js';

/**
 * The primitive inside a bundle is not a resource of its own to the scheduler: Pacemaker
 * replicates it per container and only the bundle can be constrained. A constraint naming the
 * inner primitive is ignored ("Ignoring constraint ... because 'X' is not a valid resource or
 * tag"), so the placement or ordering the administrator wanted silently does not happen.
 */
export default defineRule({
  meta: {
    id: 'constraint-bundled-primitive',
    level: 'error',
    description: "Constraints name the bundle, never the primitive inside it",
    constraint: {
      title: "No constraint names a bundle's inner primitive",
      source: 'Pacemaker scheduler, constraint unpacking (observed with crm_verify 2.1.5: "Ignoring constraint ... because X is not a valid resource or tag"); RHEL 7 HA Reference §9.5 (bundles are managed as a whole)',
    },
    tags: ['bundle', 'constraints'],
    messages: {
      bundled: {
        text: '{{attribute}}="{{primitive}}" in {{constraint}} names the primitive inside bundle "{{bundle}}"; Pacemaker ignores the constraint: constrain the bundle "{{bundle}}" instead',
      },
    },
  },
  check({ cib, report }) {
    const bundleOfPrimitive = new Map<string, Bundle>();
    for (const bundle of cib.bundles) {
      for (const resource of bundle.resources) if (resource.id !== undefined) bundleOfPrimitive.set(resource.id, bundle);
    }
    if (bundleOfPrimitive.size === 0) return;
    for (const { attribute, constraint } of constraintResourceReferences(cib)) {
      const bundle = bundleOfPrimitive.get(attribute.value);
      if (!bundle) continue;
      const name = attribute.owner.name === 'resource_ref' ? 'resource_ref id' : attribute.name;
      const onBundle = (id: string | undefined): string => idWord(id === undefined ? undefined : bundleOfPrimitive.get(id)?.id ?? id, '<resource>');
      const recreate = recreateCommand(constraint, onBundle);
      report({
        messageId: 'bundled',
        node: attribute,
        data: { attribute: name, primitive: attribute.value, bundle: bundle.id, constraint: describeConstraint(constraint) },
        suggestion: `pcs constraint delete ${idWord(constraint.id, '<constraint id>')} && ${recreate ?? `recreate it naming "${bundle.id}" instead of "${attribute.value}"`}`,
        related: [{ target: bundle.element, message: `bundle "${bundle.id}" defined here` }],
        // Whether the bundle is what the constraint meant (its roles and scores then apply to the
        // bundle's replicas) is the author's to confirm.
        suggestions: [remedy(`Name the bundle "${bundle.id}" instead`, [setAttribute(attribute.owner, attribute.name, bundle.id)])],
      });
    }
  },
});

const SET_COMMANDS: Readonly<Record<string, string>> = { rsc_colocation: 'colocation', rsc_order: 'order', rsc_ticket: 'ticket' };
const SET_OPTIONS = ['action', 'require-all', 'role', 'sequential'];
const CONSTRAINT_SET_OPTIONS = ['score', 'kind', 'symmetrical', 'ticket', 'loss-policy'];

/**
 * The pcs command that creates the same constraint with every bundled primitive replaced by its
 * bundle; undefined for location rules, which pcs cannot recreate in one line.
 */
function recreateCommand(constraint: XmlElement, onBundle: (id: string | undefined) => string): string | undefined {
  // Every value is the CIB's: each is one shell word (onBundle quotes the resource ids).
  const attr = (name: string): string => (constraint.has(name) ? shellWord(constraint.attr(name)!) : '');
  const options = (...parts: string[]): string => parts.filter((part) => part !== '').join(' ');
  const named = (element: XmlElement, names: string[]): string[] => names.filter((name) => element.has(name)).map((name) => shellWord(`${name}=${element.attr(name)}`));
  const sets = constraint.childrenNamed('resource_set');
  if (sets.length > 0) {
    const command = SET_COMMANDS[constraint.name];
    if (!command) return undefined;
    const setArgs = sets.map((set) => options('set', ...set.childrenNamed('resource_ref').map((ref) => onBundle(ref.attr('id'))), ...named(set, SET_OPTIONS)));
    const setoptions = named(constraint, CONSTRAINT_SET_OPTIONS);
    return options(`pcs constraint ${command}`, ...setArgs, setoptions.length > 0 ? `setoptions ${setoptions.join(' ')}` : '');
  }
  if (constraint.child('rule')) return undefined;
  switch (constraint.name) {
    case 'rsc_location': {
      const score = constraint.attr('score') || 'INFINITY';
      const avoids = score.startsWith('-');
      return `pcs constraint location ${onBundle(constraint.attr('rsc'))} ${avoids ? 'avoids' : 'prefers'} ${shellWord(`${constraint.attr('node') ?? ''}=${avoids ? score.slice(1) : score.replace(/^\+/, '')}`)}`;
    }
    case 'rsc_colocation':
      return options('pcs constraint colocation add', attr('rsc-role'), onBundle(constraint.attr('rsc')), 'with', attr('with-rsc-role'), onBundle(constraint.attr('with-rsc')), attr('score'));
    case 'rsc_order':
      return options('pcs constraint order', attr('first-action'), onBundle(constraint.attr('first')), 'then', attr('then-action'), onBundle(constraint.attr('then')), constraint.has('kind') ? shellWord(`kind=${constraint.attr('kind')}`) : '');
    case 'rsc_ticket':
      return options('pcs constraint ticket add', attr('ticket'), attr('rsc-role'), onBundle(constraint.attr('rsc')), constraint.has('loss-policy') ? shellWord(`loss-policy=${constraint.attr('loss-policy')}`) : '');
    default:
      return undefined;
  }
}
