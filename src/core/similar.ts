/** "Did you mean": the candidates closest to a mistyped word, for error messages. */

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `most` candidates within a third of the word's length in edits, or containing it, nearest first. */
export function similarWords(word: string, candidates: readonly string[], most = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  return candidates
    .map((candidate) => ({ candidate, cost: candidate.includes(word) || word.includes(candidate) ? 0.5 : distance(word, candidate) }))
    .filter(({ cost }) => cost <= limit)
    .sort((a, b) => a.cost - b.cost || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, most)
    .map(({ candidate }) => candidate);
}

/**
 * The candidates `word` spells with other case or `_` and `-` swapped (`clone_max`, `migrate-to`),
 * else similarWords(): a look-alike of that kind has only one meaning.
 */
export function closestWords(word: string, candidates: readonly string[]): string[] {
  const normalise = (text: string): string => text.toLowerCase().replaceAll('_', '-');
  const same = candidates.filter((candidate) => normalise(candidate) === normalise(word));
  return same.length > 0 ? same : similarWords(word, candidates);
}

/** `; did you mean a, b?` or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const close = similarWords(word, candidates);
  return close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
}
