/** The search index in memory: documents, field lengths, sorted terms and their postings. */
import { KbError } from '../errors';
import { yieldIfDue } from '../yield';
import { FIELD, FIELDS } from './options';
import { SEARCH_INDEX_FORMAT, SEARCH_INDEX_OLDEST_VERSION, SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './index-format';
import { checkSynonyms, SynonymMap } from './synonyms';
import { TermList } from './term-list';

/** The documents containing a term: `entries` holds (doc, field, tf) triples. */
export interface Posting {
  df: number;
  entries: Int32Array;
}

export class SearchIndex {
  /** Article index of every document. */
  readonly docArticle: Int32Array;
  /** Heading index of every document within its article, -1 for the article's top. */
  readonly docHeading: Int32Array;
  /** First document of every article (its top). */
  readonly articleDoc: Int32Array;
  /** Per field, token count of every document. */
  readonly lengths: Uint32Array[];
  /** Per field, the average token count over the documents that have the field. */
  readonly averageLength: number[];
  readonly terms: TermList;
  /** The knowledge base's synonyms (kb.config `synonyms`). */
  readonly synonyms: SynonymMap;
  /** Per term position: its posting, as the serialized string until first used. */
  readonly #postings: (string | Posting)[];
  /** Per term position: the serialized length of a posting once decoded. */
  readonly #decodedSizes: Int32Array;

  constructor(parts: {
    docArticle: Int32Array;
    docHeading: Int32Array;
    articleDoc: Int32Array;
    lengths: Uint32Array[];
    averageLength: number[];
    terms: string[];
    postings: string[];
    synonyms?: SynonymMap;
  }) {
    this.docArticle = parts.docArticle;
    this.docHeading = parts.docHeading;
    this.articleDoc = parts.articleDoc;
    this.lengths = parts.lengths;
    this.averageLength = parts.averageLength;
    this.terms = new TermList(parts.terms);
    this.synonyms = parts.synonyms ?? new SynonymMap([]);
    this.#postings = parts.postings;
    this.#decodedSizes = new Int32Array(parts.postings.length);
  }

  get docCount(): number {
    return this.docArticle.length;
  }

  /** How big the posting at a term position is (its serialized length, decoded or not: rankings must not depend on what was decoded before). */
  postingSize(position: number): number {
    const p = this.#postings[position]!;
    return typeof p === 'string' ? p.length : this.#decodedSizes[position]!;
  }

  /** The posting of the term at `position`, decoded on first use. */
  postingAt(position: number): Posting {
    const value = this.#postings[position]!;
    if (typeof value !== 'string') return value;
    const posting = decodePosting(value);
    this.#postings[position] = posting;
    this.#decodedSizes[position] = value.length;
    return posting;
  }

  posting(term: string): Posting | undefined {
    const i = this.terms.indexOf(term);
    return i < 0 ? undefined : this.postingAt(i);
  }
}

function digit(c: number): number {
  return c <= 57 ? c - 48 : c - 87;
}

const TEXT_ONLY = 16;
const FIELD_COUNT = FIELDS.length;

/** Where postings are decoded before being copied out at their size (grown as needed, reused). */
let decodeBuffer = new Int32Array(4096);
/** Fields whose match counts its term frequency; the others count once. */
const COUNTS_TF = (1 << FIELD.heading) | (1 << FIELD.text);

/** Decodes `[fields:]docDelta[!fields][.tf]` entries (see index-format.ts) to (doc, field, tf) triples. */
export function decodePosting(raw: string): Posting {
  let i = 0;
  const n = raw.length;
  let usual = TEXT_ONLY;
  const colon = raw.indexOf(':');
  if (colon >= 0) {
    usual = parseInt(raw.slice(0, colon), 36);
    i = colon + 1;
  }
  let out = decodeBuffer;
  let at = 0;
  let doc = 0;
  let df = 0;
  while (i < n) {
    let delta = 0;
    let c = raw.charCodeAt(i);
    while (i < n && c !== 44 && c !== 33 && c !== 46) {
      delta = delta * 36 + (c <= 57 ? c - 48 : c - 87);
      c = raw.charCodeAt(++i);
    }
    doc += delta;
    df++;
    let mask = usual;
    if (c === 33) {
      mask = 0;
      c = raw.charCodeAt(++i);
      while (i < n && c !== 44 && c !== 46) {
        mask = mask * 36 + (c <= 57 ? c - 48 : c - 87);
        c = raw.charCodeAt(++i);
      }
    }
    let tf = 1;
    if (c === 46) {
      tf = 0;
      c = raw.charCodeAt(++i);
      while (i < n && c !== 44) {
        tf = tf * 36 + (c <= 57 ? c - 48 : c - 87);
        c = raw.charCodeAt(++i);
      }
    }
    if (at + 3 * FIELD_COUNT > out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = decodeBuffer = grown;
    }
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (mask & (1 << f)) {
        out[at] = doc;
        out[at + 1] = f;
        out[at + 2] = COUNTS_TF & (1 << f) ? tf : 1;
        at += 3;
      }
    }
    i++; // the comma
  }
  return { df, entries: out.slice(0, at) };
}

/** Fields of each index version (a later version only adds fields at the end). */
const VERSION_FIELDS: Record<number, number> = { 1: 5, 2: FIELDS.length };

function check(index: SerializedSearchIndex, articleCount: number): void {
  const ok =
    index &&
    typeof index === 'object' &&
    index.format === SEARCH_INDEX_FORMAT &&
    typeof index.docs === 'string' &&
    typeof index.terms === 'string' &&
    typeof index.postings === 'string' &&
    Array.isArray(index.lengths) &&
    Array.isArray(index.fields);
  if (!ok) throw new KbError('format', `search: not a ${SEARCH_INDEX_FORMAT} index`);
  if (typeof index.version !== 'number' || index.version < SEARCH_INDEX_OLDEST_VERSION || index.version > SEARCH_INDEX_VERSION) {
    const hint = typeof index.version === 'number' && index.version > SEARCH_INDEX_VERSION ? 'upgrade kb-elements' : 'rebuild the bundle';
    throw new KbError(
      'version',
      `search: index version ${String(index.version)} is not supported by this reader (versions ${SEARCH_INDEX_OLDEST_VERSION} to ${SEARCH_INDEX_VERSION}); ${hint}`,
    );
  }
  const fields = FIELDS.slice(0, VERSION_FIELDS[index.version]);
  if (index.fields.join() !== fields.join() || index.lengths.length !== fields.length) {
    throw new KbError(
      'format',
      `search: index version ${index.version} has the fields ${fields.join(',')}, this one ${index.fields.join(',')} with ${index.lengths.length} length lists`,
    );
  }
  if (index.articleCount !== articleCount)
    throw new KbError('format', `search: the index has ${index.articleCount} articles, the bundle ${articleCount}`);
}

/** Yielded between steps of loading: the async loader may give the event loop a turn there. */
const STEP = undefined;
/** Items handled between two steps. */
const STEP_ITEMS = 512;

/** `text ? text.split(separator) : []`, a step every few hundred parts. */
function* split(text: string, separator: string): Generator<undefined, string[]> {
  const parts: string[] = [];
  if (!text) return parts;
  for (let at = 0; ;) {
    const end = text.indexOf(separator, at);
    if (end < 0) {
      parts.push(text.slice(at));
      return parts;
    }
    parts.push(text.slice(at, end));
    at = end + separator.length;
    if (parts.length % STEP_ITEMS === 0) yield STEP;
  }
}

/** Undoes the front coding of the serialized term list. */
function* decodeTerms(coded: string): Generator<undefined, string[]> {
  const list = yield* split(coded, ' ');
  let previous = '';
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    const shared = digit(t.charCodeAt(0));
    previous = shared ? previous.slice(0, shared) + t.slice(1) : t.slice(1);
    list[i] = previous;
    if (i % STEP_ITEMS === 0) yield STEP;
  }
  return list;
}

/** A field's token counts per document, and their average over the documents that have the field (1 if none). */
function* fieldLengths(text: string, docCount: number): Generator<undefined, { lengths: Uint32Array; average: number }> {
  const lengths = new Uint32Array(docCount);
  const parts = yield* split(text, ',');
  let sum = 0;
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    lengths[i] = parts[i] ? parseInt(parts[i]!, 36) : 0;
    const n = lengths[i]; // as stored: a uint32, or undefined past the last document
    if (n !== undefined && n > 0) {
      sum += n;
      count++;
    }
    if (i % STEP_ITEMS === 0) yield STEP;
  }
  return { lengths, average: count ? sum / count : 1 };
}

/** The index in memory, loaded in steps (see `loadSearchIndex` and `loadSearchIndexAsync`). */
function* load(index: SerializedSearchIndex, articleCount: number): Generator<undefined, SearchIndex> {
  check(index, articleCount);
  const perArticle = yield* split(index.docs, ' ');
  const articleDoc = new Int32Array(perArticle.length);
  const docArticle: number[] = [];
  const docHeading: number[] = [];
  for (let a = 0; a < perArticle.length; a++) {
    articleDoc[a] = docArticle.length;
    for (const h of perArticle[a]!.split(',')) {
      docArticle.push(a);
      docHeading.push(parseInt(h, 36) - 1);
    }
    if (a % STEP_ITEMS === 0) yield STEP;
  }
  const lengths: Uint32Array[] = [];
  const averageLength: number[] = [];
  // An older index lacks the later fields: their lengths are all zero.
  for (let f = 0; f < FIELDS.length; f++) {
    const text = index.lengths[f];
    if (typeof text !== 'string' && text !== undefined) throw new KbError('format', `search: lengths[${f}] must be a string`);
    const field = yield* fieldLengths(text ?? '', docArticle.length);
    lengths.push(field.lengths);
    averageLength.push(field.average);
  }
  const terms = yield* decodeTerms(index.terms);
  const postings = yield* split(index.postings, ' ');
  if (terms.length !== postings.length) throw new KbError('format', `search: ${terms.length} terms but ${postings.length} postings`);
  const synonyms = new SynonymMap(checkSynonyms(index.synonyms));
  yield STEP;
  return new SearchIndex({
    docArticle: Int32Array.from(docArticle),
    docHeading: Int32Array.from(docHeading),
    articleDoc,
    lengths,
    averageLength,
    terms,
    postings,
    synonyms,
  });
}

/** Loads a serialized index. Postings stay encoded until a query needs them. */
export function loadSearchIndex(index: SerializedSearchIndex, articleCount: number): SearchIndex {
  const steps = load(index, articleCount);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Like `loadSearchIndex`, giving the event loop a turn whenever a slice has used its budget (a few ms, even at 10,000 articles). */
export async function loadSearchIndexAsync(index: SerializedSearchIndex, articleCount: number): Promise<SearchIndex> {
  const steps = load(index, articleCount);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldIfDue();
  }
}
