/** "Did you mean": the candidates closest to a mistyped word, for error messages. */
/** Up to `most` candidates within a third of the word's length in edits, or containing it, nearest first. */
export declare function similarWords(word: string, candidates: readonly string[], most?: number): string[];
/**
 * The candidates `word` spells with other case or `_` and `-` swapped (`clone_max`, `migrate-to`),
 * else similarWords(): a look-alike of that kind has only one meaning.
 */
export declare function closestWords(word: string, candidates: readonly string[]): string[];
/** `; did you mean a, b?` or the empty string. */
export declare function didYouMean(word: string, candidates: readonly string[]): string;
