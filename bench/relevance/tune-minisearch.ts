/**
 * Chooses the tuned MiniSearch's settings the way ours were chosen, on the same tuned-on query
 * sets: coordinate descent over its field boosts, fuzzy and prefix weights, stemming and BM25 k, b and d, each
 * step keeping the value with the best mean MRR@10 of the three modes (typed, one typo,
 * half-typed) over every tuned-on query (each weighs the same). The held-out sets are printed
 * for the result, never used to choose.
 * `node --import tsx bench/relevance/tune-minisearch.ts [corpus ...]`
 */
import { loadCorpusWithConfig, type CorpusArticle, type CorpusName } from './corpora';
import { MINISEARCH_TUNED, minisearchTuned, type MiniSearchTuning } from './engines';
import { MODES, pooled, QUERY_SETS, readQueries, score, type Query, type QuerySet, type Score } from './query-sets';

type Knob = { name: string; values: unknown[]; set: (t: MiniSearchTuning, v: unknown) => MiniSearchTuning };
const boost = (field: string, values: number[]): Knob => ({
  name: field,
  values,
  set: (t, v) => ({ ...t, boost: { ...t.boost, [field]: v as number } }),
});
const KNOBS: Knob[] = [
  boost('title', [2, 3, 4, 6, 8]),
  boost('headings', [1, 1.5, 2, 3]),
  boost('tags', [1, 1.5, 2.5, 4]),
  boost('excerpt', [0.5, 1, 1.5, 3]),
  boost('place', [0.5, 1, 2, 3]),
  boost('links', [0.5, 1, 2, 3]),
  { name: 'fuzzy', values: [0.3, 0.45, 0.6, 0.8], set: (t, v) => ({ ...t, weights: { ...t.weights, fuzzy: v as number } }) },
  { name: 'prefix', values: [0.375, 0.5, 0.6, 0.8, 1], set: (t, v) => ({ ...t, weights: { ...t.weights, prefix: v as number } }) },
  { name: 'stem', values: [false, true], set: (t, v) => ({ ...t, stem: v as boolean }) },
  { name: 'bm25.k', values: [0.6, 0.9, 1.2, 1.6, 2, 3], set: (t, v) => ({ ...t, bm25: { ...t.bm25, k: v as number } }) },
  { name: 'bm25.b', values: [0.3, 0.5, 0.7, 0.85, 1], set: (t, v) => ({ ...t, bm25: { ...t.bm25, b: v as number } }) },
  { name: 'bm25.d', values: [0, 0.25, 0.5, 1], set: (t, v) => ({ ...t, bm25: { ...t.bm25, d: v as number } }) },
];

const only = process.argv.slice(2) as CorpusName[];
const corpora = [...new Set(QUERY_SETS.map((s) => s.corpus))].filter((c) => !only.length || only.includes(c));
const loaded: { corpus: CorpusName; articles: CorpusArticle[]; synonyms: string[][]; sets: { set: QuerySet; queries: Query[] }[] }[] = [];
for (const corpus of corpora) {
  const { articles, synonyms } = await loadCorpusWithConfig(corpus);
  loaded.push({
    corpus,
    articles,
    synonyms,
    sets: QUERY_SETS.filter((s) => s.corpus === corpus).map((set) => ({ set, queries: readQueries(set, articles) })),
  });
}

function evaluate(tuning: MiniSearchTuning): { tuned: Score[]; held: Score[] } {
  const tuned: Score[][] = [];
  const held: Score[][] = [];
  for (const { articles, synonyms, sets } of loaded) {
    const engine = minisearchTuned(articles, synonyms, tuning);
    for (const { set, queries } of sets) (set.role === 'tuned-on' ? tuned : held).push(MODES.map((m) => score(engine, queries, m)));
  }
  const pool = (rows: Score[][]) => MODES.map((_m, i) => pooled(rows.map((r) => r[i]!)));
  return { tuned: pool(tuned), held: held.length ? pool(held) : [] };
}
const objective = (scores: Score[]) => scores.reduce((a, s) => a + s.mrr, 0) / scores.length;
const cells = (scores: Score[]) => scores.map((s) => s.mrr.toFixed(3)).join(' ');

let best = MINISEARCH_TUNED;
let bestScore = objective(evaluate(best).tuned);
console.log(`start ${bestScore.toFixed(4)} ${JSON.stringify(best)}`);
for (let round = 1; round <= 2; round++) {
  for (const knob of KNOBS) {
    for (const value of knob.values) {
      const candidate = knob.set(best, value);
      const s = objective(evaluate(candidate).tuned);
      if (s > bestScore + 1e-9) {
        best = candidate;
        bestScore = s;
        console.log(`round ${round}: ${knob.name} = ${String(value)} -> ${s.toFixed(4)}`);
      }
    }
  }
}
const final = evaluate(best);
console.log(
  `\nbest ${JSON.stringify(best)}\n  tuned-on ${cells(final.tuned)} (mean ${bestScore.toFixed(4)})\n  held-out ${cells(final.held)}`,
);
