import { idWord, shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute, removeElement, setAttribute } from '../src/cib/edits.js';
import { environmentValues } from '../src/cib/container-options.js';

const AUTHKEY = '/etc/pacemaker/authkey';

/**
 * With a resource, Pacemaker maps the host's /etc/pacemaker/authkey into every container itself,
 * and Pacemaker Remote inside must find it there: a custom PCMK_authkey_location breaks the
 * connection, and a storage-mapping of the same target duplicates the automatic mount.
 */
export default defineRule({
  meta: {
    id: 'bundle-authkey-location',
    level: 'error',
    description: 'Bundles leave the Pacemaker Remote authkey at /etc/pacemaker/authkey and do not map it themselves',
    constraint: {
      title: 'PCMK_authkey_location cannot differ from /etc/pacemaker/authkey; the authkey is mapped automatically',
      source: 'RHEL 7 HA Reference §9.5.1.3, note and "重要" box after table 9.9',
    },
    tags: ['bundle', 'storage', 'remote'],
    messages: {
      customLocation: {
        text: 'Bundle "{{bundle}}" sets PCMK_authkey_location={{value}} in its container options; Pacemaker Remote in the containers then looks for its key there, but Pacemaker mounts the key only at /etc/pacemaker/authkey, so the cluster cannot connect to the resource',
      },
      redundantMapping: {
        text: 'Bundle "{{bundle}}" maps {{target}} itself; Pacemaker already mounts the host\'s /etc/pacemaker/authkey there in containers of bundles with a resource, so the container gets two mounts on one path, which docker and podman may refuse',
        level: 'warning',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.primitive) continue;
      const options = bundle.container?.attribute('options');
      for (const value of environmentValues(bundle.containerOptions, 'PCMK_authkey_location')) {
        if (value === AUTHKEY) continue;
        const rest = withoutAuthkeyLocation(options?.value ?? '');
        report({
          messageId: 'customLocation',
          node: options,
          data: { bundle: bundle.id, value },
          // The key is only ever mounted at the default place: the setting can only break the connection.
          ...(options && {
            fixes: [remedy('Remove the PCMK_authkey_location setting from the container options', [rest === '' ? removeAttribute(options) : setAttribute(options.owner, 'options', rest)], bundleUpdate(bundle.id, 'container', `options=${rest}`))],
          }),
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} container options=${shellWord(withoutAuthkeyLocation(options?.value ?? ''))}`,
        });
      }
      for (const mapping of bundle.storageMappings) {
        const target = mapping.attribute('target-dir');
        if (target?.value.replace(/\/+$/, '') !== AUTHKEY) continue;
        report({
          messageId: 'redundantMapping',
          node: target,
          data: { bundle: bundle.id, target: target.value },
          // Pacemaker mounts the same key on the same path itself.
          fixes: [remedy('Remove the storage mapping of the authkey, which Pacemaker makes itself', [removeElement(mapping)], mapping.id === undefined ? undefined : bundleUpdate(bundle.id, 'storage-map', 'delete', mapping.id))],
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} storage-map delete ${idWord(mapping.id)}`,
        });
      }
    }
  },
});

/**
 * The container options with every `-e`/`--env` setting of PCMK_authkey_location taken out (the
 * default value too, which is redundant), in whichever spelling and quoting the options use.
 */
function withoutAuthkeyLocation(options: string): string {
  const setting = /(^|\s)(?:-e|--env)(?:=|\s+)?(?:'PCMK_authkey_location=[^']*'|"PCMK_authkey_location=[^"]*"|PCMK_authkey_location=\S*)(?=\s|$)/g;
  return options.replace(setting, '$1').replace(/\s+/g, ' ').trim();
}

