/**
 * Reading an input, whatever kind it is: each kind is one file beside this one (a new kind is
 * another file and one more case here). What was read may itself be an encoding of a CIB (a
 * bzip2-compressed pe-input): decoders are files beside this one too.
 */
import type { Input } from './operands.js';
import type { ReadLimits, ReadResult } from './limits.js';
export type { ReadLimits, ReadResult } from './limits.js';
export { DEFAULT_MAX_FILE_SIZE } from './limits.js';
export declare function readInput(input: Input, limits: ReadLimits): ReadResult;
