/**
 * Readies a freshly loaded index for its first query, in short slices after loading: the
 * first query otherwise pays, in one task, for decoding the large postings that common words
 * and short prefixes reach, for the ranking buffers, and for running the search code cold
 * (compiling it, and the Unicode regular expressions of the tokenizer).
 */
import { words } from '../text/tokenize';
import { stem } from '../text/stem';
import { yieldIfDue, yieldUntilIdle } from '../yield';
import { highlight, snippet } from './highlight';
import { parseQuery } from './query';
import { prepareExpansions, prepareRanking } from './rank';
import type { SearchIndex } from './search-index';

/** The largest postings are decoded ahead: short prefixes complete to the most frequent terms first. */
const DECODED_AHEAD = 128;
/** Where in the order of posting sizes the sample searches take their words: common, but not the most common. */
const SAMPLE_RANKS = [256, 512, 1024];
/** Words of 5 to 7 letters: one typo tolerated, as for most words typed. */
const PLAIN_WORD = /^[a-z]{5,7}$/;
/** Where terms of Chinese and Japanese start in the sorted term list. */
const UNSPACED_START = '\u3040';
/** A large posting takes up to 5 ms to decode: one starts only while the slice has room for it. */
const DECODE_BUDGET_MS = 3;
/** Positions handled between two checks of the slice's budget. */
const STEP = 2048;

/** Term positions by posting size, largest first. */
async function bySize(index: SearchIndex): Promise<Int32Array> {
  const n = index.terms.size;
  const scale = 2 ** Math.ceil(Math.log2(n + 1));
  const keys = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    keys[p] = index.postingSize(p) * scale + p; // size, then position, as one number
    if (p % STEP === 0) await yieldIfDue();
  }
  keys.sort();
  await yieldIfDue();
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = keys[n - 1 - k]! % scale;
  return out;
}

/** Plain words near the given ranks of posting size (so the samples go through completion, stemming and typo tolerance). */
function sampleWords(index: SearchIndex, order: Int32Array): string[] {
  const out: string[] = [];
  for (const r of SAMPLE_RANKS) {
    const from = Math.min(r, order.length >> 1); // small indexes: from the middle
    for (let k = from; k < order.length && k < from + 64; k++) {
      const term = index.terms.terms[order[k]!]!;
      if (PLAIN_WORD.test(term) && !out.includes(term)) {
        out.push(term);
        break;
      }
    }
  }
  return out;
}

/**
 * Allocates the ranking buffers, decodes the largest postings, runs the tokenizer (with its word segmenter, for an index with Chinese or Japanese), stemmer,
 * typo-tolerant look-up and highlighter once each on `sample` text and then a few sample
 * searches (`search`, the full search with snippets), each in a task of its own when the page
 * is idle, so that no step runs long or ahead of rendering: results are the same with or without this, only the first query is faster.
 */
export async function prepareSearch(index: SearchIndex, sample: string, search: (query: string) => void): Promise<void> {
  // After the page has rendered what the load was for (a help center, a tip), not before.
  await yieldUntilIdle();
  prepareRanking(index);
  const order = await bySize(index);
  for (let k = 0; k < Math.min(DECODED_AHEAD, order.length); k++) {
    await yieldIfDue(DECODE_BUDGET_MS);
    index.postingAt(order[k]!);
  }
  const plain = sampleWords(index, order);
  const first = plain[0] ?? '';
  // Scripts without spaces are split into words by Intl.Segmenter, whose first use loads its
  // dictionary (about 20 ms in Chromium, once per page process): here rather than in a keystroke.
  const unspaced = index.terms.terms[index.terms.lowerBound(UNSPACED_START)];
  const steps = [
    ...(unspaced ? [() => words(unspaced)] : []),
    () => words(sample),
    () => words(sample).forEach((w) => stem(w.term)),
    () => index.terms.fuzzy(first, 1),
    () => {
      const h = { terms: new Set(plain), unspaced: [] };
      highlight(sample, h);
      snippet(sample, h);
    },
  ];
  // A word being typed, two words, a finished word.
  const queries: string[] =
    plain.length >= 2 ? [first.slice(0, 4), `${first} ${plain[1]!.slice(0, 3)}`, `${plain[plain.length - 1]} `] : plain;
  steps.push(() => queries.map(parseQuery));
  for (const query of queries)
    steps.push(
      () => prepareExpansions(index, parseQuery(query)),
      () => search(query),
    );
  for (const step of steps) {
    await yieldUntilIdle();
    step();
  }
}
