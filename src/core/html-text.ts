/** Plain text of article HTML per section, without a DOM (for snippets and phrase checks). */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', copy: '©' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Tags that separate words; every other tag (strong, a, code, ...) sits inside a sentence. */
const BREAKING_TAG = /<\/?(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(BREAKING_TAG, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

const HEADING = /<h([1-6])\b[^>]*\bid\s*=\s*["']([^"']*)["'][^>]*>/gi;

/** Text of each section by heading id (`''` for the text before the first heading). */
export function sectionTexts(html: string): Map<string, string> {
  const out = new Map<string, string>();
  let id = '';
  let at = 0;
  for (const m of html.matchAll(HEADING)) {
    out.set(id, `${out.get(id) ?? ''} ${htmlToText(html.slice(at, m.index))}`.trim());
    id = decodeEntities(m[2]!);
    const close = html.indexOf('</h', m.index);
    at = close >= 0 ? html.indexOf('>', close) + 1 : m.index + m[0].length;
  }
  out.set(id, `${out.get(id) ?? ''} ${htmlToText(html.slice(at))}`.trim());
  return out;
}
