// An example cib-lint plugin: a company policy written as code with the same public defineRule
// the built-in rules use. Load it with `plugins: [./examples/plugins/image-pinned.mjs]` in
// .cib-lint.yaml, or `cib-lint --plugin examples/plugins/image-pinned.mjs`.
import { defineRule } from 'cib-lint';

/** `name:tag` or `name@sha256:...`; a registry host may carry a port (`registry:5000/app`). */
function imageReference(image) {
  const digest = image.indexOf('@');
  if (digest >= 0) return { digest: image.slice(digest + 1) };
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return { tag: colon >= 0 ? image.slice(colon + 1) : undefined };
}

export default defineRule({
  meta: {
    id: 'image-pinned',
    level: 'error',
    description: 'Bundle containers run an image pinned to a version tag or digest, never latest',
    constraint: {
      title: 'Production images are pinned so every node runs the same build',
      source: 'Example company policy (examples/plugins/image-pinned.mjs)',
    },
    tags: ['bundle', 'policy'],
    messages: {
      untagged: { text: 'Bundle "{{bundle}}" runs image "{{image}}" without a tag, which means :latest; pin a version or a digest' },
      latest: { text: 'Bundle "{{bundle}}" runs image "{{image}}"; :latest moves, so nodes may run different builds' },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      const attribute = bundle.container?.attribute('image');
      if (!attribute || attribute.value === '') continue;
      const reference = imageReference(attribute.value);
      if (reference.digest) continue;
      const messageId = reference.tag === undefined ? 'untagged' : reference.tag === 'latest' ? 'latest' : undefined;
      if (!messageId) continue;
      report({
        messageId,
        node: attribute,
        data: { bundle: bundle.id, image: attribute.value },
        suggestion: `pcs resource bundle update ${bundle.id} container image=${attribute.value.replace(/:latest$/, '')}:<version>`,
      });
    }
  },
});
