/**
 * Baselines and diffs: findings are identified by fingerprint (rule id, element id path,
 * attribute, message id), never by line, so reformatting or reordering a CIB does not make old
 * findings look new.
 *
 * - `--write-baseline FILE` records the current findings;
 * - `--baseline FILE` reports only findings not recorded there;
 * - `--diff-against OLD.xml` reports only findings the CIB adds relative to OLD.xml (the seed's
 *   `pcs cluster cib-push tmp-cib.xml diff-against=tmp-cib.xml.deltasrc` workflow).
 *
 * A baseline names files relative to its own folder, so that it applies whichever folder the run
 * starts in (the repository root, a cluster's folder, the Action's working-directory).
 */
import { dirname, relative, resolve } from 'node:path';
import { ConfigError } from '../app/config.js';
import { writeFileAtomic } from '../app/write-file.js';
import { readRegularFile } from '../document/inputs/file.js';
import type { FileResult, LintSettings } from './linter.js';
import { lintInputs, DEFAULT_MAX_FILE_SIZE } from '../app/lint-files.js';
import { TOOL_NAME, TOOL_VERSION } from './meta.js';
import { isActive, plural } from '../output/report.js';

export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  message: string;
}

export interface BaselineFile {
  version: 1;
  tool: string;
  findings: BaselineEntry[];
}

/** A linted file's name in a baseline in `baselineFolder`: relative to that folder, with `/`. */
function fileKey(filePath: string, cwd: string, baselineFolder: string): string {
  return filePath === '<stdin>' ? filePath : relative(baselineFolder, resolve(cwd, filePath)).split('\\').join('/');
}

/** The baseline a file in `baselineFolder` records for these results. */
export function buildBaseline(files: FileResult[], cwd: string, baselineFolder: string): BaselineFile {
  const findings = files.flatMap((file) =>
    file.findings.filter(isActive).map((finding) => ({
      file: fileKey(file.filePath, cwd, baselineFolder),
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      message: finding.message,
    })),
  );
  return { version: 1, tool: `${TOOL_NAME} ${TOOL_VERSION}`, findings };
}

export function readBaseline(path: string): BaselineFile {
  let data: BaselineFile;
  try {
    // Bounded like a CIB: the baseline may be a file of the pull request being linted.
    data = JSON.parse(readRegularFile(path, DEFAULT_MAX_FILE_SIZE).toString('utf8')) as BaselineFile;
  } catch (error) {
    throw new ConfigError(`${path}: cannot read baseline: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data?.version !== 1 || !Array.isArray(data.findings)) {
    throw new ConfigError(`${path}: not a cib-lint baseline (expected {"version": 1, "findings": [...]})`);
  }
  const bad = data.findings.findIndex(
    (entry: unknown) =>
      typeof entry !== 'object' ||
      entry === null ||
      typeof (entry as BaselineEntry).file !== 'string' ||
      typeof (entry as BaselineEntry).ruleId !== 'string' ||
      typeof (entry as BaselineEntry).fingerprint !== 'string',
  );
  if (bad >= 0) {
    throw new ConfigError(`${path}: findings[${bad}]: expected {"file": "...", "ruleId": "...", "fingerprint": "..."}, not ${describeJson(data.findings[bad])}`);
  }
  return data;
}

/** A JSON value clipped for a one-line error message (JSON escapes newlines and control characters). */
function describeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Removes findings whose key is in the multiset of known keys (each known key absorbs one). */
function dropKnown(files: FileResult[], known: Map<string, number>, keyOf: (file: FileResult, fingerprint: string) => string): FileResult[] {
  return files.map((file) => ({
    ...file,
    findings: file.findings.filter((finding) => {
      const key = keyOf(file, finding.fingerprint);
      const count = known.get(key) ?? 0;
      if (count === 0) return true;
      known.set(key, count - 1);
      return false;
    }),
  }));
}

function countKeys(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export interface BaselineOptions {
  cwd: string;
  baseline?: string;
  diffAgainst?: string;
  /** The settings the new files were linted with: the old CIB must be linted the same way. */
  settings: LintSettings & { maxFileSize?: number };
}

/**
 * Records the findings in a baseline file and says what it wrote; a failure is a one-line error
 * naming the file.
 */
export function writeBaseline(files: FileResult[], cwd: string, path: string, options: { followSymlinks?: boolean } = {}): string {
  const target = resolve(cwd, path);
  const baseline = buildBaseline(files, cwd, dirname(target));
  try {
    writeFileAtomic(target, `${JSON.stringify(baseline, null, 2)}\n`, options);
  } catch (error) {
    throw new ConfigError(`--write-baseline ${path}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const recorded = new Set(baseline.findings.map((entry) => entry.file)).size;
  return `wrote ${path}: ${plural(baseline.findings.length, 'finding')} in ${plural(recorded, 'file')} (of ${plural(files.length, 'file')} linted), paths relative to its folder`;
}

export async function applyBaselineOptions(files: FileResult[], options: BaselineOptions): Promise<FileResult[]> {
  let result = files;
  if (options.baseline) {
    const path = resolve(options.cwd, options.baseline);
    const baseline = readBaseline(path);
    const known = countKeys(baseline.findings.map((entry) => `${entry.file}\u0000${entry.fingerprint}`));
    result = dropKnown(result, known, (file, fingerprint) => `${fileKey(file.filePath, options.cwd, dirname(path))}\u0000${fingerprint}`);
  }
  if (options.diffAgainst) {
    const [old] = lintInputs([{ kind: 'file', path: options.diffAgainst }], {
      ...options.settings,
      cwd: options.cwd,
      maxFileSize: options.settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    });
    if (!old || old.errors.length > 0) {
      throw new ConfigError(`--diff-against ${options.diffAgainst}: ${old?.errors[0] ?? 'cannot lint'}`);
    }
    const known = countKeys(old.findings.map((finding) => finding.fingerprint));
    // Every linted file is compared with the one old CIB: a new finding is one the old CIB lacks.
    result = result.map((file) => dropKnown([file], new Map(known), (_, fingerprint) => fingerprint)[0]!);
  }
  return result;
}
