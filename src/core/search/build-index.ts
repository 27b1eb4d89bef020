/** Builds the serialized search index from the build's articles (runs in Node and browsers). */
import type { IndexableArticle } from '../types';
import { indexTerms } from '../text/tokenize';
import { FIELD, FIELDS, SHORT_FIELDS } from './options';
import { SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './index-format';
import { normalizeSynonyms } from './synonyms';

type FieldTexts = Partial<Record<keyof typeof FIELD, string>>;

export interface SearchIndexOptions {
  /** Groups of words that mean the same (kb.config `synonyms`), applied at query time. */
  synonyms?: readonly (readonly string[])[];
}

/** The documents of one article: its top first, then each section that has a known heading. */
function articleDocs(article: IndexableArticle): { heading: number; fields: FieldTexts }[] {
  const headingIndex = new Map(article.headings.map((h, i) => [h.id, i]));
  const top = {
    heading: 0,
    fields: {
      title: article.title,
      tags: article.tags.join(' '),
      excerpt: article.excerpt,
      text: '',
      place: article.place ?? '',
      links: (article.linkText ?? []).join(' '),
    } as FieldTexts,
  };
  const docs = [top];
  for (const section of article.sections) {
    const index = section.id ? headingIndex.get(section.id) : undefined;
    if (index === undefined) {
      // Top text, or a section whose heading the metadata does not list: it belongs to the top.
      top.fields.text = `${top.fields.text} ${section.heading} ${section.text}`;
      continue;
    }
    const heading = [...section.parents, section.heading].join(' ');
    docs.push({ heading: index + 1, fields: { heading, text: section.text } });
  }
  return docs;
}

/** Place and link words count once each, and only when the title does not already hold them. */
const ONCE_OUTSIDE_TITLE: readonly number[] = [FIELD.place, FIELD.links];

function fieldTerms(field: number, text: string, titleTerms: Set<string>): string[] {
  const terms = indexTerms(text, SHORT_FIELDS.includes(field));
  if (!ONCE_OUTSIDE_TITLE.includes(field)) return terms;
  return [...new Set(terms)].filter((t) => !titleTerms.has(t));
}

export function buildSearchIndex(articles: IndexableArticle[], options: SearchIndexOptions = {}): SerializedSearchIndex {
  // postings[term] = [doc, field, tf, ...] in document order
  const postings = new Map<string, number[]>();
  const lengths: number[][] = FIELDS.map(() => []);
  const docsOut: string[] = [];
  let doc = 0;
  for (const article of articles) {
    const headings: string[] = [];
    const titleTerms = new Set(indexTerms(article.title, true));
    for (const { heading, fields } of articleDocs(article)) {
      headings.push(heading.toString(36));
      FIELDS.forEach((name, f) => {
        const terms = fieldTerms(f, fields[name] ?? '', titleTerms);
        lengths[f]!.push(terms.length);
        const counts = new Map<string, number>();
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [term, tf] of counts) {
          let list = postings.get(term);
          if (!list) postings.set(term, (list = []));
          list.push(doc, f, tf);
        }
      });
      doc++;
    }
    docsOut.push(headings.join(','));
  }
  const terms = [...postings.keys()].sort();
  const index: SerializedSearchIndex = {
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_VERSION,
    fields: [...FIELDS],
    articleCount: articles.length,
    docs: docsOut.join(' '),
    // A field a document does not have (most fields of a section) is an empty entry.
    lengths: lengths.map((l) => l.map((n) => (n ? n.toString(36) : '')).join(',')),
    terms: frontCode(terms),
    postings: terms.map((t) => encodePostings(postings.get(t)!)).join(' '),
  };
  const synonyms = normalizeSynonyms(options.synonyms ?? []);
  if (synonyms.length) index.synonyms = synonyms;
  return index;
}

/** Sorted terms, each as one base-36 digit of characters shared with the previous, then the rest. */
function frontCode(terms: string[]): string {
  let previous = '';
  return terms
    .map((term) => {
      let shared = 0;
      const max = Math.min(35, term.length - 1, previous.length);
      while (shared < max && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      previous = term;
      return shared.toString(36) + term.slice(shared);
    })
    .join(' ');
}

const TEXT_ONLY = 1 << FIELD.text;

/** `[doc, field, tf, ...]` (documents ascending, fields ascending within a document) to the posting string. */
function encodePostings(list: number[]): string {
  const docs: [doc: number, mask: number, tf: number][] = [];
  for (let i = 0; i < list.length;) {
    const doc = list[i]!;
    let mask = 0;
    let tf = 1;
    for (; i < list.length && list[i] === doc; i += 3) {
      const field = list[i + 1]!;
      mask |= 1 << field;
      // Repeats only count in headings and text: titles, tags and excerpts are short.
      if (field === FIELD.heading || field === FIELD.text) tf = Math.max(tf, Math.min(list[i + 2]!, 35));
    }
    docs.push([doc, mask, tf]);
  }
  const counts = new Map<number, number>();
  for (const [, mask] of docs) counts.set(mask, (counts.get(mask) ?? 0) + 1);
  let usual = TEXT_ONLY;
  for (const [mask, n] of counts) if (n > (counts.get(usual) ?? 0)) usual = mask;
  let previous = 0;
  const entries = docs.map(([doc, mask, tf]) => {
    let entry = (doc - previous).toString(36);
    if (mask !== usual) entry += `!${mask.toString(36)}`;
    if (tf > 1) entry += `.${tf.toString(36)}`;
    previous = doc;
    return entry;
  });
  return (usual === TEXT_ONLY ? '' : `${usual.toString(36)}:`) + entries.join(',');
}
