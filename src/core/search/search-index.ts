/** The search index in memory: documents, field lengths, sorted terms and their postings. */
import { KbError } from '../errors';
import { yieldToEventLoop } from '../yield';
import { FIELD, FIELDS } from './options';
import { SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './index-format';
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
  /** Per term position: its posting, as the serialized string until first used. */
  readonly #postings: (string | Posting)[];

  constructor(parts: { docArticle: Int32Array; docHeading: Int32Array; articleDoc: Int32Array; lengths: Uint32Array[]; terms: string[]; postings: string[] }) {
    this.docArticle = parts.docArticle;
    this.docHeading = parts.docHeading;
    this.articleDoc = parts.articleDoc;
    this.lengths = parts.lengths;
    this.terms = new TermList(parts.terms);
    this.#postings = parts.postings;
    this.averageLength = parts.lengths.map((l) => {
      let sum = 0;
      let count = 0;
      for (const n of l) if (n > 0) (sum += n), count++;
      return count ? sum / count : 1;
    });
  }

  get docCount(): number {
    return this.docArticle.length;
  }

  /** How big the posting at a term position is (its serialized length), without decoding it. */
  postingSize(position: number): number {
    const p = this.#postings[position]!;
    return typeof p === 'string' ? p.length : p.df * 3;
  }

  /** The posting of the term at `position`, decoded on first use. */
  postingAt(position: number): Posting {
    const value = this.#postings[position]!;
    if (typeof value !== 'string') return value;
    const posting = decodePosting(value);
    this.#postings[position] = posting;
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

/** Decodes `[fields:]docDelta[!fields][.tf]` entries (see index-format.ts) to (doc, field, tf) triples. */
export function decodePosting(raw: string): Posting {
  const out: number[] = [];
  let doc = 0;
  let df = 0;
  let i = 0;
  const n = raw.length;
  let usual = TEXT_ONLY;
  const colon = raw.indexOf(':');
  if (colon >= 0) {
    usual = parseInt(raw.slice(0, colon), 36);
    i = colon + 1;
  }
  while (i < n) {
    let delta = 0;
    let c = raw.charCodeAt(i);
    while (i < n && c !== 44 && c !== 33 && c !== 46) {
      delta = delta * 36 + digit(c);
      c = raw.charCodeAt(++i);
    }
    doc += delta;
    df++;
    let mask = usual;
    if (c === 33) {
      mask = 0;
      c = raw.charCodeAt(++i);
      while (i < n && c !== 44 && c !== 46) {
        mask = mask * 36 + digit(c);
        c = raw.charCodeAt(++i);
      }
    }
    let tf = 1;
    if (c === 46) {
      tf = 0;
      c = raw.charCodeAt(++i);
      while (i < n && c !== 44) {
        tf = tf * 36 + digit(c);
        c = raw.charCodeAt(++i);
      }
    }
    for (let f = 0; f < FIELD_COUNT; f++) if (mask & (1 << f)) out.push(doc, f, f === FIELD.heading || f === FIELD.text ? tf : 1);
    i++; // the comma
  }
  return { df, entries: Int32Array.from(out) };
}

/** Undoes the front coding of the serialized term list. */
function decodeTerms(coded: string): string[] {
  if (!coded) return [];
  const list = coded.split(' ');
  let previous = '';
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    const shared = digit(t.charCodeAt(0));
    previous = shared ? previous.slice(0, shared) + t.slice(1) : t.slice(1);
    list[i] = previous;
  }
  return list;
}

function parseNumbers(text: string, count: number): Uint32Array {
  const out = new Uint32Array(count);
  if (!text) return out;
  let i = 0;
  for (const part of text.split(',')) out[i++] = parseInt(part, 36);
  return out;
}

function check(index: SerializedSearchIndex, articleCount: number): void {
  const ok =
    index && typeof index === 'object' && index.format === SEARCH_INDEX_FORMAT &&
    typeof index.docs === 'string' && typeof index.terms === 'string' && typeof index.postings === 'string' &&
    Array.isArray(index.lengths) && Array.isArray(index.fields);
  if (!ok) throw new KbError('format', `search: not a ${SEARCH_INDEX_FORMAT} index`);
  if (index.version !== SEARCH_INDEX_VERSION) {
    throw new KbError('version', `search: index version ${String(index.version)} is not supported by this reader (version ${SEARCH_INDEX_VERSION}); rebuild the bundle with the same kb-elements version`);
  }
  if (index.fields.join() !== FIELDS.join()) throw new KbError('version', `search: index fields ${index.fields.join(',')} differ from this reader's ${FIELDS.join(',')}; rebuild the bundle`);
  if (index.articleCount !== articleCount) throw new KbError('format', `search: the index has ${index.articleCount} articles, the bundle ${articleCount}`);
}

function documents(index: SerializedSearchIndex, lengths = true) {
  const perArticle = index.docs ? index.docs.split(' ') : [];
  const articleDoc = new Int32Array(perArticle.length);
  const docArticle: number[] = [];
  const docHeading: number[] = [];
  perArticle.forEach((list, a) => {
    articleDoc[a] = docArticle.length;
    for (const h of list.split(',')) {
      docArticle.push(a);
      docHeading.push(parseInt(h, 36) - 1);
    }
  });
  const docCount = docArticle.length;
  return {
    articleDoc,
    docArticle: Int32Array.from(docArticle),
    docHeading: Int32Array.from(docHeading),
    lengths: lengths ? index.lengths.map((l) => parseNumbers(l, docCount)) : [],
  };
}

function termLists(index: SerializedSearchIndex): { terms: string[]; postings: string[] } {
  const terms = decodeTerms(index.terms);
  const postings = index.postings ? index.postings.split(' ') : [];
  if (terms.length !== postings.length) throw new KbError('format', `search: ${terms.length} terms but ${postings.length} postings`);
  return { terms, postings };
}

/** Loads a serialized index. Postings stay encoded until a query needs them. */
export function loadSearchIndex(index: SerializedSearchIndex, articleCount: number): SearchIndex {
  check(index, articleCount);
  return new SearchIndex({ ...documents(index), ...termLists(index) });
}

/** Like `loadSearchIndex`, with the event loop given a turn between its steps (each a few ms, even at 10,000 articles). */
export async function loadSearchIndexAsync(index: SerializedSearchIndex, articleCount: number): Promise<SearchIndex> {
  check(index, articleCount);
  await yieldToEventLoop();
  const docs = documents(index, false);
  for (const l of index.lengths) {
    await yieldToEventLoop();
    docs.lengths.push(parseNumbers(l, docs.docArticle.length));
  }
  await yieldToEventLoop();
  const terms = decodeTerms(index.terms);
  await yieldToEventLoop();
  const postings = index.postings ? index.postings.split(' ') : [];
  if (terms.length !== postings.length) throw new KbError('format', `search: ${terms.length} terms but ${postings.length} postings`);
  await yieldToEventLoop();
  const loaded = new SearchIndex({ ...docs, terms, postings });
  await yieldToEventLoop();
  return loaded;
}
