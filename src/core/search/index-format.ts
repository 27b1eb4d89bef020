/**
 * Serialized form of the prebuilt search index inside a bundle. Owned by core/search.
 *
 * Compact by design (it travels over the wire): documents are implied by position, numbers
 * are base 36, and the postings are one string.
 * - A *document* is an article's top (title, tags, excerpt, text before the first heading,
 *   place, links) or one of its sections (heading, text).
 * - `fields`: the field names, in the order of their bits below.
 * - `docs`: per article (space-separated), its documents as comma-separated base-36
 *   `headingIndex + 1` (`0` is the top, always first).
 * - `lengths`: per field, the token count of every document, comma-separated base 36; an
 *   empty entry is 0 (version 1 writes `0`).
 * - `terms`: the index terms in sorted order, space-separated, front-coded: each starts with
 *   one base-36 digit telling how many leading characters it shares with the previous term
 *   (at most 35), followed by the rest of the term.
 * - `postings`: per term (space-separated, same order), its documents, comma-separated, as
 *   `docDelta[!fields][.tf]` in base 36: docDelta is the gap from the previous document;
 *   `!fields` is the bit set of fields the term occurs in (1 title, 2 heading, 4 tags,
 *   8 excerpt, 16 text, 32 place, 64 links), left out when it is the term's usual set: text only, or the set
 *   given before a `:` at the start of the posting; `.tf`, the term's count in the
 *   heading or text (at most 35), is left out when it is 1. Titles, tags, excerpts, places
 *   and links count a term once.
 * - `synonyms` (optional): groups of words or phrases that mean the same, as kb.config wrote
 *   them (trimmed, each group's duplicates removed, within `SYNONYM_LIMITS`).
 *
 * Version 2 added the fields `place` and `links`, empty length entries, and `synonyms`. A
 * version 2 reader reads version 1 (fields title to text, no synonyms) as it is.
 */
export const SEARCH_INDEX_FORMAT = 'kb-elements/search';
export const SEARCH_INDEX_VERSION = 2;
/** The oldest version this reader reads. */
export const SEARCH_INDEX_OLDEST_VERSION = 1;

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
  synonyms?: string[][];
}
