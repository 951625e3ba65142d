/**
 * The registry of output formats, each imported only when a run asks for it.
 */
import type { Formatter } from './formatter.js';

export type { FormatContext, Formatter } from './formatter.js';

const FORMATTERS = {
  text: () => import('./text.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  gitlab: () => import('./gitlab.js'),
  checkstyle: () => import('./checkstyle.js'),
  compact: () => import('./compact.js'),
  pcs: () => import('./pcs.js'),
} satisfies Record<string, () => Promise<{ default: Formatter }>>;

export type FormatId = keyof typeof FORMATTERS;
export const FORMAT_IDS = Object.keys(FORMATTERS) as FormatId[];

export function isFormatId(id: string): id is FormatId {
  return Object.hasOwn(FORMATTERS, id);
}

export async function loadFormatter(id: FormatId): Promise<Formatter> {
  return (await FORMATTERS[id]()).default;
}
