import { fold } from "../search/text";

// "Did you mean": the closest known values to a mistyped one, compared without case or accents.

/** Levenshtein distance, with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** At most `limit` candidates close to `value`: within a third of its length in edits, or containing it. */
export function suggest(value: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = fold(value);
  const max = Math.max(2, Math.floor(wanted.length / 3));
  return candidates
    .map((candidate) => {
      const key = fold(candidate);
      const distance = key.includes(wanted) || wanted.includes(key) ? 0.5 : editDistance(wanted, key, max);
      return { candidate, distance };
    })
    .filter((c) => c.distance <= max)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((c) => c.candidate);
}
