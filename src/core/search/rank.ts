/**
 * Ranking: BM25+ per document over the weighted fields, query words completed and
 * typo-tolerated, then grouped per article (one hit per article, with its best section).
 */
import type { ArticleMeta } from '../types';
import { words } from '../text/tokenize';
import { fold } from '../text/normalize';
import { BM25, FIELD, FIELD_BOOST, PART_WEIGHT, VIEWS_WEIGHT, fuzzyWeight, maxCompletions, prefixWeight } from './options';
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
}

/** The index terms a query word stands for, with how much each counts. */
function expandTerm(index: SearchIndex, term: string, prefix: boolean, typos: number): Expansion[] {
  const weights = new Map<string, number>();
  const add = (t: string, weight: number) => {
    if (weight > (weights.get(t) ?? 0)) weights.set(t, weight);
  };
  if (index.terms.has(term)) add(term, 1);
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
  const out: Expansion[] = [];
  for (const [t, weight] of weights) {
    const posting = index.posting(t);
    if (posting) out.push({ term: t, weight, posting });
  }
  return out;
}

/** A query word's expansions, and those of its parts when it is a technical word. */
interface WordExpansions {
  whole: Expansion[];
  parts: Expansion[][];
}

export function expand(index: SearchIndex, word: QueryWord): WordExpansions {
  const last = word.parts.length - 1;
  return {
    whole: expandTerm(index, word.term, word.prefix, word.typos),
    parts: word.parts.map((p, i) => expandTerm(index, p, word.prefix && i === last, 0)),
  };
}

/** Score of every document for a list of alternative expansions: the best of them. */
function scoreExpansions(index: SearchIndex, expansions: Expansion[], scale: number, meta: Map<number, number>, body: Map<number, number>): void {
  const n = index.docCount;
  const metaBest = new Map<number, number>();
  const bodyBest = new Map<number, number>();
  for (const { weight, posting } of expansions) {
    const idf = Math.log(1 + (n - posting.df + 0.5) / (posting.df + 0.5));
    const metaHere = new Map<number, number>();
    const bodyHere = new Map<number, number>();
    const e = posting.entries;
    for (let i = 0; i < e.length; i += 3) {
      const doc = e[i]!;
      const field = e[i + 1]!;
      const tf = e[i + 2]!;
      const len = index.lengths[field]![doc]!;
      const norm = tf + BM25.k1 * (1 - BM25.b + (BM25.b * len) / index.averageLength[field]!);
      const s = weight * FIELD_BOOST[field]! * idf * ((tf * (BM25.k1 + 1)) / norm + BM25.delta);
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

interface Candidate {
  article: number;
  best: Float64Array;
  extra: Float64Array;
  /** Body score per document of the article, to pick the section to show. */
  bodyByDoc: Map<number, number>;
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
  const expansions = query.words.map((w) => expand(index, w));
  const candidates = new Map<number, Candidate>();
  expansions.forEach((list, u) => {
    const { meta, body } = scoreWord(index, list);
    const touch = (doc: number, s: number, isBody: boolean) => {
      const article = index.docArticle[doc]!;
      let c = candidates.get(article);
      if (!c) {
        if (input.accept && !input.accept(article)) return;
        c = { article, best: new Float64Array(nWords), extra: new Float64Array(nWords), bodyByDoc: new Map() };
        candidates.set(article, c);
      }
      if (s > c.best[u]!) {
        c.extra[u]! += c.best[u]!;
        c.best[u] = s;
      } else c.extra[u]! += s;
      if (isBody) c.bodyByDoc.set(doc, (c.bodyByDoc.get(doc) ?? 0) + s);
    };
    for (const [doc, s] of meta) touch(doc, s, false);
    for (const [doc, s] of body) touch(doc, s, true);
  });

  let maxViews = 0;
  for (const c of candidates.keys()) maxViews = Math.max(maxViews, articles[c]!.views || 0);
  const required = query.words.map((w) => w.phrase >= 0);
  const scored: RankedArticle[] = [];
  for (const c of candidates.values()) {
    let sum = 0;
    let matched = 0;
    let missingRequired = false;
    for (let u = 0; u < nWords; u++) {
      const best = c.best[u]!;
      if (best > 0) matched++;
      else if (required[u]) missingRequired = true;
      sum += best + 0.15 * Math.min(c.extra[u]!, best);
    }
    if (missingRequired || !phrasesHold(input, c.article)) continue;
    const coverage = matched / nWords;
    const meta = articles[c.article]!;
    const views = maxViews > 0 ? Math.log1p(meta.views || 0) / Math.log1p(maxViews) : 0;
    const score = sum * (0.25 + 0.75 * coverage * coverage) * titleFactor(meta.title, query) * (1 + VIEWS_WEIGHT * views);
    let heading = -1;
    let bestBody = 0;
    for (const [doc, s] of c.bodyByDoc) {
      if (s > bestBody) {
        bestBody = s;
        heading = index.docHeading[doc]!;
      }
    }
    scored.push({ article: c.article, heading, score, terms: [] });
  }
  scored.sort((a, b) => b.score - a.score || a.article - b.article);
  const top = scored.slice(0, input.limit);
  attachTerms(index, expansions, top);
  return top;
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
