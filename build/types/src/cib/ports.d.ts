export declare const MIN_PORT = 1;
export declare const MAX_PORT = 65535;
/** A TCP port number 1..65535 written as a plain decimal integer; undefined otherwise. */
export declare function parsePort(value: string | undefined): number | undefined;
export interface PortRange {
    first: number;
    last: number;
}
/**
 * A port-mapping `range`: `first-last`, both valid ports, first <= last. Pacemaker passes the
 * text to `docker run -p` unchecked, and the schema pattern `[0-9-]+` also admits `8000-`, `--`
 * and `90-80`, so this is the only place the shape is enforced.
 */
export declare function parsePortRange(value: string | undefined): PortRange | undefined;
/** The host ports a port-mapping publishes, as Pacemaker reads it: `port` wins over `range`. */
export declare function mappedHostPorts(mapping: {
    attr(name: string): string | undefined;
}): PortRange | undefined;
