/** TCP ports as bundles write them: `port`, `internal-port`, `control-port` and `range`. */
import { parseInteger } from './values.js';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** A TCP port number 1..65535 written as a plain decimal integer; undefined otherwise. */
export function parsePort(value: string | undefined): number | undefined {
  const port = parseInteger(value);
  return port !== undefined && port >= MIN_PORT && port <= MAX_PORT ? port : undefined;
}

export interface PortRange {
  first: number;
  last: number;
}

/**
 * A port-mapping `range`: `first-last`, both valid ports, first <= last. Pacemaker passes the
 * text to `docker run -p` unchecked, and the schema pattern `[0-9-]+` also admits `8000-`, `--`
 * and `90-80`, so this is the only place the shape is enforced.
 */
export function parsePortRange(value: string | undefined): PortRange | undefined {
  const match = value === undefined ? null : /^(\d+)-(\d+)$/.exec(value);
  if (!match) return undefined;
  const first = parsePort(match[1]);
  const last = parsePort(match[2]);
  if (first === undefined || last === undefined || first > last) return undefined;
  return { first, last };
}

/** The host ports a port-mapping publishes, as Pacemaker reads it: `port` wins over `range`. */
export function mappedHostPorts(mapping: { attr(name: string): string | undefined }): PortRange | undefined {
  const port = mapping.attr('port');
  if (port !== undefined) {
    const number = parsePort(port);
    return number === undefined ? undefined : { first: number, last: number };
  }
  return parsePortRange(mapping.attr('range'));
}
