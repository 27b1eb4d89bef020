import { editDistance } from '../core/text/closest';

/** Names longer than this get no suggestion (nobody misspells a name that long; it would cost time). */
const MAX_NAME = 100;

/**
 * The closest candidate to a misspelt name, or undefined when nothing is close. Only
 * candidates whose length is within reach are compared, so a long name or many candidates
 * stay cheap.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_NAME) return undefined;
  const wanted = name.toLowerCase();
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or `''`. */
export function didYouMeanHint(name: string, candidates: Iterable<string>): string {
  const match = didYouMean(name, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}
