/**
 * Reading an input, whatever kind it is: each kind is one file beside this one (a new kind is
 * another file and one more case here). What was read may itself be an encoding of a CIB (a
 * bzip2-compressed pe-input): decoders are files beside this one too.
 */
import type { Input } from './operands.js';
import { readFile } from './file.js';
import type { ReadLimits, ReadResult } from './limits.js';
import { readStdin } from './stdin.js';
import { decompressBzip2, isBzip2 } from './bzip2.js';

export type { ReadLimits, ReadResult } from './limits.js';
export { DEFAULT_MAX_FILE_SIZE } from './limits.js';

export function readInput(input: Input, limits: ReadLimits): ReadResult {
  const read = readRaw(input, limits);
  if (read.bytes && isBzip2(read.bytes)) return decompressBzip2(read.name, read.bytes, limits.maxFileSize);
  return read;
}

function readRaw(input: Input, limits: ReadLimits): ReadResult {
  switch (input.kind) {
    case 'stdin':
      return readStdin(limits);
    case 'file':
      return readFile(input, limits);
    case 'refused':
      return { name: input.path, error: input.error };
  }
}
