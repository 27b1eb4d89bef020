import type { ArticleMeta } from '../../core/index';

/** How a list of articles can be ordered. */
export type ArticleSort = 'order' | 'popularity' | 'title' | 'date';

export const ARTICLE_SORTS: readonly ArticleSort[] = ['order', 'popularity', 'title', 'date'];

const collators = new Map<string, Intl.Collator>();

function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    try {
      c = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    } catch {
      c = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    }
    collators.set(lang, c);
  }
  return c;
}

/**
 * A sorted copy of `articles`:
 * - `order`: as given (the author's order, which `KnowledgeBase.articles()` returns);
 * - `popularity`: most views first;
 * - `title`: alphabetical for `lang` (numbers in titles sort by value);
 * - `date`: most recently updated first, undated last.
 * Ties keep the given order.
 */
export function sortArticles(articles: readonly ArticleMeta[], sort: ArticleSort, lang = 'en'): ArticleMeta[] {
  const list = [...articles];
  switch (sort) {
    case 'popularity':
      return list.sort((a, b) => b.views - a.views);
    case 'title': {
      const c = collator(lang);
      return list.sort((a, b) => c.compare(a.title, b.title));
    }
    case 'date':
      return list.sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? ''));
    default:
      return list;
  }
}
