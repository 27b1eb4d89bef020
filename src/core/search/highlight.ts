/** Snippets around the matched words and `<mark>` highlighting over HTML-escaped text. */
import { words } from '../text/tokenize';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** What to highlight: matched index terms, and the query's words of scripts without spaces. */
export interface Highlighter {
  terms: Set<string>;
  unspaced: string[];
}

type Range = [start: number, end: number, key: string];

function matches(text: string, h: Highlighter, offset = 0, out: Range[] = []): Range[] {
  for (const w of words(text)) {
    const start = w.start + offset;
    const end = w.end + offset;
    if (w.unspaced) {
      const q = h.unspaced.find((u) => w.term.includes(u) || u.includes(w.term));
      if (q) out.push([start, end, q]);
    } else if (h.terms.has(w.term)) out.push([start, end, w.term]);
    else {
      const part = w.parts.find((p) => h.terms.has(p));
      if (part) out.push([start, end, part]);
    }
  }
  return out;
}

/** Marks the ranges (in order, not overlapping) that fall in `from`..`to`, starting at range `first`. */
function markRanges(text: string, ranges: Range[], from: number, to: number, first = 0): string {
  let html = '';
  let at = from;
  for (let i = first; i < ranges.length; i++) {
    const [start, end] = ranges[i]!;
    if (start >= to) break;
    if (end <= from) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    html += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole text, escaped, with matched words in `<mark>`. */
export function highlight(text: string, h: Highlighter): string {
  return markRanges(text, matches(text, h), 0, text.length);
}

/** Text a snippet reads, in pieces of about this many characters, cut at white space. */
const SCAN_PIECE = 4096;
/** Once a match is found, how much further a snippet looks for a denser window. */
const SCAN_AFTER_FIRST = 4096;
const SPACE = /\s/g;

/** Index of the first white space at or after `at` within `within` characters, else `at` (text without spaces is cut where it is). */
function nextSpace(text: string, at: number, within = 64): number {
  SPACE.lastIndex = at;
  const found = SPACE.exec(text);
  return found && found.index - at < within ? found.index : at;
}

/**
 * The part of `text` a snippet is chosen from: from a little before the first match to
 * `SCAN_AFTER_FIRST` characters after it, cut at white space. Work in proportion to that
 * (and to the text before the first match), not to the text's length or its matches.
 */
function snippetRegion(text: string, h: Highlighter, length: number): [start: number, end: number] {
  let first = -1;
  for (let at = 0; at < text.length && first < 0;) {
    const end = Math.max(at + 1, nextSpace(text, Math.min(text.length, at + SCAN_PIECE)));
    first = matches(text.slice(at, end), h, at)[0]?.[0] ?? -1;
    at = end;
  }
  if (first < 0) return [0, nextSpace(text, Math.min(text.length, 2 * length))];
  const start = first > length ? nextSpace(text, first - length) : 0;
  return [start, nextSpace(text, Math.min(text.length, first + SCAN_AFTER_FIRST + length))];
}

/**
 * Where the window of `length` characters with the most different matched words starts: one
 * pass over the ranges with a sliding window (each range enters and leaves it once).
 * Windows start a little before a match, so the word is read in context.
 */
function densestWindow(ranges: Range[], length: number): number {
  const counts = new Map<string, number>();
  let best = -1;
  let from = 0;
  let lo = 0;
  let hi = 0;
  for (const [start] of ranges) {
    const anchor = Math.max(0, start - Math.floor(length / 5));
    for (; lo < ranges.length && ranges[lo]![0] < anchor; lo++) {
      if (lo >= hi) continue;
      const key = ranges[lo]![2];
      const n = counts.get(key)! - 1;
      if (n) counts.set(key, n);
      else counts.delete(key);
    }
    for (hi = Math.max(hi, lo); hi < ranges.length && ranges[hi]![1] <= anchor + length; hi++) {
      const key = ranges[hi]![2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size > best) {
      best = counts.size;
      from = anchor;
    }
  }
  return from;
}

/** A window of about `length` characters around the densest matches, as text and as marked HTML. */
export function snippet(text: string, h: Highlighter, length = 180): { text: string; html: string } {
  const [start, end] = snippetRegion(text, h, length);
  const clean = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const ranges = matches(clean, h);
  let from = clean.length > length && ranges.length ? densestWindow(ranges, length) : 0;
  let to = Math.min(clean.length, from + length);
  if (from > 0) {
    const space = clean.indexOf(' ', from);
    if (space >= 0 && space - from < 20 && space < to) from = space + 1;
  }
  if (to < clean.length) {
    const space = clean.lastIndexOf(' ', to);
    if (space > from + length / 2) to = space;
  }
  const head = from > 0 || start > 0 ? '… ' : '';
  const tail = to < clean.length || moreText(text, end) ? ' …' : '';
  return {
    text: head + clean.slice(from, to) + tail,
    html: escapeHtml(head) + markRanges(clean, ranges, from, to, firstEndingAfter(ranges, from)) + escapeHtml(tail),
  };
}

/** Whether `text` has more than white space from `at` on (reading only that white space). */
function moreText(text: string, at: number): boolean {
  SPACE_RUN.lastIndex = at;
  SPACE_RUN.exec(text);
  return SPACE_RUN.lastIndex < text.length;
}
const SPACE_RUN = /\s*/y;

/** Index of the first range that ends after `at` (binary search; ranges are in order). */
function firstEndingAfter(ranges: Range[], at: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
