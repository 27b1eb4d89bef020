/**
 * What the report suggests to the writers, from the counts (and, with `--kb`, the current
 * bundle): content gaps, searches that show the wrong results, unhelpful articles, unread ones.
 * Plain text; the report escapes it.
 */
import type { KnowledgeBase } from '../../core/knowledge-base';
import { mostFrequent, top, type Insights } from './aggregate';

/** Fewer searches or votes than this say too little to suggest anything. */
const MIN_COUNT = 3;
const MAX_PER_KIND = 5;

export type SuggestionKind = 'gap' | 'unopened' | 'unhelpful' | 'unread' | 'contact';

export interface Suggestion {
  kind: SuggestionKind;
  text: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const quote = (text: string) => `“${text}”`;

/** An article's title from the bundle, or its id. */
export function titleOf(id: string, kb?: KnowledgeBase): string {
  return kb?.articleMeta(id)?.title ?? id;
}

export function suggest(insights: Insights, kb?: KnowledgeBase): Suggestion[] {
  const out: Suggestion[] = [];
  const queries = [...insights.queries.values()];

  for (const group of top(
    queries,
    MAX_PER_KIND,
    (g) => (g.noResults >= MIN_COUNT ? g.noResults : 0),
    (g) => g.key,
  )) {
    const query = mostFrequent(group.variants);
    const found = kb?.search(query, { limit: 2 }) ?? [];
    const head = `${plural(group.noResults, 'search', 'searches')} for ${quote(query)} found nothing`;
    out.push({
      kind: 'gap',
      text: found.length
        ? `${head}; the current knowledge base finds ${found.map((h) => quote(h.article.title)).join(' and ')} for it now. Check that it answers the question.`
        : `${head}: consider an article, or a tags: entry with ${quote(query)} on the article that answers it.`,
    });
  }

  for (const group of top(
    queries,
    MAX_PER_KIND,
    (g) => (g.notOpened >= MIN_COUNT && g.opened * 4 < g.notOpened ? g.notOpened : 0),
    (g) => g.key,
  )) {
    const query = mostFrequent(group.variants);
    const shown = kb?.search(query, { limit: 2 }).map((h) => quote(h.article.title)) ?? [];
    const results = shown.length
      ? ` Its first results now: ${shown.join(', ')}. Do their titles and excerpts answer ${quote(query)}?`
      : ' Check that its first results answer it.';
    const opened = group.opened ? `a result was opened ${plural(group.opened, 'time')}` : 'no result was opened';
    out.push({ kind: 'unopened', text: `${quote(query)} was searched ${plural(group.searches, 'time')} and ${opened}.${results}` });
  }

  const articles = [...insights.articles.values()];
  for (const article of top(
    articles,
    MAX_PER_KIND,
    (a) => (a.helpful + a.unhelpful >= MIN_COUNT && a.unhelpful > a.helpful ? a.unhelpful : 0),
    (a) => a.id,
  )) {
    const votes = article.helpful + article.unhelpful;
    const given = top(
      article.reasons,
      3,
      ([, n]) => n,
      ([text]) => text,
    ).map(([text, n]) => (n > 1 ? `${quote(text)} (${n})` : quote(text)));
    const reasons = given.length ? ` Reasons given: ${given.join('; ')}.` : '';
    out.push({
      kind: 'unhelpful',
      text: `Only ${article.helpful} of ${plural(votes, 'reader')} found ${quote(titleOf(article.id, kb))} helpful.${reasons}`,
    });
  }

  for (const article of top(
    articles,
    MAX_PER_KIND,
    (a) => (a.contacts >= MIN_COUNT ? a.contacts : 0),
    (a) => a.id,
  )) {
    out.push({
      kind: 'contact',
      text: `${plural(article.contacts, 'reader')} of ${quote(titleOf(article.id, kb))} contacted support from it: it may leave a question open.`,
    });
  }

  if (kb && insights.views >= 20) {
    const unread = kb.articles().filter((a) => !insights.articles.get(a.id)?.views);
    if (unread.length) {
      const names = unread
        .slice(0, MAX_PER_KIND)
        .map((a) => quote(a.title))
        .join(', ');
      const more = unread.length > MAX_PER_KIND ? ` and ${unread.length - MAX_PER_KIND} more` : '';
      out.push({
        kind: 'unread',
        text: `${plural(unread.length, 'article was', 'articles were')} not read in this period: ${names}${more}. Are they easy to find (title, category, links from related articles)?`,
      });
    }
  }
  return out;
}
