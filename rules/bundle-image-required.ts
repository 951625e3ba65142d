import { EDIT_CIB_FILE, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, setAttribute } from '../src/cib/edits.js';

/**
 * The image is what the container runs: Pacemaker passes it to `docker run` / `podman run` as
 * is. A missing `image` fails the schema; an empty one passes it (the schema types it as text)
 * but every start of the container fails, and pcs refuses to create such a bundle.
 */
export default defineRule({
  meta: {
    id: 'bundle-image-required',
    level: 'error',
    description: 'A bundle container names a non-empty image',
    constraint: {
      title: 'The container image is required',
      source: 'RHEL 7 HA Reference §9.5.1.1, table 9.6 (image: "Docker イメージタグ (必須)"); Pacemaker xml/resources-*.rng; pcs/lib/cib/resource/bundle.py',
    },
    tags: ['bundle', 'container'],
    messages: {
      missing: {
        text: 'The <{{kind}}> container of bundle "{{bundle}}" has no image; the schema requires one and Pacemaker has nothing to run',
      },
      empty: {
        text: 'The <{{kind}}> container of bundle "{{bundle}}" has an empty image; the schema lets it through, but the container can never start',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      for (const container of bundle.containers) {
        const image = container.attribute('image');
        if (image && image.value.trim() !== '') continue;
        report({
          messageId: image ? 'empty' : 'missing',
          node: image ?? container,
          data: { bundle: bundle.id, kind: container.name },
          suggestions: [remedy('Name the image the containers run', [setAttribute(container, 'image', '<registry/image:tag>')], image ? bundleUpdate(bundle.id, 'container', 'image=<registry/image:tag>') : undefined)],
          // Without an image the CIB does not validate, and pcs cannot load it.
          suggestion: image
            ? `pcs resource bundle update ${shellWord(bundle.id)} container image=<registry/image:tag>`
            : `${EDIT_CIB_FILE}: add image="<registry/image:tag>" to the <${container.name}> of bundle ${bundle.id}`,
        });
      }
    }
  },
});
