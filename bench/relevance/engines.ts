/** The search engines compared: ours, and the baselines, each built over the same articles. */
import MiniSearch from 'minisearch';
import lunr from 'lunr';
import Fuse from 'fuse.js';
import { assembleBundle, KnowledgeBase } from '../../src/core/index';
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

export function ours(articles: CorpusArticle[]): Engine {
  const bundle = JSON.parse(JSON.stringify(assembleBundle({ meta: { title: 'bench', locale: articles[0]?.lang ?? 'en' }, categories: [], articles })));
  const kb = KnowledgeBase.from(bundle);
  const index = new Map(articles.map((a, i) => [a.id, i]));
  return { name: 'kb-elements', search: (q, limit) => kb.search(q, { limit }).map((h) => index.get(h.article.id)!) };
}

export function minisearchDefaults(articles: CorpusArticle[]): Engine {
  const ms = new MiniSearch({ fields: ['title', 'text'] });
  ms.addAll(articles.map((a, id) => ({ id, title: a.title, text: fullText(a) })));
  return { name: 'MiniSearch defaults', search: (q, limit) => ms.search(q).slice(0, limit).map((r) => r.id as number) };
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
    search: (q, limit) => firstPerArticle(ms.search(q).map((r) => Number(String(r.id).split('#')[0])), limit),
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
        return idx.search(q).slice(0, limit).map((r) => Number(r.ref));
      } catch {
        return []; // lunr throws on query syntax it cannot parse (`:`, `~`, unbalanced `+`)
      }
    },
  };
}

export function fuse(articles: CorpusArticle[]): Engine {
  const f = new Fuse(
    articles.map((a, id) => ({ id, title: a.title, text: fullText(a) })),
    { keys: [{ name: 'title', weight: 2 }, { name: 'text', weight: 1 }], ignoreLocation: true },
  );
  return { name: 'Fuse.js', search: (q, limit) => f.search(q, { limit }).map((r) => r.item.id) };
}

export const ENGINES = [ours, vitepress, minisearchDefaults, lunrEngine, fuse];
