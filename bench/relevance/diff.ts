/**
 * Per-query comparison of our engine and MiniSearch tuned: every query (in every mode) where
 * the two put the first wanted article at different ranks, with both engines' top three.
 * For finding what a baseline does better, not for choosing weights.
 * `node --import tsx bench/relevance/diff.ts [corpus ...] [--mode typed|typo|half]`
 */
import { loadCorpusWithConfig, type CorpusName } from './corpora';
import { minisearchTuned, ours } from './engines';
import { MODES, QUERY_SETS, readQueries, variant, type Mode } from './query-sets';

const args = process.argv.slice(2);
const modeAt = args.indexOf('--mode');
const modes: readonly Mode[] = modeAt >= 0 ? [args[modeAt + 1] as Mode] : MODES;
const only = args.filter((a, i) => !a.startsWith('--') && (modeAt < 0 || i !== modeAt + 1)) as CorpusName[];
const rr = (r: number) => (r < 0 ? 0 : 1 / (r + 1));
for (const corpus of [...new Set(QUERY_SETS.map((s) => s.corpus))].filter((c) => !only.length || only.includes(c))) {
  const { articles, synonyms } = await loadCorpusWithConfig(corpus);
  const a = ours(articles, synonyms);
  const b = minisearchTuned(articles, synonyms);
  const label = (i: number) => `${articles[i]!.source} «${articles[i]!.title}»`;
  for (const set of QUERY_SETS.filter((s) => s.corpus === corpus)) {
    const queries = readQueries(set, articles);
    for (const mode of modes) {
      let sum = 0;
      const lines: string[] = [];
      queries.forEach(({ q, expected }, n) => {
        const text = variant(q, mode, n);
        const ra = a.search(text, 10);
        const rb = b.search(text, 10);
        const ia = ra.findIndex((i) => expected.has(i));
        const ib = rb.findIndex((i) => expected.has(i));
        if (ia === ib) return;
        sum += rr(ia) - rr(ib);
        lines.push(
          `  ${rr(ia) - rr(ib) > 0 ? '+' : '-'} "${text}" ours ${ia < 0 ? '-' : ia + 1} / MS ${ib < 0 ? '-' : ib + 1}  (want ${[...expected]
            .slice(0, 3)
            .map((i) => articles[i]!.source)
            .join(', ')})`,
          `      ours: ${ra.slice(0, 3).map(label).join(' | ')}`,
          `      MS:   ${rb.slice(0, 3).map(label).join(' | ')}`,
        );
      });
      console.log(`\n${corpus} ${set.file} ${mode}: ours − MS = ${(sum / (queries.length || 1)).toFixed(3)}`);
      if (lines.length) console.log(lines.join('\n'));
    }
  }
}
