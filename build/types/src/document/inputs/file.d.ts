import { type ReadLimits, type ReadResult } from './limits.js';
import type { Input } from './operands.js';
export declare function readFile(input: Extract<Input, {
    kind: 'file';
}>, limits: ReadLimits): ReadResult;
/**
 * A file that is not a lint input (a baseline) read under the same rules: regular files only (or
 * /dev/fd/N), at most `maxFileSize` bytes; an Error with the reason otherwise.
 */
export declare function readRegularFile(path: string, maxFileSize: number): Buffer;
