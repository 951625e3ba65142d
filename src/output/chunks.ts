/**
 * Writing a report that comes in pieces (FormatOutput): the pieces are gathered into blocks of a
 * useful size, so neither one string of the whole report nor one write per finding is needed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { FormatOutput } from './formatter.js';

const BLOCK = 1 << 16;

/** The output in blocks of about 64 KiB (a string output as it is). */
export function* blocks(output: FormatOutput): Generator<string> {
  if (typeof output === 'string') {
    if (output !== '') yield output;
    return;
  }
  let pending: string[] = [];
  let size = 0;
  for (const piece of output) {
    pending.push(piece);
    size += piece.length;
    if (size >= BLOCK) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield pending.join('');
}

/** The whole output as one string, for callers that need it so (tests, small reports). */
export function outputText(output: FormatOutput): string {
  return typeof output === 'string' ? output : [...blocks(output)].join('');
}

/** Writes the output to an open file descriptor, block by block. */
export function writeOutputTo(fd: number, output: FormatOutput): void {
  for (const block of blocks(output)) {
    const bytes = Buffer.from(block, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  }
}

/** Writes the output to a file, created or truncated. */
export function writeOutputFile(path: string, output: FormatOutput): void {
  const fd = openSync(path, 'w');
  try {
    writeOutputTo(fd, output);
  } finally {
    closeSync(fd);
  }
}
