/**
 * Pacemaker's RelaxNG schemas on the runner. GitHub's Ubuntu runners have none, so without help
 * every CIB would get its own "schema validation was skipped" note, as an annotation and a code
 * scanning alert each: the Action says it once instead, and installs the schemas when asked
 * (`install-schemas: true`).
 */
import { spawnSync } from 'node:child_process';
import type { FileResult } from '../core/finding.js';
import { schemaDirectory, schemaInstalled } from '../document/xml/schemas.js';

/** Runs a command for installSchemas; tests give their own. */
export type Run = (command: string, args: string[]) => { status: number | null; output: string };

const runCommand: Run = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
  return { status: result.error ? null : result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
};

/**
 * `apt-get install pacemaker-common` (through sudo unless root), after an `apt-get update` only if
 * the package lists do not know it yet. Nothing when the schemas are there already. Says what
 * happened in one line; a failure is a warning, not a failed step: the lint still runs.
 */
export function installSchemas(schemaDir: string | undefined, run: Run = runCommand): { ok: boolean; message: string } {
  const directory = schemaDirectory(schemaDir);
  if (schemaInstalled(directory)) return { ok: true, message: `Pacemaker's schemas are installed already (${directory})` };
  if (process.platform !== 'linux') return { ok: false, message: `install-schemas: true installs them with apt-get on Ubuntu runners; this runner is ${process.platform}` };
  const asRoot = process.getuid?.() === 0;
  const apt = (...args: string[]) => (asRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  const install = ['install', '-y', '-qq', '--no-install-recommends', 'pacemaker-common'];
  let result = apt(...install);
  if (result.status !== 0) {
    apt('update', '-qq');
    result = apt(...install);
  }
  if (result.status !== 0) {
    const last = result.output.trim().split('\n').slice(-3).join(' / ');
    return { ok: false, message: `install-schemas: apt-get install pacemaker-common failed (exit ${result.status ?? 'not run'}): ${last}` };
  }
  return schemaInstalled(directory)
    ? { ok: true, message: `installed Pacemaker's schemas (pacemaker-common) into ${directory}` }
    : { ok: false, message: `install-schemas: pacemaker-common is installed, but ${directory} holds no schemas (schemaDir or CIB_LINT_SCHEMA_DIR points elsewhere?)` };
}

/**
 * When no schemas are installed at all: the files without their "schema validation was skipped"
 * notes, and the one sentence that replaces them. Otherwise the files as they are.
 */
export function oneSchemaNotice(files: FileResult[], schemaDir: string | undefined): { files: FileResult[]; notice: string | undefined } {
  const directory = schemaDirectory(schemaDir);
  if (schemaInstalled(directory)) return { files, notice: undefined };
  const isSkipped = (finding: FileResult['findings'][number]) => finding.ruleId === 'schema' && finding.messageId === 'skipped';
  const skipped = files.filter((file) => file.findings.some(isSkipped)).length;
  if (skipped === 0) return { files, notice: undefined };
  return {
    files: files.map((file) => (file.findings.some(isSkipped) ? { ...file, findings: file.findings.filter((finding) => !isSkipped(finding)) } : file)),
    notice:
      `Schema validation was skipped for ${skipped} file${skipped === 1 ? '' : 's'}: Pacemaker's RelaxNG schemas are not installed on this runner (${directory}). ` +
      'Set install-schemas: true on the cib-lint step (Ubuntu runners: it runs sudo apt-get install -y pacemaker-common), ' +
      'or install pacemaker-common (Debian, Ubuntu) or pacemaker-schemas (RHEL) in an earlier step.',
  };
}
