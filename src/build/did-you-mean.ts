import { editDistance } from '../core/text/closest';

/** The closest candidate to a misspelt name, or undefined when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean "x"?)`, or `''`. */
export function didYouMeanHint(name: string, candidates: readonly string[]): string {
  const match = didYouMean(name, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}
