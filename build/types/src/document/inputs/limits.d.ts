/**
 * 64 MiB: four times the largest real CIBs (tens of MB), and peak memory stays near 1 GiB at the
 * limit (16-20 bytes of memory per byte of CIB); a 256 MiB file would exhaust the JavaScript heap.
 */
export declare const DEFAULT_MAX_FILE_SIZE: number;
export declare function formatSize(bytes: number): string;
/** What reading one input gave: its bytes, or why there are none. */
export type ReadResult = {
    name: string;
    bytes: Buffer;
    error?: undefined;
} | {
    name: string;
    bytes?: undefined;
    error: string;
};
export interface ReadLimits {
    cwd: string;
    /** Inputs larger than this many bytes are not read. */
    maxFileSize: number;
    /** Name to show for standard input. */
    stdinFilename?: string;
    /** Standard input, when it is not file descriptor 0 (a command run in-process). */
    stdin?: Uint8Array;
    /** false: a file named through a symbolic link is not read (links found by walks never are). */
    followSymlinks?: boolean;
}
