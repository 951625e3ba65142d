import { shellWord } from '../src/cib/pcs-commands.js';
import { defineRule } from '../src/core/rule.js';
import { bundleUpdate, remedy, removeAttribute, setAttribute } from '../src/cib/edits.js';

/** The daemon's pre-2.0 name, kept as a compatibility link until Pacemaker 3 removed it. */
const LEGACY_DAEMON = /(^|[^\w-])pacemaker_remoted($|[^\w-])/;
const DEFAULT_COMMAND = '/usr/sbin/pacemaker-remoted';

/**
 * In a bundle with a resource, the container's first process must be Pacemaker Remote: the
 * cluster reaches the resource only through it. Pacemaker starts /usr/sbin/pacemaker-remoted by
 * default; a custom run-command replaces that, and nothing checks that it still starts the
 * daemon. The old name pacemaker_remoted is what Pacemaker Explained tells users of images with
 * a Pacemaker older than 2.0 to set; it disappears only with Pacemaker 3 inside the image. What
 * runs inside the image is not in the CIB, so both findings are advice, never about the cluster.
 */
export default defineRule({
  meta: {
    id: 'bundle-run-command',
    level: 'note',
    description: 'A custom run-command of a bundle with a resource still starts pacemaker-remoted',
    constraint: {
      title: 'With a resource, run-command must start Pacemaker Remote (pacemaker-remoted)',
      source: 'RHEL 7 HA Reference §9.5.1.1, table 9.6 (run-command, default /usr/sbin/pacemaker_remoted); Pacemaker lib/pengine/bundle.c create_container_resource() (default SBIN_DIR/pacemaker-remoted); Pacemaker 3.0 release notes (pacemaker_remoted link removed)',
    },
    tags: ['bundle', 'container', 'remote', 'pacemaker3'],
    messages: {
      customCommand: {
        text: 'Bundle "{{bundle}}" replaces the container command with run-command "{{value}}"; with a resource inside, it must start pacemaker-remoted, or Pacemaker cannot reach the resource: review it',
      },
      legacyDaemon: {
        text: 'Bundle "{{bundle}}" runs "{{value}}": the name pacemaker_remoted exists only in images with Pacemaker older than 3.0 (from 2.0 the daemon is pacemaker-remoted); check the image, and drop run-command once it has Pacemaker 2.0 or later',
      },
    },
  },
  check({ cib, report }) {
    for (const bundle of cib.bundles) {
      if (!bundle.hasResource) continue;
      const command = bundle.container?.attribute('run-command');
      if (!command || command.value.trim() === DEFAULT_COMMAND) continue;
      if (LEGACY_DAEMON.test(command.value)) {
        report({
          messageId: 'legacyDaemon',
          node: command,
          data: { bundle: bundle.id, value: command.value },
          // Which Pacemaker the image has decides: only the administrator knows.
          suggestions: [
            remedy('Remove run-command, so Pacemaker starts /usr/sbin/pacemaker-remoted (images with Pacemaker 2.0 or later)', [removeAttribute(command)], bundleUpdate(bundle.id, 'container', 'run-command=')),
            remedy('Name the daemon pacemaker-remoted', [setAttribute(command.owner, 'run-command', command.value.replace(/pacemaker_remoted/g, 'pacemaker-remoted'))], bundleUpdate(bundle.id, 'container', `run-command=${command.value.replace(/pacemaker_remoted/g, 'pacemaker-remoted')}`)),
          ],
          suggestion: `pcs resource bundle update ${shellWord(bundle.id)} container run-command=  (Pacemaker then starts /usr/sbin/pacemaker-remoted), or ${shellWord(`run-command=${command.value.replace(/pacemaker_remoted/g, 'pacemaker-remoted')}`)}`,
        });
        continue;
      }
      report({
        messageId: 'customCommand',
        node: command,
        data: { bundle: bundle.id, value: command.value },
        suggestions: [remedy('Remove run-command, so Pacemaker starts /usr/sbin/pacemaker-remoted', [removeAttribute(command)], bundleUpdate(bundle.id, 'container', 'run-command='))],
        suggestion: `Check that "${command.value}" ends up running pacemaker-remoted, or drop it: pcs resource bundle update ${shellWord(bundle.id)} container run-command=`,
      });
    }
  },
});
