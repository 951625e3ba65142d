/**
 * One lint run over many inputs, shared by the command line and the GitHub Action. Each input is
 * read, loaded and linted on its own: an unreadable or oversized file becomes an error on that
 * file, and every other file is still linted.
 */
import { createLinter, type FileResult, type LintSettings } from '../core/linter.js';
import { timed } from '../core/timing.js';
import type { Input } from '../document/inputs/operands.js';
import { readInput, type ReadLimits } from '../document/inputs/read.js';
import { loadXml } from '../document/xml/load.js';
import { rootElementName } from '../document/xml/root-name.js';

export { DEFAULT_MAX_FILE_SIZE } from '../document/inputs/read.js';

export interface RunSettings extends LintSettings, ReadLimits {
  /** Called after each file, for progress output. */
  onFile?: (done: number, total: number) => void;
  /**
   * Lints the file its own way, given how to lint a text (the fix loop of src/app/fix.ts, which
   * lints each fixed text again).
   */
  fixer?: (lint: (bytes: Uint8Array) => FileResult, bytes: Buffer, filePath: string, input: Input) => FileResult;
  /**
   * XML files that are not CIBs (their root element is not `<cib>`) are not linted but handed to
   * onSkipped: those a folder walk or a glob found (`found`), or also those named (`all`, for
   * pre-commit, which names every staged .xml file). Default: none, every file is linted.
   */
  skipNonCib?: 'found' | 'all';
  onSkipped?: (input: Input, name: string) => void;
}

/** Loads and lints one file's bytes (the library's and the tests' entry point for a single text). */
export function lintSource(bytes: Uint8Array, filePath: string, settings: LintSettings): FileResult {
  return lintWith(createLinter(settings), bytes, filePath);
}

function lintWith(linter: ReturnType<typeof createLinter>, bytes: Uint8Array, filePath: string): FileResult {
  const loaded = loadXml(bytes);
  try {
    return linter.lint(loaded, filePath);
  } finally {
    if (loaded.ok) timed('stage: freeing the libxml2 document', () => loaded.document.dispose());
  }
}

export function lintInputs(inputs: Input[], settings: RunSettings): FileResult[] {
  const linter = createLinter(settings);
  const results: FileResult[] = [];
  for (const [index, input] of inputs.entries()) {
    const read = timed('stage: reading files', () => readInput(input, settings));
    if (read.error !== undefined) {
      results.push({ filePath: read.name, findings: [], errors: [read.error] });
    } else if (isSkipped(input, read.bytes, settings.skipNonCib)) {
      settings.onSkipped?.(input, read.name);
    } else {
      try {
        const { fixer } = settings;
        results.push(fixer ? fixer((bytes) => lintWith(linter, bytes, read.name), read.bytes, read.name, input) : lintWith(linter, read.bytes, read.name));
      } catch (failure) {
        // Defensive: the linter guards rules itself; anything reaching here is our own bug.
        results.push({ filePath: read.name, findings: [], errors: [`internal error: ${(failure as Error).message}`] });
      }
    }
    settings.onFile?.(index + 1, inputs.length);
  }
  return results;
}

function isSkipped(input: Input, bytes: Uint8Array, skip: RunSettings['skipNonCib']): boolean {
  if (skip === undefined || input.kind !== 'file' || (skip === 'found' && input.found !== true)) return false;
  const root = rootElementName(bytes);
  return root !== undefined && root !== 'cib';
}
