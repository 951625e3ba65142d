/**
 * A bzip2-compressed CIB: what the scheduler saves for every transition
 * (/var/lib/pacemaker/pengine/pe-input-N.bz2, pe-warn-N.bz2, pe-error-N.bz2). Recognised by the
 * bzip2 magic, whatever the file is called, and decompressed within the --max-file-size limit, so
 * a small file that expands without end is refused instead of filling memory.
 */
import unbzip2 from 'unbzip2-stream';
import { formatSize, type ReadResult } from './limits.js';

/** `BZh` and a block size digit. */
export function isBzip2(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68 && bytes[3]! >= 0x31 && bytes[3]! <= 0x39;
}

/**
 * unbzip2-stream's stream is a `through` stream: it decompresses within write() and end() and
 * emits the blocks synchronously, so the whole file is decoded before this returns. A data
 * handler that throws stops it (the stream reports the error and decodes nothing more): that is
 * how the size limit ends a decompression bomb after at most one more block.
 */
export function decompressBzip2(name: string, compressed: Uint8Array, limit: number): ReadResult {
  const chunks: Buffer[] = [];
  let length = 0;
  let failure: Error | undefined;
  let tooLarge = false;
  const stream = unbzip2();
  stream.on('data', (chunk: Buffer) => {
    length += chunk.length;
    if (length > limit) {
      tooLarge = true;
      throw new Error('over the limit');
    }
    chunks.push(chunk);
  });
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  try {
    stream.write(Buffer.from(compressed.buffer, compressed.byteOffset, compressed.length));
    if (!tooLarge && failure === undefined) stream.end();
  } catch (error) {
    failure ??= error as Error;
  }
  if (tooLarge) return { name, error: `bzip2 data expands past the --max-file-size limit of ${formatSize(limit)}; raise the limit to lint it` };
  // The decoder's own errors say what is wrong; anything else comes from reading past the end.
  if (failure !== undefined) return { name, error: `cannot decompress bzip2 data: ${failure.name === 'Bzip2Error' ? failure.message : 'truncated or corrupt'}` };
  return { name, bytes: Buffer.concat(chunks, length) };
}
