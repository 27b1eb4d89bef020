/** The search engines compared: ours, and the baselines, each built over the same articles. */
import MiniSearch from 'minisearch';
import lunr from 'lunr';
import Fuse from 'fuse.js';
import { assembleBundle, KnowledgeBase } from '../../src/core/index';
import { indexTerms, isContentTerm, words } from '../../src/core/text/tokenize';
import { maxTypos } from '../../src/core/search/options';
import { stem } from '../../src/core/text/stem';
import type { CorpusArticle } from './corpora';

export interface Engine {
  name: string;
  /** Article indexes, best first, one per article, at most `limit`. */
  search(query: string, limit: number): number[];
}

const fullText = (a: CorpusArticle) => a.sections.map((s) => `${s.heading} ${s.text}`).join(' ');

function firstPerArticle(list: number[], limit: number): number[] {
  const out: number[] = [];
  for (const i of list) if (!out.includes(i) && out.push(i) >= limit) break;
  return out;
}

/** Makes an engine over a corpus's articles (and the synonyms of its kb.config, for the engines that take them). */
export type EngineMaker = (articles: CorpusArticle[], synonyms: string[][]) => Engine;

export function ours(articles: CorpusArticle[], synonyms: string[][] = []): Engine {
  const bundle = JSON.parse(
    JSON.stringify(
      assembleBundle({
        meta: { title: 'bench', locale: articles[0]?.lang ?? 'en' },
        categories: [],
        articles,
        ...(synonyms.length ? { synonyms } : {}),
      }),
    ),
  );
  const kb = KnowledgeBase.from(bundle);
  const index = new Map(articles.map((a, i) => [a.id, i]));
  return { name: 'kb-elements', search: (q, limit) => kb.search(q, { limit }).map((h) => index.get(h.article.id)!) };
}

export function minisearchDefaults(articles: CorpusArticle[]): Engine {
  const ms = new MiniSearch({ fields: ['title', 'text'] });
  ms.addAll(articles.map((a, id) => ({ id, title: a.title, text: fullText(a) })));
  return {
    name: 'MiniSearch defaults',
    search: (q, limit) =>
      ms
        .search(q)
        .slice(0, limit)
        .map((r) => r.id as number),
  };
}

/** Sections as VitePress's local search indexes them: one document per heading, titles = the path of headings. */
export function vitepressDocs(articles: CorpusArticle[]) {
  return articles.flatMap((a, article) =>
    a.sections.map((s, i) => ({
      id: `${article}#${i}`,
      article,
      title: s.heading || a.title,
      titles: s.heading ? [a.title, ...s.parents] : [],
      text: s.text,
    })),
  );
}

export const VITEPRESS_OPTIONS = {
  fields: ['title', 'titles', 'text'],
  storeFields: ['title', 'titles'],
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
};

export function vitepress(articles: CorpusArticle[]): Engine {
  const ms = new MiniSearch(VITEPRESS_OPTIONS);
  ms.addAll(vitepressDocs(articles));
  return {
    name: 'VitePress config',
    search: (q, limit) =>
      firstPerArticle(
        ms.search(q).map((r) => Number(String(r.id).split('#')[0])),
        limit,
      ),
  };
}

export function lunrEngine(articles: CorpusArticle[]): Engine {
  const idx = lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('body');
    articles.forEach((a, id) => this.add({ id: String(id), title: a.title, body: fullText(a) }));
  });
  return {
    name: 'lunr',
    search: (q, limit) => {
      try {
        return idx
          .search(q)
          .slice(0, limit)
          .map((r) => Number(r.ref));
      } catch {
        return []; // lunr throws on query syntax it cannot parse (`:`, `~`, unbalanced `+`)
      }
    },
  };
}

export function fuse(articles: CorpusArticle[]): Engine {
  const f = new Fuse(
    articles.map((a, id) => ({ id, title: a.title, text: fullText(a) })),
    {
      keys: [
        { name: 'title', weight: 2 },
        { name: 'text', weight: 1 },
      ],
      ignoreLocation: true,
    },
  );
  return { name: 'Fuse.js', search: (q, limit) => f.search(q, { limit }).map((r) => r.item.id) };
}

/** The words a query is searched for: content words (stop words too when there are no others), and the parts of technical words. */
function queryTokens(query: string): string[] {
  const found = words(query);
  const content = found.filter((w) => isContentTerm(w.term) || w.parts.length);
  return (content.length ? content : found).flatMap((w) => [w.term, ...w.parts]);
}

/** The tuned MiniSearch's settings: chosen on the tuned-on query sets with `tune-minisearch.ts` (see weights.md). */
export interface MiniSearchTuning {
  boost: Record<string, number>;
  /** MiniSearch's weights of fuzzy and prefix matches (its defaults: 0.45, 0.375). */
  weights: { fuzzy: number; prefix: number };
  /** Index and search English stems (our stemmer) instead of the words. */
  stem: boolean;
  /** Its BM25 parameters (its defaults: k 1.2, b 0.7, d 0.5). */
  bm25: { k: number; b: number; d: number };
}

export const MINISEARCH_TUNED: MiniSearchTuning = {
  boost: { title: 2, headings: 1, tags: 4, excerpt: 1, text: 1, place: 0.5, links: 2 },
  weights: { fuzzy: 0.3, prefix: 0.5 },
  stem: false,
  bm25: { k: 3, b: 0.5, d: 0.25 },
};

/**
 * MiniSearch configured as well as we can: one document per article, our tokenizer (the same
 * index terms as ours: technical words whole and in parts, scripts without spaces segmented,
 * accents folded, stop words left out of long text and of queries with other words), typos by
 * word length as ours (none up to 3 letters, one up to 7, two from 8), prefix on the last word
 * only, and boosts per field, the article's place and the text of links to it included.
 */
export function minisearchTuned(articles: CorpusArticle[], _synonyms: string[][] = [], tuning = MINISEARCH_TUNED): Engine {
  const short = new Set(['title', 'headings', 'tags', 'links']);
  const processTerm = tuning.stem ? (term: string) => stem(term) : (term: string) => term;
  const ms = new MiniSearch({
    fields: Object.keys(tuning.boost),
    tokenize: (text, field) => indexTerms(text, short.has(field ?? '')),
    processTerm,
    searchOptions: {
      tokenize: queryTokens,
      processTerm,
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => maxTypos(term),
      boost: tuning.boost,
      weights: tuning.weights,
      bm25: tuning.bm25,
    },
  });
  ms.addAll(
    articles.map((a, id) => ({
      id,
      title: a.title,
      headings: a.headings.map((h) => h.text).join(' '),
      tags: a.tags.join(' '),
      excerpt: a.excerpt,
      text: fullText(a),
      place: a.place ?? '',
      links: (a.linkText ?? []).join(' '),
    })),
  );
  return {
    name: 'MiniSearch tuned',
    search: (q, limit) =>
      ms
        .search(q)
        .slice(0, limit)
        .map((r) => r.id as number),
  };
}

export const ENGINES: EngineMaker[] = [ours, minisearchTuned, vitepress, minisearchDefaults, lunrEngine, fuse];
