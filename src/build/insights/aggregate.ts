/**
 * What the insights report shows, counted in one pass over the events (linear in their number;
 * only the groups are sorted at the end): searches per day, queries grouped by their normalized
 * form, reads and helpfulness per article, contact clicks.
 */
import type { StoredAnalyticsEvent } from '../../core/analytics-events';
import { stem } from '../../core/text/stem';
import { fold } from '../../core/text/normalize';
import { isContentTerm, words } from '../../core/text/tokenize';

/** Different reasons kept per article; further new ones are only counted. */
const REASONS_KEPT = 50;
/** Queries whose normalized key is remembered (memory stays bounded however many differ). */
const KEYS_CACHED = 100_000;

/** The UTC day (`YYYY-MM-DD`) of an ISO time: as written when it is UTC (the collector's), else converted. */
function utcDay(iso: string): string {
  return iso.endsWith('Z') ? iso.slice(0, 10) : new Date(iso).toISOString().slice(0, 10);
}

/** Searches of one normalized query (`SSO`, `sso`, ` sso?` are one group). */
export interface QueryGroup {
  /** The normalized form: content words, folded and stemmed, sorted. */
  key: string;
  /** How the users wrote it, with counts. */
  variants: Map<string, number>;
  searches: number;
  /** Searches that found nothing. */
  noResults: number;
  /** Searches that found something but whose results were never opened. */
  notOpened: number;
  /** Searches from which a result was opened. */
  opened: number;
  /** Opened articles by id. */
  openedArticles: Map<string, number>;
  /** Sessions (page visits) that made this search. */
  sessions: Set<string>;
  /** Latest `received`. */
  last: string;
}

export interface ArticleStats {
  id: string;
  views: number;
  helpful: number;
  unhelpful: number;
  /** Reasons given after "No", by text (the same words count together), at most 50 different. */
  reasons: Map<string, number>;
  /** Reasons given, all of them. */
  reasonCount: number;
  /** Contact clicks while reading it. */
  contacts: number;
}

export interface DayStats {
  searches: number;
  noResults: number;
  views: number;
}

export interface Insights {
  events: number;
  searches: number;
  noResults: number;
  views: number;
  helpful: number;
  unhelpful: number;
  contacts: number;
  sessions: number;
  /** Per UTC day (`YYYY-MM-DD`) by `received`. */
  days: Map<string, DayStats>;
  queries: Map<string, QueryGroup>;
  articles: Map<string, ArticleStats>;
  /** Contact clicks after a search, by normalized query: the first spelling seen, and the count. */
  contactQueries: Map<string, { query: string; count: number }>;
  /** `kbVersion`s seen, with their event counts. */
  kbVersions: Map<string, number>;
}

/**
 * The key searches are grouped by: the core text pipeline's words (folded: case and accents),
 * stop words dropped, stemmed (`filters` = `filter`), de-duplicated and sorted, so word order
 * does not split a group. A query of stop words only keeps its folded text.
 */
export function normalizeQuery(query: string): string {
  const terms = new Set<string>();
  // A technical word by its parts: `sign-on` is `sign on`, `x-spam-flag` is `x spam flag`.
  for (const word of words(query))
    for (const term of word.parts.length ? word.parts : [word.term]) if (isContentTerm(term)) terms.add(stem(term));
  return terms.size ? [...terms].sort().join(' ') : fold(query).replace(/\s+/g, ' ').trim();
}

/** Counts events as they come (`add`), then hands out the totals (`insights`). */
export class InsightsCounter {
  readonly #sessions = new Set<string>();
  /** Normalized keys of queries seen: the same few queries come again and again. */
  readonly #keys = new Map<string, string>();
  readonly #data: Insights = {
    events: 0,
    searches: 0,
    noResults: 0,
    views: 0,
    helpful: 0,
    unhelpful: 0,
    contacts: 0,
    sessions: 0,
    days: new Map(),
    queries: new Map(),
    articles: new Map(),
    contactQueries: new Map(),
    kbVersions: new Map(),
  };

  add(event: StoredAnalyticsEvent): void {
    const data = this.#data;
    data.events++;
    this.#sessions.add(event.session);
    if (event.kbVersion) increment(data.kbVersions, event.kbVersion);
    const day = this.#day(utcDay(event.received));
    switch (event.type) {
      case 'search': {
        data.searches++;
        day.searches++;
        const group = this.#group(event.query);
        group.searches++;
        group.sessions.add(event.session);
        increment(group.variants, event.query);
        if (event.received > group.last) group.last = event.received;
        if (event.results === 0) {
          data.noResults++;
          day.noResults++;
          group.noResults++;
        }
        if (event.opened) {
          group.opened++;
          increment(group.openedArticles, event.opened);
        } else if (event.results > 0) group.notOpened++;
        return;
      }
      case 'view':
        data.views++;
        day.views++;
        this.#article(event.article).views++;
        return;
      case 'feedback': {
        const article = this.#article(event.article);
        if (event.helpful) {
          data.helpful++;
          article.helpful++;
        } else {
          data.unhelpful++;
          article.unhelpful++;
        }
        if (event.reason) {
          article.reasonCount++;
          if (article.reasons.has(event.reason) || article.reasons.size < REASONS_KEPT) increment(article.reasons, event.reason);
        }
        return;
      }
      case 'contact':
        data.contacts++;
        if (event.article) this.#article(event.article).contacts++;
        if (event.query) {
          const key = normalizeQuery(event.query);
          const seen = data.contactQueries.get(key);
          if (seen) seen.count++;
          else data.contactQueries.set(key, { query: event.query, count: 1 });
        }
        return;
    }
  }

  get insights(): Insights {
    return { ...this.#data, sessions: this.#sessions.size };
  }

  #day(key: string): DayStats {
    let day = this.#data.days.get(key);
    if (!day) this.#data.days.set(key, (day = { searches: 0, noResults: 0, views: 0 }));
    return day;
  }

  #group(query: string): QueryGroup {
    let key = this.#keys.get(query);
    if (key === undefined) {
      key = normalizeQuery(query);
      if (this.#keys.size < KEYS_CACHED) this.#keys.set(query, key);
    }
    let group = this.#data.queries.get(key);
    if (!group) {
      group = {
        key,
        variants: new Map(),
        searches: 0,
        noResults: 0,
        notOpened: 0,
        opened: 0,
        openedArticles: new Map(),
        sessions: new Set(),
        last: '',
      };
      this.#data.queries.set(key, group);
    }
    return group;
  }

  #article(id: string): ArticleStats {
    let article = this.#data.articles.get(id);
    if (!article)
      this.#data.articles.set(id, (article = { id, views: 0, helpful: 0, unhelpful: 0, reasons: new Map(), reasonCount: 0, contacts: 0 }));
    return article;
  }
}

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The most frequent entry of a count map (ties: the first seen). */
export function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** The `n` entries with the largest `score`, largest first (ties by `tie`). */
export function top<T>(items: Iterable<T>, n: number, score: (item: T) => number, tie: (item: T) => string): T[] {
  return [...items]
    .filter((item) => score(item) > 0)
    .sort((a, b) => score(b) - score(a) || (tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0))
    .slice(0, n);
}
