/**
 * Reading an input, whatever kind it is: each kind is one file beside this one (a new kind, such
 * as a compressed pe-input, is another file and one more case here).
 */
import type { Input } from './operands.js';
import { readFile } from './file.js';
import type { ReadLimits, ReadResult } from './limits.js';
import { readStdin } from './stdin.js';

export type { ReadLimits, ReadResult } from './limits.js';
export { DEFAULT_MAX_FILE_SIZE } from './limits.js';

export function readInput(input: Input, limits: ReadLimits): ReadResult {
  switch (input.kind) {
    case 'stdin':
      return readStdin(limits);
    case 'file':
      return readFile(input, limits);
    case 'refused':
      return { name: input.path, error: input.error };
  }
}
