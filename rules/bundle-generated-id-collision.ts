import { defineRule } from '../src/core/rule.js';
import { generatedNames, type GeneratedKind } from '../src/cib/bundle-names.js';
import type { Bundle } from '../src/cib/model.js';
import type { XmlElement } from '../src/document/xml/element.js';

/**
 * Elements whose ids share one namespace with resources: constraints, crm_resource and the
 * operation history in the status section look names up there. Other ids (nvpairs, ops,
 * constraints, nodes) never meet the generated resources.
 */
const RESOURCE_NAMESPACE = new Set(['primitive', 'group', 'clone', 'master', 'bundle', 'template', 'tag']);

const WHAT: Record<GeneratedKind, string> = {
  replica: 'the Pacemaker Remote connection (and bundle node) of a replica',
  container: "a replica's container resource",
  ip: "a replica's IPaddr2 resource",
  clone: 'the implicit clone around the bundled resource',
};

const DUPLICATE = 'two resources then share one id, and constraints, crm_resource and the operation history reach the wrong one';
const RENAMED = 'as the resource comes first in the CIB, Pacemaker silently renames the connection to "pcmk-internal-<resource>-remote-<n>", so the bundle node is no longer named after the replica';
const SHADOWED = 'constraints and tools that name it reach the generated resource instead';

/**
 * Pacemaker invents resource ids for every bundle replica (`<bundle>-<i>`, `<bundle>-docker-<i>`,
 * `<bundle>-ip-<address>`, `<bundle>-clone`) without checking them against the CIB, except for
 * the remote connection, which it quietly renames when the colliding resource comes first. The
 * names are only visible in the scheduler, so neither the schema nor crm_verify notice a collision.
 */
export default defineRule({
  meta: {
    id: 'bundle-generated-id-collision',
    level: 'error',
    description: 'No resource id equals a name Pacemaker generates for a bundle replica',
    constraint: {
      title: 'Ids Pacemaker generates for bundle replicas must be free',
      source: 'RHEL 7 HA Reference §9.5.1.2 note (replicas are named <bundle>-<n>); Pacemaker lib/pengine/bundle.c create_container_resource(), create_ip_resource(), create_remote_resource(), pe__unpack_bundle()',
    },
    tags: ['bundle', 'ids'],
    messages: {
      collision: {
        text: 'The id "{{id}}" of {{element}} is the name Pacemaker generates for {{what}} of bundle "{{bundle}}"; {{consequence}}',
      },
      generatedTwice: {
        text: 'Bundle "{{bundle}}" makes Pacemaker generate "{{id}}", which is also the name of {{what}} of bundle "{{other}}"; two generated resources then share one id',
      },
    },
  },
  check({ cib, report, positionOf }) {
    /** What the collision does, which depends on the element and on document order. */
    const consequence = (element: XmlElement, kind: GeneratedKind, bundle: Bundle): string => {
      if (element.name === 'tag' || element.name === 'template') return SHADOWED;
      if (kind !== 'replica') return DUPLICATE;
      // Only a resource Pacemaker has already unpacked when it reaches the bundle makes it rename.
      const here = positionOf(element);
      const there = positionOf(bundle.element);
      return here.line < there.line || (here.line === there.line && here.column < there.column) ? RENAMED : DUPLICATE;
    };

    const generated = new Map<string, { bundle: Bundle; kind: GeneratedKind }>();
    for (const bundle of cib.bundles) {
      const reportedAgainst = new Set<Bundle>();
      for (const { name, kind } of generatedNames(bundle)) {
        const earlier = generated.get(name);
        if (!earlier) {
          generated.set(name, { bundle, kind });
          continue;
        }
        if (earlier.bundle === bundle || reportedAgainst.has(earlier.bundle)) continue;
        reportedAgainst.add(earlier.bundle);
        report({
          messageId: 'generatedTwice',
          node: bundle.element.attribute('id'),
          data: { bundle: bundle.id, id: name, what: WHAT[earlier.kind], other: earlier.bundle.id },
          suggestion: `Recreate one of the bundles under a name that is not a prefix of the other's generated names (pcs resource bundle create ...)`,
          related: [{ target: earlier.bundle.element.attribute('id')!, message: `bundle "${earlier.bundle.id}" defined here` }],
        });
      }
    }

    // From the generated names to the elements: far fewer than the ids of a large CIB.
    for (const [id, owner] of generated) {
      for (const element of cib.elementsById.get(id) ?? []) {
        if (!RESOURCE_NAMESPACE.has(element.name)) continue;
        report({
          messageId: 'collision',
          node: element.attribute('id'),
          data: { id, element: `<${element.name}>`, what: WHAT[owner.kind], bundle: owner.bundle.id, consequence: consequence(element, owner.kind, owner.bundle) },
          suggestion: `Give the ${element.name} another id (pcs cannot rename: delete it and create it again under a new id), or recreate bundle "${owner.bundle.id}" under another name`,
          related: [{ target: owner.bundle.element.attribute('id')!, message: `bundle "${owner.bundle.id}" defined here` }],
        });
      }
    }
  },
});
