/**
 * THE one path from an HTML string to the DOM. Every piece of HTML the elements show (article
 * bodies, category intros, a tip's section text) goes through here and comes out as a
 * DocumentFragment of sanitized nodes: nothing is re-serialized and parsed again, so
 * mutation-XSS strings have no second parse to exploit. No other module may use `innerHTML`,
 * `unsafeHTML` or DOMPurify.
 *
 * Policy (see docs/api.md):
 * - HTML only: no SVG, no MathML, no scripts, styles, forms, frames or embeds.
 * - No `on*` handlers, no `style` attributes or elements (a strict CSP would block them and
 *   report violations; they are cut from the string before it is even parsed),
 *   no `data-*`, no attributes that reach into the host page (`part`, `slot`, `popover*`,
 *   `tabindex`, ...), no classes in our own `kb-` namespace.
 * - URLs: only `http:`, `https:`, `mailto:`, `tel:` and relative URLs; `javascript:`,
 *   `data:` and every other scheme are dropped (the attribute goes, the element stays).
 * - Links to other articles are marked for in-widget navigation; links to another origin
 *   open in a new tab with `rel="noopener noreferrer"`; relative URLs resolve against the
 *   bundle's base URL. Images load lazily.
 */
import DOMPurify, { type Config, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { stripInlineStyles } from './strip-inline-styles';

/** Where an article link points, as the widget navigates to it. */
export interface ArticleLinkTarget {
  articleId: string;
  sectionId?: string;
  /** The href to show on the link (defaults to the authored one, resolved). */
  href?: string;
}

export interface SanitizeOptions {
  /** Base URL that relative links and media resolve against (the bundle's URL). */
  baseUrl?: string | URL;
  /** Decides whether an (authored, resolved) href is a link to an article of the knowledge base. */
  articleLink?: (href: string, authored: string) => ArticleLinkTarget | undefined;
}

/** Attributes set by the sanitizer on article links; authors cannot set `data-*` themselves. */
export const ARTICLE_LINK_ATTR = 'data-kb-article';
export const SECTION_LINK_ATTR = 'data-kb-section';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'action', 'formaction', 'background', 'longdesc', 'xlink:href', 'srcset']);
// ASCII whitespace and C0 controls are ignored by URL parsing ("java\tscript:" is javascript:).
// eslint-disable-next-line no-control-regex
const URL_IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const MEDIA_TAGS = new Set(['img', 'video', 'audio', 'source', 'track']);

const ARTICLE_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'link', 'meta', 'base', 'form', 'button', 'textarea', 'select', 'option', 'optgroup',
    'datalist', 'dialog', 'template', 'slot', 'iframe', 'frame', 'object', 'embed', 'portal', 'noscript',
  ],
  FORBID_ATTR: [
    'style', 'srcset', 'sizes', 'part', 'exportparts', 'slot', 'nonce', 'tabindex', 'autofocus', 'inert',
    'popover', 'popovertarget', 'popovertargetaction', 'command', 'commandfor', 'action', 'formaction',
    'method', 'enctype', 'autoplay', 'draggable', 'accesskey', 'contenteditable', 'ping', 'is', 'target',
    'background', 'usemap', 'integrity', 'crossorigin',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};

/** True when a URL attribute value uses a scheme other than the allowed ones. */
export function isUnsafeUrl(value: string): boolean {
  const scheme = value.replace(URL_IGNORED, '').match(SCHEME)?.[1]?.toLowerCase();
  return scheme !== undefined && !ALLOWED_SCHEMES.has(scheme);
}

function resolve(value: string, base: string | URL | undefined): string {
  if (!base || value.startsWith('#')) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function isOtherOrigin(href: string): boolean {
  try {
    const url = new URL(href, document.baseURI);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin;
  } catch {
    return false;
  }
}

// Options of the sanitize() call in progress (sanitizing is synchronous).
let current: SanitizeOptions = {};

function checkAttribute(node: Element, event: UponSanitizeAttributeHookEvent) {
  const name = event.attrName;
  if (name.startsWith('on')) {
    event.keepAttr = false;
  } else if (URL_ATTRIBUTES.has(name) && isUnsafeUrl(event.attrValue)) {
    event.keepAttr = false;
  } else if (name === 'class') {
    event.attrValue = event.attrValue
      .split(/\s+/)
      .filter((token) => token && !token.startsWith('kb-'))
      .join(' ');
  } else if (name === 'type' && node.localName === 'input' && event.attrValue.toLowerCase() !== 'checkbox') {
    event.keepAttr = false;
  }
}

function finishElement(node: Element) {
  const tag = node.localName;
  if (tag === 'a' && node.hasAttribute('href')) finishLink(node as HTMLAnchorElement);
  if (MEDIA_TAGS.has(tag) && node.hasAttribute('src')) {
    node.setAttribute('src', resolve(node.getAttribute('src')!, current.baseUrl));
  }
  if (tag === 'video' && node.hasAttribute('poster')) {
    node.setAttribute('poster', resolve(node.getAttribute('poster')!, current.baseUrl));
  }
  if (tag === 'img') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
  if (tag === 'input') {
    // Only read-only task-list checkboxes survive (GitHub task lists).
    if (node.getAttribute('type') !== 'checkbox') node.remove();
    else node.setAttribute('disabled', '');
  }
}

function finishLink(link: HTMLAnchorElement) {
  const authored = link.getAttribute('href')!;
  const href = resolve(authored, current.baseUrl);
  const article = current.articleLink?.(href, authored);
  if (article) {
    link.setAttribute(ARTICLE_LINK_ATTR, article.articleId);
    if (article.sectionId) link.setAttribute(SECTION_LINK_ATTR, article.sectionId);
    link.setAttribute('href', article.href ?? href);
    return;
  }
  if (authored.startsWith('#')) return;
  link.setAttribute('href', href);
  if (isOtherOrigin(href)) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
}

function createArticlePurifier() {
  const purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', checkAttribute);
  purifier.addHook('afterSanitizeAttributes', finishElement);
  return purifier;
}

// Our own instance: the hooks never touch a DOMPurify the host page uses.
const articlePurifier = createArticlePurifier();

/**
 * Sanitizes article (or category intro) HTML into a fragment ready to insert into a shadow
 * root. Relative URLs resolve against `options.baseUrl`; links that `options.articleLink`
 * recognises carry `data-kb-article` (and `data-kb-section`).
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): DocumentFragment {
  current = options;
  try {
    const clean = articlePurifier.sanitize(stripInlineStyles(String(html ?? '')), ARTICLE_CONFIG) as unknown as DocumentFragment;
    return document.adoptNode(clean);
  } finally {
    current = {};
  }
}
