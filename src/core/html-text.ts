/**
 * Plain text of article HTML per section, without a DOM (for snippets and phrase checks).
 * Linear in the HTML whatever it holds: every pattern below either matches where it starts or
 * is not tried there, so nothing is rescanned. A tag, comment or raw-text element that never
 * ends runs to the end of the input, as in a browser.
 */

const NAMED = new Map(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    mdash: '—',
    ndash: '–',
    hellip: '…',
    laquo: '«',
    raquo: '»',
    copy: '©',
  }),
);

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED.get(e.toLowerCase()) ?? m;
  });
}

/** Comments, elements whose content the reader does not see, and tags that separate words: each becomes a space. */
const SEPARATING = new RegExp(
  [
    '<!--[\\s\\S]*?(?:-->|$)',
    '<(script|style|template|noscript|iframe|noembed|noframes|textarea|title|xmp)\\b[\\s\\S]*?(?:</\\1\\s*>|$)',
    '</?(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\\b[^>]*(?:>|$)',
  ].join('|'),
  'gi',
);
/** Every other tag (strong, a, code, ...) sits inside a sentence; `<` before anything but a letter, `/`, `!` or `?` is text. */
const INLINE_TAG = /<(?:\/?[a-z]|[!?/])[^>]*(?:>|$)/gi;

export function htmlToText(html: string): string {
  return decodeEntities(html.replace(SEPARATING, ' ').replace(INLINE_TAG, '')).replace(/\s+/g, ' ').trim();
}

const HEADING = /<h[1-6]\b([^>]*)(?:>|$)/gi;
const ID_ATTRIBUTE = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** Text of each section by heading id (`''` for the text before the first heading). */
export function sectionTexts(html: string): Map<string, string> {
  /** The HTML of each section, by id (an id may come back: its pieces add up). */
  const pieces = new Map<string, string[]>([['', []]]);
  let id = '';
  let at = 0;
  /** Where the next `</h` is and the `>` after it (searched again only once passed; -1: none). */
  let close = 0;
  let closeEnd = -1;
  for (const m of html.matchAll(HEADING)) {
    const attribute = ID_ATTRIBUTE.exec(m[1]!);
    if (!attribute) continue;
    if (m.index > at) pieces.get(id)!.push(html.slice(at, m.index));
    id = decodeEntities(attribute[1] ?? attribute[2] ?? attribute[3]!);
    if (!pieces.has(id)) pieces.set(id, []);
    if (close >= 0 && close < m.index) {
      close = html.indexOf('</h', m.index);
      closeEnd = close < 0 ? -1 : html.indexOf('>', close);
    }
    at = closeEnd < 0 ? m.index + m[0].length : closeEnd + 1;
  }
  pieces.get(id)!.push(html.slice(at));
  const out = new Map<string, string>();
  // Each piece ends at a heading, so joining them with a space splits no tag nor entity.
  for (const [key, parts] of pieces) out.set(key, htmlToText(parts.join(' ')));
  return out;
}
