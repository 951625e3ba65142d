import { EDIT_CIB_FILE } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { remedy, setAttribute } from '../src/cib/edits.js';

/**
 * Port and storage mappings are addressed by id: the schema requires one, pcs removes a mapping
 * only by its id (`port-map delete <id>`), and Pacemaker names the mapping by id in its own
 * errors. A mapping without an id fails validation, so Pacemaker rejects the CIB.
 */
export default defineRule({
  meta: {
    id: 'bundle-mapping-id',
    level: 'error',
    description: 'Every port-mapping and storage-mapping of a bundle has an id',
    constraint: {
      title: 'port-mapping and storage-mapping ids are required',
      source: 'RHEL 7 HA Reference §9.5.1.2 table 9.8 and §9.5.1.3 table 9.9 (id: "(必須)"); Pacemaker xml/resources-*.rng (id is a required ID)',
    },
    tags: ['bundle', 'ids', 'network', 'storage'],
    messages: {
      missing: {
        text: 'A <{{kind}}> of bundle "{{bundle}}" ({{summary}}) has no id; the schema requires one, so Pacemaker refuses the CIB (and pcs can address a mapping only by its id)',
      },
      empty: {
        text: 'A <{{kind}}> of bundle "{{bundle}}" ({{summary}}) has an empty id; the schema requires a valid XML id, so Pacemaker refuses the CIB',
      },
    },
  },
  check({ cib, report }) {
    const suggested = new Set<string>();
    /** The id pcs would give the mapping: its base name, numbered on until it is free. */
    const freeId = (base: string): string => {
      let id = base;
      for (let n = 1; cib.byId(id) || suggested.has(id); n++) id = `${base}-${n}`;
      suggested.add(id);
      return id;
    };
    for (const bundle of cib.bundles) {
      for (const mapping of [...bundle.portMappings, ...bundle.storageMappings]) {
        const id = mapping.attribute('id');
        if (id && id.value.trim() !== '') continue;
        const isPort = mapping.name === 'port-mapping';
        const summary = (isPort ? ['port', 'internal-port', 'range'] : ['source-dir', 'source-dir-root', 'target-dir'])
          .filter((name) => mapping.has(name))
          .map((name) => `${name}=${mapping.attr(name)}`)
          .join(' ');
        const base = isPort ? `${bundle.id}-port-map-${mapping.attr('port') ?? mapping.attr('range') ?? ''}` : `${bundle.id}-storage-map`;
        const newId = freeId(base.replace(/-$/, ''));
        report({
          messageId: id ? 'empty' : 'missing',
          node: id ?? mapping,
          data: { bundle: bundle.id, kind: mapping.name, summary: summary || 'no attributes' },
          // The CIB does not validate, so pcs cannot load it.
          suggestion: `${EDIT_CIB_FILE}: give this <${mapping.name}> a unique id, e.g. id="${newId}" (the id pcs would give it)`,
          // An id names the mapping and nothing else: any free one will do, so pcs's is as good as any.
          fixes: [remedy(`Give it the id pcs would, "${newId}"`, [setAttribute(mapping, 'id', newId)])],
        });
      }
    }
  },
});
