/**
 * The index terms as one sorted array: exact look-up and prefix ranges by binary search,
 * typo-tolerant look-up by walking the array as if it were a trie. Nothing to build when
 * loading: the serialized index already lists its terms in this order.
 */

const IDEOGRAPHIC_START = '\u3040';

export class TermList {
  readonly terms: string[];

  constructor(terms: string[]) {
    this.terms = terms;
  }

  get size(): number {
    return this.terms.length;
  }

  /** First position whose term is not below `key`, searching from `from`. */
  lowerBound(key: string, from = 0): number {
    let lo = from;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  indexOf(term: string): number {
    const i = this.lowerBound(term);
    return this.terms[i] === term ? i : -1;
  }

  /** Positions [start, end) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const start = this.lowerBound(prefix);
    return [start, this.lowerBound(`${prefix}\uffff`, start)];
  }

  /** Positions of the terms of scripts without spaces that contain `part` (`系统` in `文件系统`). */
  containing(part: string, limit: number): number[] {
    const out: number[] = [];
    for (let i = this.lowerBound(IDEOGRAPHIC_START); i < this.terms.length && out.length < limit; i++) {
      if (this.terms[i]!.includes(part)) out.push(i);
    }
    return out;
  }

  /** The first position from `from` on whose term does not start with `prefix` (usually close: gallop, then bisect). */
  #skipPrefix(prefix: string, from: number): number {
    const terms = this.terms;
    let step = 1;
    let lo = from;
    let hi = from;
    while (hi < terms.length && terms[hi]!.startsWith(prefix)) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = Math.min(hi, terms.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]!.startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Terms within `maxDistance` edits of `query` (insertions, deletions, substitutions and
   * swaps of neighbours), as [position, distance]. Shared prefixes are computed once and
   * hopeless prefixes skipped, as in a trie.
   */
  fuzzy(query: string, maxDistance: number): [number, number][] {
    const out: [number, number][] = [];
    const m = query.length;
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    let previous = '';
    let valid = 0; // rows[0..valid] hold the prefixes of `previous`
    const terms = this.terms;
    let i = 0;
    while (i < terms.length) {
      const term = terms[i]!;
      let depth = 0;
      const limit = Math.min(valid, term.length, previous.length);
      while (depth < limit && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      let pruned = -1;
      for (let k = depth + 1; k <= term.length; k++) {
        const row = (rows[k] ??= new Int32Array(m + 1));
        const above = rows[k - 1]!;
        const c = term.charCodeAt(k - 1);
        row[0] = k;
        let min = k;
        for (let j = 1; j <= m; j++) {
          const cost = query.charCodeAt(j - 1) === c ? 0 : 1;
          let v = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
          if (k > 1 && j > 1 && c === query.charCodeAt(j - 2) && term.charCodeAt(k - 2) === query.charCodeAt(j - 1)) {
            v = Math.min(v, rows[k - 2]![j - 2]! + 1);
          }
          row[j] = v;
          if (v < min) min = v;
        }
        if (min > maxDistance) {
          pruned = k;
          break;
        }
      }
      previous = term;
      if (pruned >= 0) {
        valid = pruned;
        i = this.#skipPrefix(term.slice(0, pruned), i + 1);
        continue;
      }
      valid = term.length;
      const distance = rows[term.length]![m]!;
      if (distance <= maxDistance) out.push([i, distance]);
      i++;
    }
    return out;
  }
}
