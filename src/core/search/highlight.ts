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

function matches(text: string, h: Highlighter): Range[] {
  const out: Range[] = [];
  for (const w of words(text)) {
    if (w.unspaced) {
      const q = h.unspaced.find((u) => w.term.includes(u) || u.includes(w.term));
      if (q) out.push([w.start, w.end, q]);
    } else if (h.terms.has(w.term)) out.push([w.start, w.end, w.term]);
    else {
      const part = w.parts.find((p) => h.terms.has(p));
      if (part) out.push([w.start, w.end, part]);
    }
  }
  return out;
}

function markRanges(text: string, ranges: Range[], from: number, to: number): string {
  let html = '';
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
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

/** A window of about `length` characters around the densest matches, as text and as marked HTML. */
export function snippet(text: string, h: Highlighter, length = 180): { text: string; html: string } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const ranges = matches(clean, h);
  let from = 0;
  if (clean.length > length && ranges.length) {
    let bestCount = -1;
    for (const [start] of ranges) {
      const anchor = Math.max(0, start - Math.floor(length / 5));
      const keys = new Set(ranges.filter(([s, e]) => s >= anchor && e <= anchor + length).map((r) => r[2]));
      if (keys.size > bestCount) {
        bestCount = keys.size;
        from = anchor;
      }
    }
  }
  let to = Math.min(clean.length, from + length);
  if (from > 0) {
    const space = clean.indexOf(' ', from);
    if (space >= 0 && space - from < 20 && space < to) from = space + 1;
  }
  if (to < clean.length) {
    const space = clean.lastIndexOf(' ', to);
    if (space > from + length / 2) to = space;
  }
  const head = from > 0 ? '… ' : '';
  const tail = to < clean.length ? ' …' : '';
  return {
    text: head + clean.slice(from, to) + tail,
    html: escapeHtml(head) + markRanges(clean, ranges, from, to) + escapeHtml(tail),
  };
}
