/**
 * Synonyms: groups of words or phrases that mean the same (kb.config `synonyms`, such as
 * `[delete, remove, erase]` or `[sign in, log in, login]`). They travel in the search index and
 * are applied when a query is ranked: each query word (or run of words) found in a group also
 * searches the group's other members, at a weight below its own (`SYNONYM_WEIGHT`).
 */
import { KbError } from '../errors';
import { isContentTerm, words } from '../text/tokenize';
import { fuzzyWeight, prefixWeight } from './options';
import { TermList } from './term-list';

/** Limits on what a knowledge base may declare (content and bundles are untrusted input). */
export const SYNONYM_LIMITS = { groups: 1000, members: 20, words: 4, chars: 60 } as const;

/** Why a group or member breaks the rules, or undefined when it is fine (shared by the build's diagnostics and the bundle check). */
export function synonymProblem(value: unknown, kind: 'list' | 'group' | 'member'): string | undefined {
  if (kind === 'list') {
    if (!Array.isArray(value)) return 'a list of groups, like [[delete, remove], [inbox, mailbox]]';
    if (value.length > SYNONYM_LIMITS.groups) return `at most ${SYNONYM_LIMITS.groups} groups (has ${value.length})`;
    return undefined;
  }
  if (kind === 'group') {
    if (!Array.isArray(value)) return 'a list of words or phrases, like [delete, remove, erase]';
    if (value.length > SYNONYM_LIMITS.members) return `at most ${SYNONYM_LIMITS.members} words or phrases (has ${value.length})`;
    return undefined;
  }
  if (typeof value !== 'string') return 'a text';
  if (value.length > SYNONYM_LIMITS.chars) return `at most ${SYNONYM_LIMITS.chars} characters long`;
  const n = words(value).length;
  if (n === 0) return 'a word or phrase (it has no letters or digits)';
  if (n > SYNONYM_LIMITS.words) return `at most ${SYNONYM_LIMITS.words} words (has ${n})`;
  return undefined;
}

/** Checks a bundle's `synonyms` (absent is none); throws `KbError` kind `format` naming the bad item. */
export function checkSynonyms(value: unknown): string[][] {
  if (value === undefined || value === null) return [];
  const bad = (path: string, problem: string): never => {
    throw new KbError('format', `search: synonyms${path} must be ${problem}`);
  };
  const listProblem = synonymProblem(value, 'list');
  if (listProblem) bad('', listProblem);
  const groups = value as unknown[];
  groups.forEach((group, g) => {
    const groupProblem = synonymProblem(group, 'group');
    if (groupProblem) bad(`[${g}]`, groupProblem);
    (group as unknown[]).forEach((member, m) => {
      const memberProblem = synonymProblem(member, 'member');
      if (memberProblem) bad(`[${g}][${m}]`, memberProblem);
    });
  });
  return groups as string[][];
}

const keyOf = (text: string) =>
  words(text)
    .map((w) => w.term)
    .join(' ');

/**
 * Groups as they are stored: checked, members trimmed and their spaces collapsed, members that
 * fold to the same words kept once, groups left with fewer than two members dropped.
 */
export function normalizeSynonyms(groups: readonly (readonly string[])[]): string[][] {
  const out: string[][] = [];
  for (const group of checkSynonyms(groups)) {
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const member of group) {
      const key = keyOf(member);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(member.trim().replace(/\s+/g, ' '));
    }
    if (kept.length > 1) out.push(kept);
  }
  return out;
}

/** What a query word also searches: the index terms of one other member of its group. */
export interface SynonymAlternative {
  /** Position of the query word in the query's words. */
  word: number;
  /** The member's terms (its content words, or all its words when it has none). */
  terms: string[];
  /**
   * How much of a full match it is: less when the member stands for several query words
   * (`email address` -> `mailbox`: half each), or when the word only nearly names a member
   * (`inb` being typed, `ibnox` mistyped, for `inbox`).
   */
  weight: number;
}

/** The query words as the synonyms look at them. */
export interface SynonymQueryWord {
  term: string;
  optional: boolean;
  prefix: boolean;
  typos: number;
}

/** A word being typed or mistyped stands for at most this many one-word members (of the first few it completes to). */
const MAX_NEAR_MEMBERS = 4;
const MAX_COMPLETED_MEMBERS = 256;
/** A word in many groups searches at most this many others (the first groups' first). */
const MAX_ALTERNATIVES = 32;

export class SynonymMap {
  /** Folded words of a member, space-separated -> the terms of its group's other members, by their folded words. */
  readonly #alternatives = new Map<string, Map<string, string[]>>();
  readonly #longest: number;
  /** The one-word members, for words being typed or mistyped. */
  readonly #oneWord: TermList;

  constructor(groups: readonly (readonly string[])[]) {
    let longest = 0;
    for (const group of groups) {
      const members = group.map((m) => words(m));
      members.forEach((member, i) => {
        const key = member.map((w) => w.term).join(' ');
        if (!key) return;
        longest = Math.max(longest, member.length);
        const list = this.#alternatives.get(key) ?? new Map<string, string[]>();
        members.forEach((other, j) => {
          if (j === i || !other.length || list.size >= MAX_ALTERNATIVES) return;
          const content = other.filter((w) => isContentTerm(w.term) || w.parts.length > 0);
          const terms = (content.length ? content : other).map((w) => w.term);
          const otherKey = terms.join(' ');
          if (otherKey !== key && !list.has(otherKey)) list.set(otherKey, terms);
        });
        if (list.size) this.#alternatives.set(key, list);
      });
    }
    this.#longest = longest;
    this.#oneWord = new TermList([...this.#alternatives.keys()].filter((k) => !k.includes(' ')).sort());
  }

  get size(): number {
    return this.#alternatives.size;
  }

  /**
   * The alternatives of a query's words (folded, in order): at each position the longest run
   * of words that is a member, its alternatives given to the run's content words; a word that
   * is in no such run, but is being typed or may be mistyped, stands for the one-word members
   * it completes to or nearly is.
   */
  alternatives(query: readonly SynonymQueryWord[]): SynonymAlternative[] {
    const out: SynonymAlternative[] = [];
    if (!this.#alternatives.size) return out;
    const covered = new Uint8Array(query.length);
    const terms = query.map((w) => w.term);
    for (let i = 0; i < query.length; i++) {
      for (let n = Math.min(this.#longest, query.length - i); n > 0; n--) {
        const found = this.#alternatives.get(terms.slice(i, i + n).join(' '));
        if (!found) continue;
        const span = Array.from({ length: n }, (_, k) => i + k);
        const content = span.filter((u) => !query[u]!.optional);
        const given = content.length ? content : [i];
        for (const u of span) covered[u] = 1;
        for (const word of given)
          for (const alternative of found.values()) out.push({ word, terms: alternative, weight: 1 / given.length });
        break;
      }
    }
    query.forEach((w, word) => {
      if (covered[word] || w.optional) return;
      for (const [key, weight] of this.#near(w))
        for (const alternative of this.#alternatives.get(key)!.values()) out.push({ word, terms: alternative, weight });
    });
    return out;
  }

  /** One-word members a word being typed completes to, or a mistyped word nearly is, with how much each counts. */
  #near(w: SynonymQueryWord): [key: string, weight: number][] {
    const near = new Map<string, number>();
    const note = (key: string, weight: number) => near.set(key, Math.max(weight, near.get(key) ?? 0));
    const keys = this.#oneWord;
    if (w.prefix && w.term.length >= 3) {
      const [start, end] = keys.prefixRange(w.term);
      for (let p = start; p < Math.min(end, start + MAX_COMPLETED_MEMBERS); p++) note(keys.terms[p]!, prefixWeight(w.term, keys.terms[p]!));
    }
    if (w.typos > 0)
      for (const [p, distance] of keys.fuzzy(w.term, w.typos)) if (distance > 0) note(keys.terms[p]!, fuzzyWeight(w.term, distance));
    return [...near].sort((a, b) => b[1] - a[1]).slice(0, MAX_NEAR_MEMBERS);
  }
}
