/** Turns what the user typed into query words: phrases, technical parts, the word being typed. */
import { isContentTerm, words } from '../text/tokenize';
import { maxTypos } from './options';

export interface QueryWord {
  /** Folded word, as indexed. */
  term: string;
  /** Parts of a technical word (`x-spam-flag` -> `spam`, `flag`). */
  parts: string[];
  /** Complete it as a prefix (the word being typed, or a word of a script without spaces). */
  prefix: boolean;
  /** Typos tolerated. */
  typos: number;
  /** Index of the quoted phrase the word belongs to, or -1. */
  phrase: number;
  /** A stop word among other words: it adds a little when it matches, and is not missed when it does not. */
  optional: boolean;
  /** The next query word written together with this one (`hex dump` -> `hexdump`). */
  joined?: string;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Each quoted phrase as its folded words, in order. */
  phrases: string[][];
}

/** Queries longer than this are cut: nobody types more, and a pasted page must stay fast. */
const MAX_QUERY_CHARS = 256;
const MAX_WORDS = 16;
const QUOTES = /["“”„«»]/;

export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_CHARS);
  const stillTyping = text.length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(text) && input.length <= MAX_QUERY_CHARS;
  const pieces = text.split(QUOTES);
  const out: QueryWord[] = [];
  const phrases: string[][] = [];
  pieces.forEach((piece, i) => {
    const quoted = i % 2 === 1;
    const found = words(piece);
    if (quoted && found.length > 1) phrases.push(found.map((w) => w.term));
    const phrase = quoted && found.length > 1 ? phrases.length - 1 : -1;
    for (const w of found) {
      out.push({
        term: w.term,
        parts: w.parts,
        prefix: w.unspaced,
        typos: w.unspaced || quoted ? 0 : maxTypos(w.term),
        phrase,
        optional: false,
      });
    }
  });
  if (stillTyping && out.length) {
    const last = out[out.length - 1]!;
    if (last.phrase < 0 || pieces.length % 2 === 0) last.prefix = true;
  }
  const isContent = (w: QueryWord) => w.phrase >= 0 || isContentTerm(w.term) || w.parts.length > 0;
  const hasContent = out.some(isContent);
  for (const w of out) {
    w.optional = hasContent && !isContent(w);
    if (w.optional) w.typos = 0;
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i]!, out[i + 1]!];
    if (!a.optional && !b.optional && a.phrase < 0 && !a.parts.length && !b.parts.length && !a.prefix) a.joined = a.term + b.term;
  }
  return { words: dedupe(out).slice(0, MAX_WORDS), phrases };
}

function dedupe(list: QueryWord[]): QueryWord[] {
  const seen = new Set<string>();
  return list.filter((w) => {
    const key = `${w.term}|${w.prefix}|${w.phrase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
