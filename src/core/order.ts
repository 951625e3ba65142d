/**
 * Orders text by UTF-16 code units, the same on every machine. `localeCompare` orders by the
 * machine's locale, and its first call initialises ICU's collator: about 5 ms of every run, 4% of
 * a cold one.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
