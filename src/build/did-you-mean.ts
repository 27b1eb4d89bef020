import { closestNames } from '../core/text/closest';

/** Names longer than this get no suggestion (nobody misspells a name that long; it would cost time). */
const MAX_NAME = 100;

/** ` (did you mean "x"?)` with the closest candidate to a misspelt name (see closestNames), or `''`. */
export function didYouMeanHint(name: string, candidates: Iterable<string>): string {
  const match = name.length > MAX_NAME ? undefined : closestNames(name, candidates, 1)[0];
  return match ? ` (did you mean "${match}"?)` : '';
}
