import { defineRule } from '../src/core/rule.js';

/**
 * XML ids in the configuration must be unique: Pacemaker's schema declares `id` as type ID, and
 * constraints, id-refs and tools address elements by id. A duplicate makes the whole CIB invalid,
 * and crm_verify does not always name it ("Extra element network in interleave").
 */
export default defineRule({
  meta: {
    id: 'unique-ids',
    level: 'error',
    description: 'No id value appears twice in the configuration section',
    constraint: {
      title: 'Every id in the configuration is unique',
      source: 'Pacemaker Explained, "Configuration Layout" (id is an XML ID); RHEL 7 HA Reference §9.5.1 (bundle_id must be unique), tables 9.8 and 9.9',
    },
    tags: ['ids'],
    messages: {
      duplicate: {
        text: 'The id "{{id}}" is already used by {{first}} on line {{line}}: ids must be unique, so the CIB fails schema validation and Pacemaker refuses it',
      },
    },
  },
  check({ cib, report, positionOf }) {
    // values(), not entries(): no [id, elements] pair per id of a large CIB.
    for (const elements of cib.elementsById.values()) {
      if (elements.length < 2) continue;
      const first = elements[0]!;
      const id = first.id!;
      const firstId = first.attribute('id')!;
      for (const duplicate of elements.slice(1)) {
        report({
          messageId: 'duplicate',
          node: duplicate.attribute('id'),
          data: { id, first: first.describe().replace(/ id="[^"]*"/, ''), line: positionOf(first).line },
          // pcs and cibadmin refuse to load a CIB that fails validation, so only the file can be edited.
          suggestion: `Give this ${duplicate.name} another id in the CIB file (and update the references meant for it); pcs and cibadmin cannot load the CIB until then`,
          related: [{ target: firstId, message: `"${id}" first defined here` }],
        });
      }
    }
  },
});
