/**
 * Serialized form of the prebuilt search index inside a bundle. Owned by core/search.
 *
 * Compact by design (it travels over the wire): documents are implied by position, numbers
 * are base 36, and the postings are one string.
 * - A *document* is an article's top (title, tags, excerpt, text before the first heading)
 *   or one of its sections (heading, text).
 * - `docs`: per article (space-separated), its documents as comma-separated base-36
 *   `headingIndex + 1` (`0` is the top, always first).
 * - `lengths`: per field, the token count of every document, comma-separated base 36.
 * - `terms`: the index terms, sorted, space-separated.
 * - `postings`: per term (space-separated, same order), per field (`;`-separated, trailing
 *   empty fields dropped), entries `docDelta[.tf]` comma-separated, base 36, where docDelta
 *   is the gap from the previous document of that field list and `.tf` only appears when
 *   the term occurs more than once.
 */
export const SEARCH_INDEX_FORMAT = 'kb-elements/search';
export const SEARCH_INDEX_VERSION = 1;

export interface SerializedSearchIndex {
  format: typeof SEARCH_INDEX_FORMAT;
  version: number;
  fields: string[];
  /** Number of articles indexed; must equal the bundle's article count. */
  articleCount: number;
  docs: string;
  lengths: string[];
  terms: string;
  postings: string;
}
