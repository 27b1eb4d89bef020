// Readying an index for its first query (decoding postings ahead, sample searches) is only a
// head start: every result stays the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from '../../src/core/search/query';
import { rank } from '../../src/core/search/rank';
import { decodePosting, loadSearchIndex } from '../../src/core/search/search-index';
import { prepareSearch } from '../../src/core/search/warm-up';
import { KnowledgeBase } from '../../src/core/index';
import { waitUntil } from '../build/helpers';
import { article, bundleOf, SKYHOST } from './fixtures';

const QUERIES = [
  's',
  'sp',
  'spa',
  'spam',
  'spam f',
  'spam filter',
  'dkim',
  'dkmi',
  'false positives',
  'mail "spam filter"',
  'ssl certificate',
  'quarantine ',
  'xyzzy',
];

test('a prepared index ranks exactly as a cold one', async () => {
  const bundle = JSON.parse(JSON.stringify(bundleOf(SKYHOST)));
  const cold = loadSearchIndex(bundle.search, bundle.articles.length);
  const warm = loadSearchIndex(bundle.search, bundle.articles.length);
  const rankIn = (index: typeof cold, q: string) => rank({ index, articles: bundle.articles, query: parseQuery(q), limit: 10 });
  const samples: string[] = [];
  await prepareSearch(warm, `${bundle.articles[0].title} ${bundle.articles[0].excerpt}`, (q) => {
    samples.push(q);
    rankIn(warm, q);
  });
  assert.ok(samples.length > 0, 'ran sample searches');
  for (const q of QUERIES) assert.deepEqual(rankIn(warm, q), rankIn(cold, q), q);
});

test('fromAsync answers a query at once, and the same after it has readied the index', async () => {
  const bundle = JSON.parse(JSON.stringify(bundleOf(SKYHOST)));
  const sync = KnowledgeBase.from(bundle);
  const kb = await KnowledgeBase.fromAsync(JSON.parse(JSON.stringify(bundle)));
  const hits = (k: KnowledgeBase, q: string) => k.search(q).map((h) => [h.article.id, h.score, h.section?.id, h.snippetHtml, h.titleHtml]);
  assert.deepEqual(hits(kb, 'spam f'), hits(sync, 'spam f'));
  // The warm-up's last steps are sample searches through kb.search: wait for the first of them.
  const search = kb.search.bind(kb);
  let warmUpSearches = 0;
  kb.search = (...args) => (warmUpSearches++, search(...args));
  await waitUntil(() => warmUpSearches > 0, 'the warm-up to reach its sample searches');
  kb.search = search;
  for (const q of QUERIES) assert.deepEqual(hits(kb, q), hits(sync, q), q);
});

test('an empty index and one without plain words are prepared without error', async () => {
  for (const articles of [[article({ id: 'a', title: '中文', excerpt: '' })], [article({ id: 'b', title: 'ab', excerpt: '' })]]) {
    const bundle = JSON.parse(JSON.stringify(bundleOf(articles)));
    const index = loadSearchIndex(bundle.search, bundle.articles.length);
    await prepareSearch(index, '', (q) => rank({ index, articles: bundle.articles, query: parseQuery(q), limit: 10 }));
  }
});

test('long postings decode past the first buffer, with per-entry field sets', () => {
  const n = 5000;
  // Every entry in title, excerpt and text (1 + 8 + 16 = 25 = `p`), tf 2 in the text; the usual set is text only.
  const raw = Array.from({ length: n }, (_, i) => `${i === 0 ? '0' : '1'}!p.2`).join(',');
  const { df, entries } = decodePosting(raw);
  assert.equal(df, n);
  assert.equal(entries.length, n * 9);
  assert.deepEqual([...entries.slice(-9)], [n - 1, 0, 1, n - 1, 3, 1, n - 1, 4, 2]);
  assert.deepEqual([...decodePosting('3:0,2.3').entries], [0, 0, 1, 0, 1, 1, 2, 0, 1, 2, 1, 3]);
});
