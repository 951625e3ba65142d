/**
 * The container `options` attribute is a docker/podman command line fragment. Pacemaker appends
 * it to the command it builds, so it is split here the way a POSIX shell would split it, once,
 * and every rule asks this one parser which flags are present.
 */
export interface ContainerFlag {
    /** The flag as written, without its value: `--net`, `-e`, `-p`. */
    flag: string;
    /** The value, whether given as `--flag=value`, `--flag value` or `-fvalue`; undefined for a bare flag. */
    value: string | undefined;
}
/** POSIX-shell word splitting: whitespace separates, quotes group, backslash escapes. */
export declare function shellSplit(input: string): string[];
export declare function parseContainerOptions(options: string | undefined): ContainerFlag[];
/** Values of an environment variable set with `-e NAME=value` / `--env NAME=value`. */
export declare function environmentValues(flags: ContainerFlag[], name: string): string[];
/**
 * The network mode selected by `--net`/`--network`, if any. Current docker takes the first one as
 * the container's mode (further ones attach more networks, which `host` and `none` refuse).
 */
export declare function networkMode(flags: ContainerFlag[]): string | undefined;
