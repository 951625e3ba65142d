import { idWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { constraintResourceReferences, describeConstraint } from '../src/cib/constraints.js';
import type { Cib } from '../src/cib/model.js';

/** What a constraint may name: resources, resource templates and tags. */
const TARGET_ELEMENTS = ['primitive', 'group', 'clone', 'master', 'bundle', 'template', 'tag'];

/**
 * A constraint that names nothing makes the whole CIB invalid: the schema declares `rsc`,
 * `with-rsc`, `first`, `then`, `resource_ref` ids and every `id-ref` as IDREFs, so Pacemaker (and
 * pcs, and cibadmin) refuse the CIB. A name that exists but is not a resource, template or tag
 * passes the schema, and Pacemaker's scheduler ignores the constraint instead. A location's `node`
 * may name a node that has not joined yet, so an unknown node name is only a warning.
 */
export default defineRule({
  meta: {
    id: 'constraint-unknown-reference',
    level: 'error',
    description: 'Every resource, template, tag, id-ref and node named in constraints exists',
    constraint: {
      title: 'Constraint references resolve (rsc, with-rsc, first, then, resource_ref, id-ref, node)',
      source: 'Pacemaker xml/constraints-*.rng (IDREF attributes); Pacemaker Explained, "Resource Constraints" and "Reusing Parts of the Configuration" (id-ref); crm_verify 2.1.5 ("references an unknown ID", "is not a valid resource or tag")',
    },
    tags: ['constraints', 'references'],
    messages: {
      unknownResource: {
        text: '{{attribute}}="{{value}}" in {{constraint}} names nothing in the configuration: the CIB fails schema validation (IDREF to an unknown ID), so Pacemaker refuses it',
      },
      notAResource: {
        text: '{{attribute}}="{{value}}" in {{constraint}} names {{target}}, not a resource, template or tag, so Pacemaker ignores the constraint',
      },
      unknownIdRef: {
        text: 'id-ref="{{value}}" on <{{element}}> refers to no element of the configuration: the CIB fails schema validation (IDREF to an unknown ID), so Pacemaker refuses it',
      },
      unknownNode: {
        text: 'node="{{value}}" in {{constraint}} is not a known node (no <node uname>, remote, guest or bundle replica of that name); the constraint has no effect until such a node joins',
        level: 'warning',
      },
    },
  },
  check({ cib, report }) {
    const targets = new Set<string>();
    for (const name of TARGET_ELEMENTS) {
      for (const element of cib.configured(name)) if (element.id !== undefined) targets.add(element.id);
    }
    // pcs and cibadmin cannot load a CIB that fails validation: only the file itself can be fixed.
    const editFile = 'Correct the name in the CIB file, or remove the constraint from it (pcs and cibadmin cannot load the CIB until then)';
    for (const { attribute, constraint } of constraintResourceReferences(cib)) {
      if (targets.has(attribute.value)) continue;
      const data = { attribute: attribute.owner.name === 'resource_ref' ? 'resource_ref id' : attribute.name, value: attribute.value, constraint: describeConstraint(constraint) };
      const other = cib.byId(attribute.value);
      if (other) {
        report({
          messageId: 'notAResource',
          node: attribute,
          data: { ...data, target: other.describe() },
          suggestion: `pcs constraint delete ${idWord(constraint.id, '<constraint id>')}, then recreate it on the resource you meant`,
        });
      } else {
        report({ messageId: 'unknownResource', node: attribute, data, suggestion: editFile });
      }
    }

    for (const element of cib.configuration?.descendants() ?? []) {
      const attribute = element.attribute('id-ref');
      if (!attribute || cib.elementsById.has(attribute.value)) continue;
      report({
        messageId: 'unknownIdRef',
        node: attribute,
        data: { value: attribute.value, element: element.name },
        suggestion: `In the CIB file, point id-ref at an existing <${element.name} id="...">, or define the ${element.name} here instead (pcs and cibadmin cannot load the CIB until then)`,
      });
    }

    const nodes = knownNodeNames(cib);
    if (nodes.size === 0) return; // a CIB prepared before any node joined: nothing to compare with
    for (const location of cib.constraintsSection?.childrenNamed('rsc_location') ?? []) {
      const attribute = location.attribute('node');
      if (!attribute || nodes.has(attribute.value.toLowerCase())) continue;
      report({
        messageId: 'unknownNode',
        node: attribute,
        data: { value: attribute.value, constraint: describeConstraint(location) },
        suggestion: `Check the node name (pcs status nodes); remove the constraint if the node is gone: pcs constraint delete ${idWord(location.id, '<constraint id>')}`,
      });
    }
  },
});

/**
 * Names a location may use for a node, in lower case (Pacemaker compares node names
 * case-insensitively): cluster nodes, nodes Pacemaker has seen (status), Pacemaker Remote nodes
 * (the id of an ocf:pacemaker:remote primitive), guest nodes (meta remote-node) and bundle
 * replicas (`<bundle>-<i>`).
 */
function knownNodeNames(cib: Cib): Set<string> {
  const names = new Set<string>();
  const add = (name: string): void => {
    names.add(name.toLowerCase());
  };
  for (const node of cib.clusterNodes) {
    const uname = node.attr('uname') ?? node.id;
    if (uname !== undefined) add(uname);
  }
  // Nodes seen by the cluster: Pacemaker records each in /cib/status/node_state.
  for (const state of cib.status?.childrenNamed('node_state') ?? []) {
    const uname = state.attr('uname');
    if (uname !== undefined) add(uname);
  }
  if (names.size === 0) return names;
  for (const primitive of cib.primitives) {
    const agent = cib.resourceAgent(primitive);
    if (agent.class === 'ocf' && agent.provider === 'pacemaker' && agent.type === 'remote' && primitive.id) add(primitive.id);
    const guest = cib.ownMeta(primitive, 'remote-node')?.value;
    if (guest) add(guest);
  }
  for (const bundle of cib.bundles) {
    const replicas = bundle.replicas ?? 1;
    // A nonsensical replicas value must not make the lint itself slow.
    for (let i = 0; i < replicas && i < 1000; i++) add(`${bundle.id}-${i}`);
  }
  return names;
}
