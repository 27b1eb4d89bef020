/**
 * Ranking: BM25+ per document over the weighted fields, query words completed and
 * typo-tolerated, then grouped per article (one hit per article, with its best section).
 */
import type { ArticleMeta } from '../types';
import { words } from '../text/tokenize';
import { fold } from '../text/normalize';
import { stem } from '../text/stem';
import { BM25, FIELD, FIELD_BOOST, MAX_STEM_CANDIDATES, OPTIONAL_WEIGHT, PART_WEIGHT, SHORT_PREFIX_EXACT_WEIGHT, SPREAD_WEIGHT, STEM_WEIGHT, VIEWS_WEIGHT, fuzzyWeight, maxCompletions, prefixWeight } from './options';
import type { ParsedQuery, QueryWord } from './query';
import type { Posting, SearchIndex } from './search-index';

export interface RankedArticle {
  article: number;
  /** Heading index of the best-matching section, -1 for the article's top. */
  heading: number;
  score: number;
  /** Index terms that matched in this article (for highlighting). */
  terms: string[];
}

export interface RankInput {
  index: SearchIndex;
  articles: ArticleMeta[];
  query: ParsedQuery;
  limit: number;
  /** Keep only articles for which this returns true. */
  accept?: (article: number) => boolean;
  /** Plain text of an article's body, if available, to check quoted phrases. */
  bodyText?: (article: number) => string | undefined;
}

interface Expansion {
  term: string;
  weight: number;
  posting: Posting;
  /** Rarity cap: a completion or a near miss never counts as rarer than the word itself. */
  maxIdf: number;
}

/** The index terms a query word stands for, with how much each counts. */
function expandTerm(index: SearchIndex, term: string, prefix: boolean, typos: number): Expansion[] {
  const weights = new Map<string, number>();
  const add = (t: string, weight: number) => {
    if (weight > (weights.get(t) ?? 0)) weights.set(t, weight);
  };
  // A short word still being typed is as likely the start of a longer word as the word itself.
  if (index.terms.has(term)) add(term, prefix && term.length <= 3 ? SHORT_PREFIX_EXACT_WEIGHT : 1);
  const root = stem(term);
  if (root !== term || term.length >= 4) {
    let seen = 0;
    for (const [t] of index.terms.atPrefix(root.slice(0, Math.max(3, root.length - 1)))) {
      if (++seen > MAX_STEM_CANDIDATES) break;
      if (t !== term && stem(t) === root) add(t, STEM_WEIGHT);
    }
  }
  if (prefix) {
    const completions: [string, number][] = [];
    for (const [t, value] of index.terms.atPrefix(term)) {
      if (t !== term) completions.push([t, typeof value === 'string' ? value.length : value.df * 3]);
    }
    completions.sort((a, b) => b[1] - a[1]);
    for (const [t] of completions.slice(0, maxCompletions(term))) add(t, prefixWeight(term, t));
  }
  if (typos > 0) {
    for (const [t, [, distance]] of index.terms.fuzzyGet(term, typos)) {
      if (distance > 0) add(t, fuzzyWeight(term, distance));
    }
  }
  const exact = index.posting(term);
  const maxIdf = exact ? idf(index, exact) : Infinity;
  const out: Expansion[] = [];
  for (const [t, weight] of weights) {
    const posting = index.posting(t);
    if (posting) out.push({ term: t, weight, posting, maxIdf });
  }
  return out;
}

function idf(index: SearchIndex, posting: Posting): number {
  return Math.log(1 + (index.docCount - posting.df + 0.5) / (posting.df + 0.5));
}

/** A query word's expansions, and those of its parts when it is a technical word. */
interface WordExpansions {
  whole: Expansion[];
  parts: Expansion[][];
}

export function expand(index: SearchIndex, word: QueryWord, previous?: QueryWord): WordExpansions {
  const last = word.parts.length - 1;
  const whole = expandTerm(index, word.term, word.prefix, word.typos);
  // Two words the text writes as one (`hex dump` -> `hexdump`) count for both.
  for (const joined of [word.joined, previous?.joined]) {
    const posting = joined ? index.posting(joined) : undefined;
    if (posting) whole.push({ term: joined!, weight: 1, posting, maxIdf: Infinity });
  }
  return { whole, parts: word.parts.map((p, i) => expandTerm(index, p, word.prefix && i === last, 0)) };
}

/** Score of every document for a list of alternative expansions: the best of them. */
function scoreExpansions(index: SearchIndex, expansions: Expansion[], scale: number, meta: Map<number, number>, body: Map<number, number>): void {
  const metaBest = new Map<number, number>();
  const bodyBest = new Map<number, number>();
  for (const { weight, posting, maxIdf } of expansions) {
    const rarity = Math.min(idf(index, posting), maxIdf);
    const metaHere = new Map<number, number>();
    const bodyHere = new Map<number, number>();
    const e = posting.entries;
    for (let i = 0; i < e.length; i += 3) {
      const doc = e[i]!;
      const field = e[i + 1]!;
      const tf = e[i + 2]!;
      const len = index.lengths[field]![doc]!;
      const norm = tf + BM25.k1 * (1 - BM25.b + (BM25.b * len) / index.averageLength[field]!);
      const s = weight * FIELD_BOOST[field]! * rarity * ((tf * (BM25.k1 + 1)) / norm + BM25.delta);
      const target = field === FIELD.heading || field === FIELD.text ? bodyHere : metaHere;
      target.set(doc, (target.get(doc) ?? 0) + s);
    }
    for (const [doc, s] of metaHere) if (s > (metaBest.get(doc) ?? 0)) metaBest.set(doc, s);
    for (const [doc, s] of bodyHere) if (s > (bodyBest.get(doc) ?? 0)) bodyBest.set(doc, s);
  }
  for (const [doc, s] of metaBest) meta.set(doc, (meta.get(doc) ?? 0) + scale * s);
  for (const [doc, s] of bodyBest) body.set(doc, (body.get(doc) ?? 0) + scale * s);
}

/** Score of every document for one query word; the parts of a technical word add half as much. */
function scoreWord(index: SearchIndex, x: WordExpansions): { meta: Map<number, number>; body: Map<number, number> } {
  const meta = new Map<number, number>();
  const body = new Map<number, number>();
  scoreExpansions(index, x.whole, 1, meta, body);
  for (const part of x.parts) scoreExpansions(index, part, PART_WEIGHT / x.parts.length, meta, body);
  return { meta, body };
}

/** Whether `sequence` occurs in `terms` as consecutive words. */
function containsSequence(terms: string[], sequence: string[]): boolean {
  outer: for (let i = 0; i + sequence.length <= terms.length; i++) {
    for (let j = 0; j < sequence.length; j++) if (terms[i + j] !== sequence[j]) continue outer;
    return true;
  }
  return false;
}

function phrasesHold(input: RankInput, article: number): boolean {
  if (!input.query.phrases.length) return true;
  const meta = input.articles[article]!;
  const body = input.bodyText?.(article);
  const fields = [meta.title, meta.excerpt, meta.tags.join(' '), ...meta.headings.map((h) => h.text)];
  const termLists = fields.map((f) => words(f).map((w) => w.term));
  if (body !== undefined) termLists.push(words(body).map((w) => w.term));
  // Without the body (split bundle, body not loaded yet), all words of the phrase matching is the best we know.
  return input.query.phrases.every((p) => termLists.some((t) => containsSequence(t, p)) || body === undefined);
}

function titleFactor(title: string, query: ParsedQuery): number {
  const titleTerms = words(title).map((w) => w.term);
  const queryTerms = query.words.map((w) => w.term);
  if (titleTerms.length && titleTerms.join(' ') === queryTerms.join(' ')) return 3;
  const folded = fold(title);
  if (queryTerms.length > 1 && folded.includes(queryTerms.join(' '))) return 1.5;
  return 1;
}

export function rank(input: RankInput): RankedArticle[] {
  const { index, articles, query } = input;
  const nWords = query.words.length;
  if (!nWords) return [];
  const expansions = query.words.map((w, i) => expand(index, w, query.words[i - 1]));
  // Per document: its score for each query word, and its score from headings and text.
  const docWords = new Map<number, Float64Array>();
  const docBody = new Map<number, number>();
  const byArticle = new Map<number, number[]>();
  const rejected = new Set<number>();
  expansions.forEach((x, u) => {
    const { meta, body } = scoreWord(index, x);
    const add = (doc: number, s: number) => {
      let v = docWords.get(doc);
      if (!v) {
        const article = index.docArticle[doc]!;
        if (rejected.has(article)) return;
        if (input.accept && !input.accept(article)) {
          rejected.add(article);
          return;
        }
        docWords.set(doc, (v = new Float64Array(nWords)));
        const list = byArticle.get(article);
        if (list) list.push(doc);
        else byArticle.set(article, [doc]);
      }
      v[u]! += s;
    };
    for (const [doc, s] of meta) add(doc, s);
    for (const [doc, s] of body) {
      add(doc, s);
      if (docWords.has(doc)) docBody.set(doc, (docBody.get(doc) ?? 0) + s);
    }
  });

  let maxViews = 0;
  for (const a of byArticle.keys()) maxViews = Math.max(maxViews, articles[a]!.views || 0);
  const required = query.words.map((w) => w.phrase >= 0);
  const optional = query.words.map((w) => w.optional);
  // Missing a rare word costs more than missing a common one (`list` in `list running processes`).
  const wordWeight = expansions.map((x, u) => (optional[u] ? 0 : wordRarity(index, x)));
  const counted = wordWeight.reduce((a, b) => a + b, 0) || 1;
  const scored: RankedArticle[] = [];
  const zero = new Float64Array(nWords);
  for (const [article, docs] of byArticle) {
    // An article is as good as its best section read together with its title, tags,
    // excerpt and intro (the top document); other sections add a little.
    const top = docWords.get(index.articleDoc[article]!) ?? zero;
    let best = -1;
    let bestDoc = -1;
    let bestMatched = 0;
    let missingRequired = true;
    const spread = new Float64Array(nWords);
    for (const doc of docs) {
      const v = docWords.get(doc)!;
      let sum = 0;
      let matched = 0;
      let missing = false;
      for (let u = 0; u < nWords; u++) {
        const s = Math.max(top[u]!, v[u]!);
        if (optional[u]) {
          sum += OPTIONAL_WEIGHT * s;
          continue;
        }
        if (s > 0) matched += wordWeight[u]!;
        else if (required[u]) missing = true;
        sum += s;
        spread[u]! += v[u]!;
      }
      const value = sum * coverageFactor(matched / counted);
      if (!missing && value > best) {
        best = value;
        bestDoc = doc;
        bestMatched = matched;
        missingRequired = false;
      }
    }
    if (missingRequired || !phrasesHold(input, article)) continue;
    let extra = 0;
    const chosen = docWords.get(bestDoc)!;
    for (let u = 0; u < nWords; u++) extra += Math.min(spread[u]! - Math.max(top[u]!, chosen[u]!), Math.max(top[u]!, chosen[u]!));
    const meta = articles[article]!;
    const views = maxViews > 0 ? Math.log1p(meta.views || 0) / Math.log1p(maxViews) : 0;
    const score = (best + SPREAD_WEIGHT * Math.max(0, extra) * coverageFactor(bestMatched / counted)) * titleFactor(meta.title, query) * (1 + VIEWS_WEIGHT * views);
    scored.push({ article, heading: sectionToShow(index, docs, bestDoc, docBody), score, terms: [] });
  }
  scored.sort((a, b) => b.score - a.score || a.article - b.article);
  const top = scored.slice(0, input.limit);
  attachTerms(index, expansions, top);
  return top;
}

/** How rare a query word is: the rarity of its own term, else of its most common expansion. */
function wordRarity(index: SearchIndex, x: WordExpansions): number {
  const all = [...x.whole, ...x.parts.flat()];
  if (!all.length) return Math.log(1 + index.docCount);
  let rarity = Infinity;
  for (const e of all) rarity = Math.min(rarity, Math.min(idf(index, e.posting), e.maxIdf));
  return Math.max(rarity, 0.1);
}

/** Articles that match all query words come first; each missing word costs a lot. */
function coverageFactor(coverage: number): number {
  return 0.25 + 0.75 * coverage * coverage;
}

/** The best section, or when the article's top won through its title, the section whose text matched best. */
function sectionToShow(index: SearchIndex, docs: number[], bestDoc: number, docBody: Map<number, number>): number {
  if (index.docHeading[bestDoc]! >= 0) return index.docHeading[bestDoc]!;
  let heading = -1;
  let bestBody = docBody.get(bestDoc) ?? 0;
  for (const doc of docs) {
    const s = docBody.get(doc) ?? 0;
    if (s > bestBody) {
      bestBody = s;
      heading = index.docHeading[doc]!;
    }
  }
  return heading;
}

/** Fills in which index terms matched each of the top articles. */
function attachTerms(index: SearchIndex, expansions: WordExpansions[], top: RankedArticle[]): void {
  const byArticle = new Map(top.map((r) => [r.article, new Set<string>()]));
  for (const x of expansions) {
    for (const { term, posting } of [...x.whole, ...x.parts.flat()]) {
      const e = posting.entries;
      for (let i = 0; i < e.length; i += 3) byArticle.get(index.docArticle[e[i]!]!)?.add(term);
    }
  }
  for (const r of top) r.terms = [...byArticle.get(r.article)!];
}
