/**
 * Removes `style` attributes and `<style>` elements from an HTML string before it is parsed.
 *
 * Not a security measure: DOMPurify drops both anyway. But under a strict CSP
 * (`style-src 'self'`) the browser reports a violation as soon as it *parses* an inline
 * style, even in an inert document (DOMParser, template, createHTMLDocument: all tried), so
 * authored styles would fill the host's CSP reports. This scan only understands tags:
 * comments and text pass through unchanged, quoted attribute values may hold `>`.
 */
const TAG_NAME = /[A-Za-z][^\s/>]*/y;
const ATTRIBUTE_NAME = /[^\s"'>/=]+/y;
const UNQUOTED = /[^\s>]*/y;
const SPACE = /[\s/]*/y;

function match(re: RegExp, text: string, at: number): string {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? '';
}

/** Index just past the attribute value starting at `at` (after `=` and spaces). */
function valueEnd(html: string, at: number): number {
  const quote = html[at];
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, at + 1);
    return close < 0 ? html.length : close + 1;
  }
  return at + match(UNQUOTED, html, at).length;
}

export function stripInlineStyles(html: string): string {
  if (!/style/i.test(html)) return html;
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return out + html.slice(i);
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      out += html.slice(lt, i);
      continue;
    }
    const name = match(TAG_NAME, html, lt + 1);
    if (!name) {
      out += '<';
      i = lt + 1;
      continue;
    }
    if (name.toLowerCase() === 'style') {
      const close = html.toLowerCase().indexOf('</style', lt);
      const end = close < 0 ? -1 : html.indexOf('>', close);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    // Copy the tag attribute by attribute, leaving out `style`.
    let j = lt + 1 + name.length;
    out += html.slice(lt, j);
    for (;;) {
      const space = match(SPACE, html, j);
      out += space;
      j += space.length;
      if (j >= html.length || html[j] === '>') break;
      const attribute = match(ATTRIBUTE_NAME, html, j) || html[j]!;
      let end = j + attribute.length;
      const eq = /^\s*=\s*/.exec(html.slice(end, end + 64));
      if (eq) end = valueEnd(html, end + eq[0].length);
      if (attribute.toLowerCase() !== 'style') out += html.slice(j, end);
      else if (space) out = out.slice(0, -space.length);
      j = end;
    }
    i = j;
  }
  return out;
}
