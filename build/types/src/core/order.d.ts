/**
 * Orders text by UTF-16 code units, the same on every machine. `localeCompare` orders by the
 * machine's locale, and its first call initialises ICU's collator, a noticeable share of a cold run.
 */
export declare function compareText(a: string, b: string): number;
