/** Builds the serialized search index from the build's articles (runs in Node and browsers). */
import type { IndexableArticle } from '../types';
import { indexTerms } from '../text/tokenize';
import { FIELD, FIELDS } from './options';
import { SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './index-format';

type FieldTexts = Partial<Record<keyof typeof FIELD, string>>;

/** The documents of one article: its top first, then each section that has a known heading. */
function articleDocs(article: IndexableArticle): { heading: number; fields: FieldTexts }[] {
  const headingIndex = new Map(article.headings.map((h, i) => [h.id, i]));
  const top = { heading: 0, fields: { title: article.title, tags: article.tags.join(' '), excerpt: article.excerpt, text: '' } as FieldTexts };
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

export function buildSearchIndex(articles: IndexableArticle[]): SerializedSearchIndex {
  // postings[term][field] = [doc, tf, doc, tf, ...] in document order
  const postings = new Map<string, number[][]>();
  const lengths: number[][] = FIELDS.map(() => []);
  const docsOut: string[] = [];
  let doc = 0;
  for (const article of articles) {
    const headings: string[] = [];
    for (const { heading, fields } of articleDocs(article)) {
      headings.push(heading.toString(36));
      FIELDS.forEach((name, f) => {
        const terms = indexTerms(fields[name] ?? '', f === FIELD.title || f === FIELD.heading);
        lengths[f]!.push(terms.length);
        const counts = new Map<string, number>();
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [term, tf] of counts) {
          let perField = postings.get(term);
          if (!perField) postings.set(term, (perField = FIELDS.map(() => [])));
          perField[f]!.push(doc, tf);
        }
      });
      doc++;
    }
    docsOut.push(headings.join(','));
  }
  const terms = [...postings.keys()].sort();
  return {
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_VERSION,
    fields: [...FIELDS],
    articleCount: articles.length,
    docs: docsOut.join(' '),
    lengths: lengths.map((l) => l.map((n) => n.toString(36)).join(',')),
    terms: terms.join(' '),
    postings: terms.map((t) => encodePostings(postings.get(t)!)).join(' '),
  };
}

function encodePostings(perField: number[][]): string {
  const out = perField.map((list) => {
    const entries: string[] = [];
    let previous = 0;
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i]!;
      const tf = list[i + 1]!;
      entries.push(tf > 1 ? `${(doc - previous).toString(36)}.${tf.toString(36)}` : (doc - previous).toString(36));
      previous = doc;
    }
    return entries.join(',');
  });
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join(';');
}
