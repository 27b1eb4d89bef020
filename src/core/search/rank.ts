/**
 * Ranking: BM25+ per document over the weighted fields, query words completed,
 * typo-tolerated and stemmed, then grouped per article (one hit per article, with its best
 * section read together with the article's title, tags, excerpt and intro).
 */
import type { ArticleMeta } from '../types';
import { termSequence, words } from '../text/tokenize';
import { stem } from '../text/stem';
import {
  BM25,
  FIELD,
  FIELD_BOOST,
  MAX_STEM_CANDIDATES,
  OPTIONAL_WEIGHT,
  PART_WEIGHT,
  SHORT_PREFIX_EXACT_WEIGHT,
  SPREAD_WEIGHT,
  STEM_WEIGHT,
  SYNONYM_WEIGHT,
  VIEWS_WEIGHT,
  fuzzyWeight,
  maxCompletions,
  prefixWeight,
} from './options';
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
  /** A word one or two typos away: another word, scored on its own (not a form of the query word). */
  nearMiss: boolean;
}

/**
 * Terms that count together for a query word, each group of expansions adding to the others
 * (`scale` times): the parts of a technical word, or the words of a synonym.
 */
interface PartSet {
  scale: number;
  parts: Expansion[][];
}

/** A query word's expansions; and the parts of a technical word, and its synonyms, as part sets. */
interface WordExpansions {
  whole: Expansion[];
  partSets: PartSet[];
}

const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function idf(index: SearchIndex, posting: Posting): number {
  return Math.log(1 + (index.docCount - posting.df + 0.5) / (posting.df + 0.5));
}

/** Expansions of recent query words: typing repeats the earlier words at every keystroke. */
const expansionCache = new WeakMap<SearchIndex, Map<string, Expansion[]>>();
const CACHED_EXPANSIONS = 256;

function expandTerm(index: SearchIndex, term: string, prefix: boolean, typos: number): Expansion[] {
  let cache = expansionCache.get(index);
  if (!cache) expansionCache.set(index, (cache = new Map()));
  const key = `${prefix ? 1 : 0}${typos}${term}`;
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key);
  } else {
    hit = computeExpansions(index, term, prefix, typos);
    if (cache.size >= CACHED_EXPANSIONS) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, hit);
  return hit;
}

/** The index terms a query word stands for, with how much each counts. */
function computeExpansions(index: SearchIndex, term: string, prefix: boolean, typos: number): Expansion[] {
  const terms = index.terms;
  const weights = new Map<number, number>();
  const add = (position: number, weight: number) => {
    if (weight > (weights.get(position) ?? 0)) weights.set(position, weight);
  };
  const exact = terms.indexOf(term);
  const nearMisses = new Set<number>();
  // A short word still being typed is as likely the start of a longer word as the word itself.
  if (exact >= 0) add(exact, prefix && term.length <= 3 ? SHORT_PREFIX_EXACT_WEIGHT : 1);
  if (IDEOGRAPHIC.test(term)) {
    // Words of scripts without spaces are found inside longer words (`系统` in `文件系统`).
    for (const p of terms.containing(term, maxCompletions(term))) add(p, p === exact ? 1 : 0.9);
  } else {
    const root = stem(term);
    if (STEM_WEIGHT > 0 && (root !== term || term.length >= 4)) {
      const [start, end] = terms.prefixRange(root.slice(0, Math.max(3, root.length - 1)));
      for (let p = start; p < Math.min(end, start + MAX_STEM_CANDIDATES); p++) {
        if (p !== exact && stem(terms.terms[p]!) === root) add(p, STEM_WEIGHT);
      }
    }
    if (prefix) {
      const [start, end] = terms.prefixRange(term);
      const completions: number[] = [];
      for (let p = start; p < end; p++) if (p !== exact) completions.push(p);
      completions.sort((a, b) => index.postingSize(b) - index.postingSize(a));
      for (const p of completions.slice(0, maxCompletions(term))) add(p, prefixWeight(term, terms.terms[p]!));
    }
    if (typos > 0) {
      for (const [p, distance] of terms.fuzzy(term, typos)) {
        if (distance > 0 && fuzzyWeight(term, distance) > (weights.get(p) ?? 0)) {
          add(p, fuzzyWeight(term, distance));
          nearMisses.add(p);
        }
      }
    }
  }
  const maxIdf = exact >= 0 ? idf(index, index.postingAt(exact)) : Infinity;
  const out: Expansion[] = [];
  for (const [p, weight] of weights)
    out.push({ term: terms.terms[p]!, weight, posting: index.postingAt(p), maxIdf, nearMiss: nearMisses.has(p) });
  return out;
}

function expand(index: SearchIndex, word: QueryWord, previous?: QueryWord): WordExpansions {
  const last = word.parts.length - 1;
  const whole = [...expandTerm(index, word.term, word.prefix, word.typos)];
  // Two words the text writes as one (`hex dump` -> `hexdump`) count for both.
  for (const joined of [word.joined, previous?.joined]) {
    const posting = joined ? index.posting(joined) : undefined;
    if (posting) whole.push({ term: joined!, weight: 1, posting, maxIdf: Infinity, nearMiss: false });
  }
  const partSets = word.parts.length
    ? [{ scale: PART_WEIGHT, parts: word.parts.map((p, i) => expandTerm(index, p, word.prefix && i === last, 0)) }]
    : [];
  return { whole, partSets };
}

/** The expansions of every query word, its synonyms included. */
function expandQuery(index: SearchIndex, query: ParsedQuery): WordExpansions[] {
  const expansions = query.words.map((w, i) => expand(index, w, query.words[i - 1]));
  for (const { word, terms, weight } of index.synonyms.alternatives(query.words)) {
    const parts = terms.map((t) => expandTerm(index, t, false, 0));
    if (SYNONYM_WEIGHT > 0 && parts.some((p) => p.length)) expansions[word]!.partSets.push({ scale: SYNONYM_WEIGHT * weight, parts });
  }
  return expansions;
}

/** Works out (and caches) the expansions of a query's words ahead of ranking it. */
export function prepareExpansions(index: SearchIndex, query: ParsedQuery): void {
  expandQuery(index, query);
}

/** Per-document buffers, reused across searches of one index. */
class Scratch {
  readonly hereMeta: Float64Array;
  readonly hereBody: Float64Array;
  readonly groupMeta: Float64Array;
  readonly groupBody: Float64Array;
  readonly wordMeta: Float64Array;
  readonly wordBody: Float64Array;
  readonly partsMeta: Float64Array;
  readonly partsBody: Float64Array;
  readonly partsFound: Uint8Array;
  readonly partsSeen: Uint8Array;
  readonly slot: Int32Array;
  readonly seen: Uint8Array;
  /** Per document and field (`doc * FIELD_COUNT + field`): a word's forms' weighted term frequency, and the strongest form's weight. */
  readonly formsTf: Float32Array;
  readonly formsWeight: Float32Array;
  readonly formsSeen: Uint8Array;
  constructor(n: number) {
    this.formsTf = new Float32Array(n * FIELD_COUNT);
    this.formsWeight = new Float32Array(n * FIELD_COUNT);
    this.formsSeen = new Uint8Array(n);
    this.hereMeta = new Float64Array(n);
    this.hereBody = new Float64Array(n);
    this.groupMeta = new Float64Array(n);
    this.groupBody = new Float64Array(n);
    this.wordMeta = new Float64Array(n);
    this.wordBody = new Float64Array(n);
    this.partsMeta = new Float64Array(n);
    this.partsBody = new Float64Array(n);
    this.partsFound = new Uint8Array(n);
    this.partsSeen = new Uint8Array(n);
    this.slot = new Int32Array(n).fill(-1);
    this.seen = new Uint8Array(n);
  }
}
const FIELD_COUNT = FIELD_BOOST.length;
const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) scratches.set(index, (s = new Scratch(index.docCount)));
  return s;
}

/** Allocates an index's ranking buffers ahead of its first query. */
export function prepareRanking(index: SearchIndex): void {
  scratchFor(index);
}

/**
 * Puts `scale` times the score of `expansions` per document into `intoMeta`/`intoBody`,
 * adding to what is there (`add`) or keeping the larger (`max`); notes new documents in `touched`.
 * The forms of a word (itself, its inflections, its completions while typed) are one term, as in
 * BM25F: their occurrences in a field add up (each as much as its weight and rarity make it
 * count, against the strongest form) and saturate once. A near miss is another word: it scores
 * alone, and the document keeps the better of it and the word's forms.
 */
function scoreGroup(
  index: SearchIndex,
  s: Scratch,
  expansions: Expansion[],
  scale: number,
  intoMeta: Float64Array,
  intoBody: Float64Array,
  combine: 'add' | 'max',
  touched: number[],
  seen: Uint8Array,
): void {
  const groupTouched: number[] = [];
  // Locals rather than property reads in the loop over postings: it runs cold on the first query.
  const { hereMeta, hereBody, groupMeta, groupBody, formsTf, formsWeight, formsSeen } = s;
  const { lengths, averageLength } = index;
  const { k1, b, delta } = BM25;
  for (const { weight, posting, maxIdf, nearMiss } of expansions) {
    if (nearMiss) continue;
    const w = weight * Math.min(idf(index, posting), maxIdf);
    const e = posting.entries;
    for (let i = 0; i < e.length; i += 3) {
      const doc = e[i]!;
      const k = doc * FIELD_COUNT + e[i + 1]!;
      if (formsSeen[doc] === 0) {
        formsSeen[doc] = 1;
        groupTouched.push(doc);
      }
      formsTf[k]! += e[i + 2]! * w;
      if (w > formsWeight[k]!) formsWeight[k] = w;
    }
  }
  for (const doc of groupTouched) {
    formsSeen[doc] = 0;
    for (let field = 0; field < FIELD_COUNT; field++) {
      const k = doc * FIELD_COUNT + field;
      const w = formsWeight[k]!;
      if (w === 0) continue;
      const tf = formsTf[k]! / w;
      const norm = tf + k1 * (1 - b + (b * lengths[field]![doc]!) / averageLength[field]!);
      const v = FIELD_BOOST[field]! * w * ((tf * (k1 + 1)) / norm + delta);
      formsTf[k] = 0;
      formsWeight[k] = 0;
      if (field === FIELD.heading || field === FIELD.text) groupBody[doc]! += v;
      else groupMeta[doc]! += v;
    }
  }
  for (const { weight, posting, maxIdf, nearMiss } of expansions) {
    if (!nearMiss) continue;
    const w = weight * Math.min(idf(index, posting), maxIdf);
    const e = posting.entries;
    const hereTouched: number[] = [];
    for (let i = 0; i < e.length; i += 3) {
      const doc = e[i]!;
      const field = e[i + 1]!;
      const tf = e[i + 2]!;
      const norm = tf + k1 * (1 - b + (b * lengths[field]![doc]!) / averageLength[field]!);
      const v = FIELD_BOOST[field]! * w * ((tf * (k1 + 1)) / norm + delta);
      if (hereMeta[doc] === 0 && hereBody[doc] === 0) hereTouched.push(doc);
      if (field === FIELD.heading || field === FIELD.text) hereBody[doc]! += v;
      else hereMeta[doc]! += v;
    }
    for (const doc of hereTouched) {
      if (groupMeta[doc] === 0 && groupBody[doc] === 0) groupTouched.push(doc);
      if (hereMeta[doc]! > groupMeta[doc]!) groupMeta[doc] = hereMeta[doc]!;
      if (hereBody[doc]! > groupBody[doc]!) groupBody[doc] = hereBody[doc]!;
      hereMeta[doc] = 0;
      hereBody[doc] = 0;
    }
  }
  for (const doc of groupTouched) {
    const meta = scale * s.groupMeta[doc]!;
    const body = scale * s.groupBody[doc]!;
    if (combine === 'add') {
      intoMeta[doc]! += meta;
      intoBody[doc]! += body;
      s.partsFound[doc]!++;
    } else if (meta + body > intoMeta[doc]! + intoBody[doc]!) {
      intoMeta[doc] = meta;
      intoBody[doc] = body;
    }
    s.groupMeta[doc] = 0;
    s.groupBody[doc] = 0;
    if (!seen[doc]) {
      seen[doc] = 1;
      touched.push(doc);
    }
  }
}

/**
 * Scores one query word into wordMeta/wordBody: the best of its expansions, or for a
 * technical word, the parts together when that is better (long text indexes it by parts).
 */
function scoreWord(index: SearchIndex, s: Scratch, x: WordExpansions, touched: number[], seen: Uint8Array): void {
  scoreGroup(index, s, x.whole, 1, s.wordMeta, s.wordBody, 'max', touched, seen);
  for (const set of x.partSets) scorePartSet(index, s, set, touched, seen);
}

/** The parts of a set together, when that scores a document higher than what the word has so far. */
function scorePartSet(index: SearchIndex, s: Scratch, set: PartSet, touched: number[], seen: Uint8Array): void {
  const partsTouched: number[] = [];
  for (const part of set.parts)
    scoreGroup(index, s, part, set.scale / set.parts.length, s.partsMeta, s.partsBody, 'add', partsTouched, s.partsSeen);
  for (const doc of partsTouched) {
    // Some parts only: like a query missing words, that costs a lot (`user` alone for `user@example.com`).
    const found = s.partsFound[doc]! / set.parts.length;
    const meta = s.partsMeta[doc]! * found * found;
    const body = s.partsBody[doc]! * found * found;
    if (meta + body > s.wordMeta[doc]! + s.wordBody[doc]!) {
      s.wordMeta[doc] = meta;
      s.wordBody[doc] = body;
    }
    s.partsMeta[doc] = 0;
    s.partsBody[doc] = 0;
    s.partsFound[doc] = 0;
    s.partsSeen[doc] = 0;
    if (!seen[doc]) {
      seen[doc] = 1;
      touched.push(doc);
    }
  }
}

/** Whether `sequence` occurs in `terms` as consecutive words. */
function containsSequence(terms: string[], sequence: string[]): boolean {
  outer: for (let i = 0; i + sequence.length <= terms.length; i++) {
    for (let j = 0; j < sequence.length; j++) if (terms[i + j] !== sequence[j]) continue outer;
    return true;
  }
  return false;
}

const bodyKeys = new WeakMap<ArticleMeta, { body: string; key: string }>();
/** The body's terms as ` a b c `, made once per body: a phrase is then one substring search. */
function bodyKey(meta: ArticleMeta, body: string): string {
  let cached = bodyKeys.get(meta);
  if (cached?.body !== body) bodyKeys.set(meta, (cached = { body, key: ` ${termSequence(body)} ` }));
  return cached.key;
}

function phrasesHold(input: RankInput, article: number): boolean {
  if (!input.query.phrases.length) return true;
  const meta = input.articles[article]!;
  const body = input.bodyText?.(article);
  // Without the body (split bundle, body not loaded yet), all words of the phrase matching is the best we know.
  if (body === undefined) return true;
  const fields = [meta.title, meta.excerpt, meta.tags.join(' '), ...meta.headings.map((h) => h.text)];
  const termLists = fields.map((f) => words(f).map((w) => w.term));
  const key = bodyKey(meta, body);
  return input.query.phrases.every((p) => termLists.some((t) => containsSequence(t, p)) || key.includes(` ${p.join(' ')} `));
}

const titleKeys = new WeakMap<ArticleMeta, string>();
function titleKey(article: ArticleMeta): string {
  let key = titleKeys.get(article);
  if (key === undefined)
    titleKeys.set(
      article,
      (key = ` ${words(article.title)
        .map((w) => w.term)
        .join(' ')} `),
    );
  return key;
}

const MAX_TITLE_FACTOR = 3;

/** An exact title comes first; a title containing the query's words in order comes early. */
function titleFactor(article: ArticleMeta, queryKey: string, wordCount: number): number {
  const key = titleKey(article);
  if (key === queryKey) return MAX_TITLE_FACTOR;
  if (wordCount > 1 && key.includes(queryKey)) return 1.5;
  return 1;
}

/** How rare a query word is: the rarity of its own term, else of its most common expansion. */
function wordRarity(index: SearchIndex, x: WordExpansions): number {
  const all = [...x.whole, ...x.partSets.flatMap((set) => set.parts.flat())];
  if (!all.length) return Math.log(1 + index.docCount);
  let rarity = Infinity;
  for (const e of all) rarity = Math.min(rarity, Math.min(idf(index, e.posting), e.maxIdf));
  return Math.max(rarity, 0.1);
}

/** Articles that match all query words come first; each missing word costs a lot. */
function coverageFactor(coverage: number): number {
  return 0.25 + 0.75 * coverage * coverage;
}

export function rank(input: RankInput): RankedArticle[] {
  const { index, articles, query } = input;
  const nWords = query.words.length;
  if (!nWords) return [];
  const expansions = expandQuery(index, query);
  const s = scratchFor(index);

  // Per touched document (by slot): its score for each query word, and from headings and text.
  const slotDocs: number[] = [];
  let vectors = new Float64Array(64 * nWords);
  const bodyTotals: number[] = [];
  const rejected = new Map<number, boolean>();
  const accepts = (article: number) => {
    if (!input.accept) return true;
    let ok = rejected.get(article);
    if (ok === undefined) rejected.set(article, (ok = input.accept(article)));
    return ok;
  };
  const seen = s.seen;
  expansions.forEach((x, u) => {
    const touched: number[] = [];
    scoreWord(index, s, x, touched, seen);
    for (const doc of touched) {
      seen[doc] = 0;
      const meta = s.wordMeta[doc]!;
      const body = s.wordBody[doc]!;
      s.wordMeta[doc] = 0;
      s.wordBody[doc] = 0;
      let slot = s.slot[doc]!;
      if (slot < 0) {
        if (!accepts(index.docArticle[doc]!)) continue;
        slot = slotDocs.length;
        s.slot[doc] = slot;
        slotDocs.push(doc);
        bodyTotals.push(0);
        if ((slot + 1) * nWords > vectors.length) {
          const grown = new Float64Array(vectors.length * 2);
          grown.set(vectors);
          vectors = grown;
        }
      }
      vectors[slot * nWords + u] = meta + body;
      bodyTotals[slot]! += body;
    }
  });
  // Slots in document order (an article's documents are consecutive), without sorting.
  const order: number[] = [];
  if (slotDocs.length) for (let doc = 0; doc < index.docCount; doc++) if (s.slot[doc]! >= 0) order.push(s.slot[doc]!);
  const slotOfDoc = (doc: number) => s.slot[doc]!;

  let maxViews = 0;
  for (const doc of slotDocs) maxViews = Math.max(maxViews, articles[index.docArticle[doc]!]!.views || 0);
  const required = query.words.map((w) => w.phrase >= 0);
  const optional = query.words.map((w) => w.optional);
  // Missing a rare word costs more than missing a common one (`list` in `list running processes`).
  const wordWeight = expansions.map((x, u) => (optional[u] ? 0 : wordRarity(index, x)));
  const counted = wordWeight.reduce((a, b) => a + b, 0) || 1;
  const queryKey = ` ${query.words.map((w) => w.term).join(' ')} `;
  const zero = new Float64Array(nWords);
  const combined = new Float64Array(nWords);
  const spread = new Float64Array(nWords);
  let candidates: { article: number; score: number; first: number; end: number; bestSlot: number }[] = [];

  for (let g = 0; g < order.length;) {
    const article = index.docArticle[slotDocs[order[g]!]!]!;
    let end = g;
    while (end < order.length && index.docArticle[slotDocs[order[end]!]!] === article) end++;
    const topSlot = slotOfDoc(index.articleDoc[article]!);
    // The article top's scores: at `topBase` in `vectors`, or all zero when the top did not match.
    const topVectors = topSlot < 0 ? zero : vectors;
    const topBase = topSlot < 0 ? 0 : topSlot * nWords;
    let best = -1;
    let bestSlot = -1;
    let bestMatched = 0;
    spread.fill(0);
    for (let k = g; k < end; k++) {
      const slot = order[k]!;
      const base = slot * nWords;
      let sum = 0;
      let matched = 0;
      let missing = false;
      for (let u = 0; u < nWords; u++) {
        const v = vectors[base + u]!;
        // A section is read with its article's top (title, tags, excerpt, place, links): a word in both counts in both.
        const c = base === topBase ? v : topVectors[topBase + u]! + v;
        if (optional[u]) {
          sum += OPTIONAL_WEIGHT * c;
          continue;
        }
        if (c > 0) matched += wordWeight[u]!;
        else if (required[u]) missing = true;
        sum += c;
        spread[u]! += v;
      }
      const value = sum * coverageFactor(matched / counted);
      if (!missing && value > best) {
        best = value;
        bestSlot = slot;
        bestMatched = matched;
      }
    }
    const first = g;
    g = end;
    if (bestSlot < 0) continue;
    let extra = 0;
    for (let u = 0; u < nWords; u++) {
      combined[u] = vectors[bestSlot * nWords + u]! + (bestSlot === topSlot ? 0 : topVectors[topBase + u]!);
      if (!optional[u]) extra += Math.min(Math.max(0, spread[u]! - combined[u]!), combined[u]!);
    }
    const meta = articles[article]!;
    const views = maxViews > 0 ? Math.log1p(meta.views || 0) / Math.log1p(maxViews) : 0;
    const score = (best + SPREAD_WEIGHT * extra * coverageFactor(bestMatched / counted)) * (1 + VIEWS_WEIGHT * views);
    candidates.push({ article, score, first, end, bestSlot });
  }
  for (const doc of slotDocs) s.slot[doc] = -1;
  // The title factor and phrase check cost more: apply them best first, stopping once no
  // remaining candidate could reach the top `limit` even with the largest title factor.
  if (candidates.length > input.limit) {
    const scores = new Float64Array(candidates.length);
    for (let k = 0; k < candidates.length; k++) scores[k] = candidates[k]!.score;
    scores.sort();
    const floor = scores[scores.length - Math.max(1, input.limit)]! / MAX_TITLE_FACTOR;
    candidates = candidates.filter((c) => c.score >= floor);
  }
  candidates.sort((a, b) => b.score - a.score || a.article - b.article);
  const top: RankedArticle[] = [];
  for (const c of candidates) {
    if (top.length >= input.limit && c.score * MAX_TITLE_FACTOR < top[top.length - 1]!.score) break;
    if (!phrasesHold(input, c.article)) continue;
    const score = c.score * titleFactor(articles[c.article]!, queryKey, nWords);
    const ranked = {
      article: c.article,
      heading: sectionToShow(index, slotDocs, bodyTotals, order.slice(c.first, c.end), c.bestSlot),
      score,
      terms: [],
    };
    let at = top.length;
    while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && top[at - 1]!.article > c.article))) at--;
    if (at < input.limit) {
      top.splice(at, 0, ranked);
      if (top.length > input.limit) top.pop();
    }
  }
  attachTerms(index, expansions, top);
  return top;
}

/** The best section, or when the article's top won through its title, the section whose text matched best. */
function sectionToShow(index: SearchIndex, slotDocs: number[], bodyTotals: number[], slots: number[], bestSlot: number): number {
  const heading = index.docHeading[slotDocs[bestSlot]!]!;
  if (heading >= 0) return heading;
  let shown = -1;
  let bestBody = bodyTotals[bestSlot]!;
  for (const slot of slots) {
    if (bodyTotals[slot]! > bestBody) {
      bestBody = bodyTotals[slot]!;
      shown = index.docHeading[slotDocs[slot]!]!;
    }
  }
  return shown;
}

/** Fills in which index terms matched each of the top articles. */
function attachTerms(index: SearchIndex, expansions: WordExpansions[], top: RankedArticle[]): void {
  const byArticle = new Map(top.map((r) => [r.article, new Set<string>()]));
  for (const x of expansions) {
    for (const { term, posting } of [...x.whole, ...x.partSets.flatMap((set) => set.parts.flat())]) {
      const e = posting.entries;
      for (let i = 0; i < e.length; i += 3) byArticle.get(index.docArticle[e[i]!]!)?.add(term);
    }
  }
  for (const r of top) r.terms = [...byArticle.get(r.article)!];
}
