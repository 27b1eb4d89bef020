/**
 * Closeness of names (ids, field names), for "did you mean" hints: the build's diagnostics
 * and the elements' warnings about unknown article ids.
 */

/**
 * Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbouring letters
 * counts 1), in three rows of memory. With `max`, gives up as soon as the distance must exceed
 * it and returns `max + 1`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // A swap reaches back two rows: give up only when this row and the one before are over.
    if (rowMin > max && i > 1 && Math.min(...previous) > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * Up to `limit` candidates close to `name`, closest first: within an edit distance of a third
 * of its length (at least 1), or containing it / contained in it (`dns` → `dns-records`).
 * Case is ignored. Linear in the number of candidates; names far apart in length are skipped
 * without computing their distance.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = name.toLowerCase();
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  const found: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === wanted) continue;
    const contains = wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    if (!contains && Math.abs(lower.length - wanted.length) > allowed) continue;
    const distance = editDistance(wanted, lower, contains ? Infinity : allowed);
    if (distance <= allowed || contains) found.push({ candidate, distance });
  }
  return found
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map((f) => f.candidate);
}
