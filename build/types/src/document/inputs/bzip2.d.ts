import { type ReadResult } from './limits.js';
/** `BZh` and a block size digit. */
export declare function isBzip2(bytes: Uint8Array): boolean;
/**
 * unbzip2-stream's stream is a `through` stream: it decompresses within write() and end() and
 * emits the blocks synchronously, so the whole file is decoded before this returns. A data
 * handler that throws stops it (the stream reports the error and decodes nothing more): that is
 * how the size limit ends a decompression bomb after at most one more block.
 */
export declare function decompressBzip2(name: string, compressed: Uint8Array, limit: number): ReadResult;
