/** The search index in memory: documents, field lengths and a radix tree of terms. */
import SearchableMap from 'minisearch/SearchableMap';
import { KbError } from '../errors';
import { timeSliced, yieldToEventLoop } from '../yield';
import { FIELDS } from './options';
import { SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './index-format';

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
  readonly terms: SearchableMap<string | Posting>;

  constructor(parts: { docArticle: Int32Array; docHeading: Int32Array; articleDoc: Int32Array; lengths: Uint32Array[]; terms: SearchableMap<string | Posting> }) {
    this.docArticle = parts.docArticle;
    this.docHeading = parts.docHeading;
    this.articleDoc = parts.articleDoc;
    this.lengths = parts.lengths;
    this.terms = parts.terms;
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

  /** The posting of an index term, decoded on first use. */
  posting(term: string): Posting | undefined {
    const value = this.terms.get(term);
    if (typeof value !== 'string') return value;
    const posting = decodePosting(value);
    this.terms.set(term, posting);
    return posting;
  }
}

function digit(c: number): number {
  return c <= 57 ? c - 48 : c - 87;
}

export function decodePosting(raw: string): Posting {
  const out: number[] = [];
  const seen = new Set<number>();
  let field = 0;
  let doc = 0;
  let num = 0;
  let delta = 0;
  let hasNum = false;
  let inTf = false;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 59;
    if (c === 44 || c === 59) {
      if (hasNum) {
        doc += inTf ? delta : num;
        out.push(doc, field, inTf ? num : 1);
        seen.add(doc);
      }
      num = 0;
      hasNum = false;
      inTf = false;
      if (c === 59) {
        field++;
        doc = 0;
      }
    } else if (c === 46) {
      delta = num;
      num = 0;
      inTf = true;
    } else {
      num = num * 36 + digit(c);
      hasNum = true;
    }
  }
  return { df: seen.size, entries: Int32Array.from(out) };
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

function documents(index: SerializedSearchIndex) {
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
  const lengths = index.lengths.map((l) => parseNumbers(l, docCount));
  return { articleDoc, docArticle: Int32Array.from(docArticle), docHeading: Int32Array.from(docHeading), lengths };
}

function termLists(index: SerializedSearchIndex): { terms: string[]; postings: string[] } {
  const terms = index.terms ? index.terms.split(' ') : [];
  const postings = index.postings ? index.postings.split(' ') : [];
  if (terms.length !== postings.length) throw new KbError('format', `search: ${terms.length} terms but ${postings.length} postings`);
  return { terms, postings };
}

/** Loads a serialized index in one go (fine for small knowledge bases and in Node). */
export function loadSearchIndex(index: SerializedSearchIndex, articleCount: number): SearchIndex {
  check(index, articleCount);
  const { terms, postings } = termLists(index);
  const map = new SearchableMap<string | Posting>();
  for (let i = 0; i < terms.length; i++) map.set(terms[i]!, postings[i]!);
  return new SearchIndex({ ...documents(index), terms: map });
}

/** Loads a serialized index in slices of a few milliseconds, yielding to the event loop between them. */
export async function loadSearchIndexAsync(index: SerializedSearchIndex, articleCount: number): Promise<SearchIndex> {
  check(index, articleCount);
  const docs = documents(index);
  await yieldToEventLoop();
  const { terms, postings } = termLists(index);
  await yieldToEventLoop();
  const map = new SearchableMap<string | Posting>();
  await timeSliced(terms.length, (i) => map.set(terms[i]!, postings[i]!));
  return new SearchIndex({ ...docs, terms: map });
}
