/**
 * The one set of search options: the fields, their weights and the matching rules. The
 * build indexes with them and the browser queries with them, so the two cannot drift.
 */

/**
 * Indexed fields, in the order their postings are stored. `place` is where the article sits
 * (its category path, folder and file name); `links` is what other articles call it (the text
 * of their links to it). Both are the article's, like its title, and left out when empty.
 */
export const FIELDS = ['title', 'heading', 'tags', 'excerpt', 'text', 'place', 'links'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD = { title: 0, heading: 1, tags: 2, excerpt: 3, text: 4, place: 5, links: 6 } as const;
/** Fields indexed like a title: stop words and technical words whole are kept (see `indexTerms`). */
export const SHORT_FIELDS: readonly number[] = [FIELD.title, FIELD.heading, FIELD.tags, FIELD.links];

/** How much a match in each field counts, relative to body text (measured: docs/benchmarks.md, weights). */
export const FIELD_BOOST: readonly number[] = [6, 3, 2.5, 1.5, 1, 3, 5];

/** BM25+ parameters (measured: bench/relevance/weights.md; MiniSearch's defaults are k1 1.2, b 0.7, delta 0.5). */
export const BM25 = { k1: 1.6, b: 0.5, delta: 0.25 } as const;

/** Typos allowed in a query word: none up to 3 letters, one up to 7, two from 8. */
export function maxTypos(term: string): number {
  const n = [...term].length;
  if (n <= 3 || /^\p{N}+$/u.test(term)) return 0;
  return n <= 7 ? 1 : 2;
}

/** Weight of an index term found by completing a query word (`conf` -> `configuration`). */
export function prefixWeight(query: string, term: string): number {
  return 0.3 + 0.4 * (query.length / term.length);
}

/** Weight of an index term found by typo tolerance, at edit `distance` from the query word. */
export function fuzzyWeight(query: string, distance: number): number {
  return (0.55 * query.length) / (query.length + distance);
}

/** Weight of the exact term for a word of up to 3 letters still being typed (`jo` while typing `job`). */
export const SHORT_PREFIX_EXACT_WEIGHT = 0.75;

/** At most this many completions of a query word are searched (the most frequent ones). */
export function maxCompletions(query: string): number {
  return query.length <= 1 ? 12 : query.length === 2 ? 24 : query.length <= 4 ? 50 : 80;
}

/** The parts of a technical word (`spam`, `flag` of `x-spam-flag`), all found, count this much of the word. */
export const PART_WEIGHT = 0.9;

/** Weight of an index term with the same English stem as the query word (`filters` for `filtering`). */
export const STEM_WEIGHT = 0.5;
/** At most this many index terms are checked for a shared stem. */
export const MAX_STEM_CANDIDATES = 300;

/** How much matches in an article's other sections add to its best section's score. */
export const SPREAD_WEIGHT = 0.1;

/** How much a stop word among other query words counts when it matches (in a title or heading). */
export const OPTIONAL_WEIGHT = 0.5;

/** How much a synonym (kb.config `synonyms`) of a query word counts, relative to the word itself. */
export const SYNONYM_WEIGHT = 0.6;

/** Popularity (`views`) multiplies a score by at most this much more than 1: a tie-breaker. */
export const VIEWS_WEIGHT = 0.03;
