/**
 * Why our engine ranks articles as it does for one query: the top ten, and for the given
 * articles (by source) each query word's score alone and the terms it matched.
 * `node --import tsx bench/relevance/explain.ts <corpus> "<query>" [source ...]`
 */
import { assembleBundle } from '../../src/core/index';
import { loadSearchIndex } from '../../src/core/search/search-index';
import { parseQuery } from '../../src/core/search/query';
import { rank } from '../../src/core/search/rank';
import { loadCorpusWithConfig, type CorpusName } from './corpora';

const [corpus, query, ...sources] = process.argv.slice(2) as [CorpusName, string, ...string[]];
const { articles, synonyms } = await loadCorpusWithConfig(corpus);
const bundle = assembleBundle({ meta: { title: 'x', locale: 'en' }, categories: [], articles, ...(synonyms.length ? { synonyms } : {}) });
const index = loadSearchIndex(JSON.parse(JSON.stringify(bundle.search)), articles.length);
const parsed = parseQuery(query);
console.log(
  parsed.words
    .map(
      (w) =>
        `${w.term}${w.prefix ? '*' : ''}${w.typos ? `~${w.typos}` : ''}${w.optional ? '?' : ''}${w.parts.length ? `[${w.parts}]` : ''}`,
    )
    .join(' '),
);
const top = rank({ index, articles: bundle.articles, query: parsed, limit: 10 });
const label = (a: number) => `${articles[a]!.source} «${articles[a]!.title}»`;
top.forEach((r, i) => console.log(`${String(i + 1).padStart(2)} ${r.score.toFixed(2).padStart(8)} ${label(r.article)}`));
const wanted = new Set([...sources.map((s) => articles.findIndex((a) => a.source === s)), ...top.slice(0, 3).map((r) => r.article)]);
for (const a of wanted) {
  if (a < 0) continue;
  const all = rank({ index, articles: bundle.articles, query: parsed, limit: 1, accept: (x) => x === a })[0];
  const per = parsed.words.map((w) => {
    const r = rank({
      index,
      articles: bundle.articles,
      query: { words: [{ ...w, optional: false, joined: undefined }], phrases: [] },
      limit: 1,
      accept: (x) => x === a,
    })[0];
    return `${w.term}=${r ? r.score.toFixed(2) : '0'}`;
  });
  console.log(`\n${label(a)}: ${all ? all.score.toFixed(2) : 'no match'}  ${per.join('  ')}\n  terms: ${all?.terms.join(' ')}`);
}
