/**
 * A small HTML tag scanner for the build. Raw HTML in Markdown is kept for the elements'
 * sanitizer (DOMPurify) to judge, but the bundle itself never carries scripts, event-handler
 * attributes or script URLs: this pass removes them, and lets the build rewrite the URLs of
 * raw `<a href>` and `<img src>` like Markdown links and images. Text is never touched
 * (marked has escaped it), so the scan only has to understand tags.
 */
import { decodeEntities, escapeHtml } from './html-text';

export interface RemovedPart {
  /** What went: `<script>`, `onclick`, `javascript: URL`. */
  what: string;
  tag: string;
}

/** Rewrites a URL attribute of a raw tag; return the new value, or `null` to drop the attribute. */
export type UrlRewriter = (tag: string, attribute: string, value: string) => string | null | undefined;

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'cite', 'background', 'data']);
/** Attributes that can carry a script URL without being URLs themselves (SVG `<set to="javascript:…">`). */
const SCRIPT_CARRIERS = new Set(['to', 'from', 'values']);
/** HTML inside an attribute: a document of its own, so its scripts would run. */
const DOCUMENT_ATTRIBUTES = new Set(['srcdoc']);
const SCRIPT_SCHEME = /^(?:javascript|vbscript|livescript):/i;
const HTML_DATA_URL = /^data:(?!image\/(?:png|gif|jpe?g|webp|avif);)/i;
// eslint-disable-next-line no-control-regex
const URL_IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;
const NAME = /^[A-Za-z][\w:-]*/;
const ATTRIBUTE_NAME = /[^\s"'>/=]+/y;
const UNQUOTED = /[^\s>]*/y;

/**
 * True for `javascript:` (and `vbscript:`, and `data:` other than images) however it is
 * disguised: character references with or without `;`, named ones a browser knows and we do
 * not (`&Tab;`), whitespace and control characters inside the scheme.
 */
export function isScriptUrl(value: string): boolean {
  const url = decodeEntities(value)
    .replace(/&#(x[0-9a-f]+|[0-9]+);?/gi, (_, ref: string) => {
      const code = ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/&([a-z][a-z0-9]*);?/gi, (_, name: string) => (name.toLowerCase() === 'colon' ? ':' : ''))
    .replace(URL_IGNORED, '');
  return SCRIPT_SCHEME.test(url) || HTML_DATA_URL.test(url);
}

export function filterHtml(html: string, rewriteUrl?: UrlRewriter): { html: string; removed: RemovedPart[] } {
  const removed: RemovedPart[] = [];
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    const nameMatch = NAME.exec(html.slice(lt + (closing ? 2 : 1), lt + 64));
    if (!nameMatch) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    const parsed = parseTag(html, lt + (closing ? 2 : 1) + nameMatch[0].length);
    if (!parsed) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = parsed.end;
    if (tag === 'script') {
      if (!closing) {
        removed.push({ what: '<script>', tag });
        const end = html.slice(i).search(/<\/script\s*>/i);
        i = end < 0 ? html.length : i + end + html.slice(i + end).indexOf('>') + 1;
      }
      continue;
    }
    if (closing) {
      out += `</${nameMatch[0]}>`;
      continue;
    }
    out += `<${nameMatch[0]}`;
    for (const { name, value } of parsed.attributes) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || DOCUMENT_ATTRIBUTES.has(lower)) {
        removed.push({ what: lower, tag });
        continue;
      }
      if (value !== undefined && SCRIPT_CARRIERS.has(lower) && isScriptUrl(value)) {
        removed.push({ what: `${lower}="${value.slice(0, 20)}…"`, tag });
        continue;
      }
      let kept: string | null | undefined = value;
      if (value !== undefined && URL_ATTRIBUTES.has(lower)) {
        if (isScriptUrl(value)) {
          removed.push({ what: `${decodeEntities(value).replace(URL_IGNORED, '').split(':')[0].toLowerCase()}: URL`, tag });
          continue;
        }
        const rewritten = rewriteUrl?.(tag, lower, decodeEntities(value));
        if (rewritten === null) continue;
        if (rewritten !== undefined) kept = escapeHtml(rewritten);
      }
      out += kept === undefined ? ` ${name}` : ` ${name}="${kept.replace(/"/g, '&quot;')}"`;
    }
    out += parsed.selfClosing ? ' />' : '>';
  }
  return { html: out, removed };
}

interface ParsedTag {
  attributes: { name: string; value?: string }[];
  selfClosing: boolean;
  /** Index just after the closing `>`. */
  end: number;
}

/** Reads attributes from `start` to the tag's `>`; undefined when the tag never closes. */
function parseTag(html: string, start: number): ParsedTag | undefined {
  const attributes: ParsedTag['attributes'] = [];
  let i = start;
  for (;;) {
    while (i < html.length && /[\s/]/.test(html[i]) && !(html[i] === '/' && html[i + 1] === '>')) i++;
    if (i >= html.length) return undefined;
    if (html[i] === '>') return { attributes, selfClosing: false, end: i + 1 };
    if (html[i] === '/' && html[i + 1] === '>') return { attributes, selfClosing: true, end: i + 2 };
    ATTRIBUTE_NAME.lastIndex = i;
    const nameMatch = ATTRIBUTE_NAME.exec(html);
    if (!nameMatch) return undefined;
    const name = nameMatch[0];
    i += name.length;
    while (/\s/.test(html[i] ?? '')) i++;
    if (html[i] !== '=') {
      attributes.push({ name });
      continue;
    }
    i++;
    while (/\s/.test(html[i] ?? '')) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const end = html.indexOf(quote, i + 1);
      if (end < 0) return undefined;
      attributes.push({ name, value: html.slice(i + 1, end) });
      i = end + 1;
    } else {
      UNQUOTED.lastIndex = i;
      const value = UNQUOTED.exec(html)![0];
      attributes.push({ name, value });
      i += value.length;
    }
  }
}
