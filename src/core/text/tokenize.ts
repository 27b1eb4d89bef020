/**
 * The text pipeline shared by indexing, querying and highlighting: words with their
 * offsets, technical words kept whole and in parts (`x-spam-flag`, `x`, `spam`, `flag`),
 * scripts without spaces segmented with `Intl.Segmenter`.
 */
import { fold } from './normalize';
import { STOPWORDS } from './stopwords';

/**
 * A word of the original text: letters/digits joined by `-_.@'` (`setup.sh`, `10.0.0.1`). One
 * or two letters in brackets that go on into more letters are part of the word: the way
 * command help marks a mnemonic (`e[x]tract`, `[c]reate`, `g[z]ipped` are `extract`,
 * `create`, `gzipped`); `a[i]` and `[x] done` are left as they are.
 */
const WORD =
  /(?:\[\p{L}{1,2}\](?=\p{L}))?[\p{L}\p{N}\p{M}]+(?:\[\p{L}{1,2}\](?=\p{L})[\p{L}\p{N}\p{M}]+)*(?:[-_.@'’](?:\[\p{L}{1,2}\](?=\p{L}))?[\p{L}\p{N}\p{M}]+(?:\[\p{L}{1,2}\](?=\p{L})[\p{L}\p{N}\p{M}]+)*)*/gu;
/** WORD for a text without brackets: the same words, and much less for the engine to compile. */
const PLAIN_WORD = /[\p{L}\p{N}\p{M}]+(?:[-_.@'’][\p{L}\p{N}\p{M}]+)*/gu;
const wordPattern = (text: string) => (text.includes('[') ? WORD : PLAIN_WORD);
/** The brackets of a mnemonic letter inside a word. */
const MNEMONIC_BRACKETS = /[[\]]/g;
const CONNECTOR = /[-_.@'’]+/;
/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Scripts where a single character is a word (and any substring of a word may be searched). */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const WEB_ADDRESS = /\b(?:https?|ftp):\/\/([\w\-.]*)[\w\-.~:/?#@!$&*+,;=%]*/gi;

/** One word of a text, as found in the original (for highlighting) and folded (for matching). */
export interface Word {
  /** Folded form, the index term. */
  term: string;
  /** Folded parts of a technical word (two characters or more), else empty. */
  parts: string[];
  /** Whether the word is from a script without spaces (segmented, matched by substring). */
  unspaced: boolean;
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | null | undefined;
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

function segmentRun(run: string, offset: number, out: Word[]): void {
  const seg = getSegmenter();
  if (!seg) {
    // No Intl.Segmenter: every character of an unspaced script is a word.
    for (const m of run.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      if (!UNSPACED.test(m[0])) pushWord(m[0], offset + m.index, out);
      else for (let i = 0; i < m[0].length; i++) out.push(unspacedWord(m[0][i]!, offset + m.index + i));
    }
    return;
  }
  for (const s of seg.segment(run)) {
    if (!s.isWordLike) continue;
    if (UNSPACED.test(s.segment)) out.push(unspacedWord(s.segment, offset + s.index));
    else pushWord(s.segment, offset + s.index, out);
  }
}

function unspacedWord(text: string, start: number): Word {
  return { term: fold(text), parts: [], unspaced: true, start, end: start + text.length };
}

function pushWord(text: string, start: number, out: Word[]): void {
  const term = fold(text.includes('[') ? text.replace(MNEMONIC_BRACKETS, '') : text);
  const parts = CONNECTOR.test(term) ? term.split(CONNECTOR).filter((p) => p.length > 1) : [];
  out.push({ term, parts, unspaced: false, start, end: start + text.length });
}

/** The words of `text` in order, with offsets into `text`. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(wordPattern(text))) {
    if (UNSPACED.test(m[0])) segmentRun(m[0], m.index, out);
    else pushWord(m[0], m.index, out);
  }
  return out;
}

/**
 * The folded words of `text`, each once in order, joined by single spaces: what
 * `words(text).map((w) => w.term).join(' ')` gives, made by two native passes (fold, then
 * match) where the text has no script without spaces. For checking phrases in long texts.
 */
export function termSequence(text: string): string {
  if (UNSPACED.test(text))
    return words(text)
      .map((w) => w.term)
      .join(' ');
  const folded = fold(text);
  const sequence = (folded.match(wordPattern(folded)) ?? []).join(' ');
  return sequence.includes('[') ? sequence.replace(MNEMONIC_BRACKETS, '') : sequence;
}

/** Whether a term is worth indexing at all (not a lone letter). */
function isTerm(term: string): boolean {
  return term.length > 1 || IDEOGRAPHIC.test(term) || /\p{N}/u.test(term);
}

/** Whether a term carries meaning on its own (not a stop word, not a lone letter). */
export function isContentTerm(term: string): boolean {
  return !STOPWORDS.has(term) && isTerm(term);
}

/**
 * The index terms of a text, with repeats (their count is the term frequency): each content
 * word and the parts of technical words. `short` is for titles, headings and tags: there
 * stop words (`who`, `at`) and technical words whole (`setup.sh`) are kept too, where they
 * are cheap and can matter; in longer text a technical word of two or more parts is
 * indexed by its parts only (a third of the index otherwise), and a web address by its host.
 */
export function indexTerms(text: string, short = false): string[] {
  const keep = short ? isTerm : isContentTerm;
  const out: string[] = [];
  // A web address in running text counts by its host name (often a product's name), not its path.
  for (const w of words(short ? text : text.replace(WEB_ADDRESS, ' $1 '))) {
    if (w.unspaced) {
      out.push(w.term);
      continue;
    }
    const parts = w.parts.filter(keep);
    // In long text a technical word is indexed by its parts (found again by the words next to each other, see rank.ts).
    if (keep(w.term) && (short || parts.length < 2)) out.push(w.term);
    out.push(...parts);
  }
  return out;
}
