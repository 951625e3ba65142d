/**
 * `--fix` and `--fix-dry-run`: every safe fix applied, the file linted again, and again, until a
 * pass changes nothing (at most MAX_PASSES, as ESLint does); then each changed file written
 * atomically, unless it changed on disk since it was read. Suggestions are never applied.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { applyFixes } from '../core/fixes.js';
import type { FileResult, Fix } from '../core/finding.js';
import { isActive } from '../output/report.js';
import { decodeSource } from '../document/xml/source.js';
import type { Input } from '../document/inputs/operands.js';
import { writeFileAtomic } from './write-file.js';

export const MAX_PASSES = 10;

export interface FixOptions {
  /** Only fixes of these rules (`--fix-rule`); every rule's when undefined. */
  rules?: ReadonlySet<string>;
  /**
   * Which lint result the run reports: the fixed text's (`--fix`: what is left to do in the file
   * as written) or the original's (`--fix-dry-run`, the Action: positions in the unchanged file).
   */
  report: 'fixed' | 'original';
}

/** A fix that was applied: which rule's, where (in the text of the pass that applied it). */
export interface AppliedFix {
  ruleId: string;
  title: string;
  line: number;
  pass: number;
}

export interface FixedFile {
  filePath: string;
  /** The path to write, absolute; undefined for standard input. */
  absolute: string | undefined;
  original: Buffer;
  fixed: Buffer;
  applied: AppliedFix[];
  /** The file as it was when read, to tell whether it changed on disk before the write. */
  read: { size: number; mtimeMs: number } | undefined;
}

/** Runs the fix loop on each linted file; the files it changes are kept in `files`. */
export class FixSession {
  /** Only the changed files: a run over many large CIBs keeps no copy of the others. */
  readonly files: FixedFile[] = [];

  constructor(private readonly options: FixOptions) {}

  /** For lintInputs: the file's result, after fixing it in memory. */
  readonly fixer = (lint: (bytes: Uint8Array) => FileResult, bytes: Buffer, filePath: string, input: Input): FileResult => {
    const absolute = input.kind === 'file' && typeof input.absolute === 'string' ? input.absolute : undefined;
    let stats: Stats | undefined;
    try {
      stats = absolute === undefined ? undefined : statSync(absolute);
    } catch {
      stats = undefined;
    }
    const outcome = fixSource(bytes, lint, this.options.rules);
    if (outcome.fixed.equals(bytes)) return outcome.first;
    this.files.push({
      filePath,
      absolute,
      original: bytes,
      fixed: outcome.fixed,
      applied: outcome.applied,
      read: stats && { size: stats.size, mtimeMs: stats.mtimeMs },
    });
    return this.options.report === 'fixed' ? outcome.result : outcome.first;
  };

  /** The files the fixes change. */
  get changed(): FixedFile[] {
    return this.files;
  }
}

/** The fixes `--fix` applies from one lint result: every safe fix of every finding not suppressed. */
export function safeFixes(result: FileResult, rules?: ReadonlySet<string>): Array<{ ruleId: string; fix: Fix }> {
  return result.findings.flatMap((finding) =>
    isActive(finding) && (rules === undefined || rules.has(finding.ruleId)) ? (finding.fixes ?? []).map((fix) => ({ ruleId: finding.ruleId, fix })) : [],
  );
}

export interface FixOutcome {
  fixed: Buffer;
  applied: AppliedFix[];
  /** The lint result of the original text, and of the fixed one. */
  first: FileResult;
  result: FileResult;
  passes: number;
}

/** The fix loop on one text: apply, lint again, until nothing applies or MAX_PASSES. */
export function fixSource(bytes: Buffer, lint: (bytes: Uint8Array) => FileResult, rules?: ReadonlySet<string>): FixOutcome {
  const first = lint(bytes);
  let result = first;
  let current = bytes;
  const applied: AppliedFix[] = [];
  let passes = 0;
  while (passes < MAX_PASSES) {
    const candidates = safeFixes(result, rules);
    if (candidates.length === 0) break;
    const outcome = applyFixes(current, candidates.map(({ fix }) => fix));
    if (outcome.applied.length === 0 || outcome.bytes.equals(current)) break;
    passes++;
    const used = new Set(outcome.applied);
    for (const { ruleId, fix } of candidates) {
      if (used.has(fix)) applied.push({ ruleId, title: fix.title, line: fix.edits[0]!.line, pass: passes });
    }
    current = outcome.bytes;
    result = lint(current);
  }
  return { fixed: current, applied, first, result, passes };
}

/** A unified diff of what the fixes change in one file (`--fix-dry-run`, the Action's summary). */
export function fixDiff(file: FixedFile): string {
  const name = file.filePath.replaceAll('\\', '/');
  // git's a/ and b/ prefixes for a relative path, so that `git apply` takes the diff as it is.
  const [before, after] = isAbsolute(name) ? [name, name] : [`a/${name}`, `b/${name}`];
  return createTwoFilesPatch(before, after, decodeSource(file.original), decodeSource(file.fixed), undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

/** Why a fixed file is not written, or undefined when it may be. */
function changedOnDisk(file: FixedFile): string | undefined {
  if (file.absolute === undefined) return 'standard input cannot be fixed in place (use --fix-dry-run)';
  let now: Stats;
  let bytes: Buffer;
  try {
    now = statSync(file.absolute);
    bytes = readFileSync(file.absolute);
  } catch (error) {
    return `cannot read it again before writing: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  const same = file.read !== undefined && now.size === file.read.size && now.mtimeMs === file.read.mtimeMs && bytes.equals(file.original);
  return same ? undefined : 'it changed on disk while cib-lint was fixing it; run again';
}

export interface WriteOutcome {
  written: FixedFile[];
  /** Files not written, and why. */
  refused: Array<{ file: FixedFile; reason: string }>;
}

/** Writes every changed file through a temporary file and a rename. */
export function writeFixedFiles(session: FixSession, cwd: string): WriteOutcome {
  const outcome: WriteOutcome = { written: [], refused: [] };
  for (const file of session.changed) {
    const reason = changedOnDisk(file);
    if (reason !== undefined) {
      outcome.refused.push({ file, reason });
      continue;
    }
    try {
      writeFileAtomic(resolve(cwd, file.absolute!), file.fixed);
      outcome.written.push(file);
    } catch (error) {
      outcome.refused.push({ file, reason: `cannot write it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    }
  }
  return outcome;
}

/** One line per applied fix: `cib.xml:12: bundle-x: Set replicas-per-host to 1`. */
export function describeFixes(file: FixedFile): string[] {
  return file.applied.map((fix) => `${file.filePath}:${fix.line}: ${fix.ruleId}: ${fix.title}`);
}

interface Writer {
  write(text: string): unknown;
}

/**
 * What the command does once the files are linted and fixed in memory: `--fix-dry-run` prints the
 * diff on `stdout`; `--fix` writes the files and lists each fix on `stderr`. False when a file
 * could not be written (exit code 2).
 */
export function finishFixing(session: FixSession, dryRun: boolean, cwd: string, stdout: Writer, stderr: Writer): boolean {
  const changed = session.changed;
  if (dryRun) {
    for (const file of changed) stdout.write(fixDiff(file));
    const count = changed.reduce((sum, file) => sum + file.applied.length, 0);
    stderr.write(`cib-lint: --fix would apply ${count} fix${count === 1 ? '' : 'es'} in ${changed.length} file${changed.length === 1 ? '' : 's'}; nothing written\n`);
    return true;
  }
  const { written, refused } = writeFixedFiles(session, cwd);
  for (const file of written) for (const line of describeFixes(file)) stderr.write(`cib-lint: fixed ${line}\n`);
  for (const { file, reason } of refused) stderr.write(`cib-lint: ${file.filePath} not fixed: ${reason}\n`);
  return refused.length === 0;
}
