/**
 * Our engine (or MiniSearch tuned), on the sets of the given corpora (all by default): MRR@10 per set and mode
 * (typed, one typo, half-typed), then every tuned-on set and every held-out set together.
 * `node --import tsx bench/relevance/quick.ts [corpus ...] [--misses] [--minisearch]`. For trying
 * a change quickly, and for `sweep.ts`; `run.ts` is the benchmark. `--minisearch` scores
 * MiniSearch tuned instead of our engine (the margin to beat, set by set).
 */
import { loadCorpusWithConfig, type CorpusName } from './corpora';
import { minisearchTuned, ours } from './engines';
import { MODES, pooled, QUERY_SETS, readQueries, score, type Role, type Score } from './query-sets';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--')) as CorpusName[];
const byRole: Record<Role, Score[][]> = { 'tuned-on': [], 'held-out': [] };
const row = (label: string, scores: Score[]) => console.log(`${label.padEnd(38)} ${scores.map((s) => s.mrr.toFixed(3)).join('  ')}`);
for (const corpus of [...new Set(QUERY_SETS.map((s) => s.corpus))].filter((c) => !only.length || only.includes(c))) {
  const { articles, synonyms } = await loadCorpusWithConfig(corpus);
  const engine = (args.includes('--minisearch') ? minisearchTuned : ours)(articles, synonyms);
  for (const set of QUERY_SETS.filter((s) => s.corpus === corpus)) {
    const queries = readQueries(set, articles);
    const scores = MODES.map((m) => score(engine, queries, m));
    byRole[set.role].push(scores);
    row(`${set.file} (${set.role})`, scores);
    if (args.includes('--misses')) scores.forEach((s, i) => s.misses.length && console.log(`    ${MODES[i]}: ${s.misses.join(' | ')}`));
  }
}
for (const role of ['tuned-on', 'held-out'] as const) {
  if (byRole[role].length)
    row(
      `all ${role}`,
      MODES.map((_m, i) => pooled(byRole[role].map((s) => s[i]!))),
    );
}
