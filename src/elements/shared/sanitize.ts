/**
 * THE one path from an HTML string to the DOM. Every piece of HTML the elements show (article
 * bodies, category intros, a tip's section text) goes through here and comes out as a
 * DocumentFragment of sanitized nodes: nothing is re-serialized and parsed again, so
 * mutation-XSS strings have no second parse to exploit. No other module may use `innerHTML`,
 * `unsafeHTML` or DOMPurify.
 *
 * The policy (what may be shown) is src/core/sanitize-policy.ts, shared with the build. This
 * module adds what only the page needs: links to other articles are marked for in-widget
 * navigation; links to another origin open in a new tab with `rel="noopener noreferrer"`;
 * relative URLs resolve against the bundle's base URL, and media that would load from the
 * bundle's or the page's origin outside the bundle's folder lose their URL (the policy's media
 * rule); images load lazily; inline styles are kept from the parser (./hide-style-names) so a
 * strict CSP has nothing to report.
 */
import DOMPurify, { type Config, type UponSanitizeAttributeHookEvent, type UponSanitizeElementHookEvent } from 'dompurify';
import {
  applyAttributePolicy,
  articlePurifyConfig,
  keepsElement,
  mediaScope,
  loadsByItself,
  type MediaScope,
} from '../../core/sanitize-policy';
import { hideStyleNames, isHiddenStyleElement, restoreStyleNames } from './hide-style-names';

/** Where an article link points, as the widget navigates to it. */
export interface ArticleLinkTarget {
  articleId: string;
  sectionId?: string;
  /** The href to show on the link (defaults to the authored one, resolved). */
  href?: string;
}

export interface SanitizeOptions {
  /**
   * Base URL that relative links and media resolve against (the bundle's URL, or the folder of
   * its files; default: the page's). Media load only from its folder or from another site.
   */
  baseUrl?: string | URL;
  /** Decides whether an (authored, resolved) href is a link to an article of the knowledge base. */
  articleLink?: (href: string, authored: string) => ArticleLinkTarget | undefined;
}

/** Attributes set by the sanitizer on article links; authors cannot set `data-*` themselves. */
export const ARTICLE_LINK_ATTR = 'data-kb-article';
export const SECTION_LINK_ATTR = 'data-kb-section';

const ARTICLE_CONFIG: Config = { ...articlePurifyConfig(), RETURN_DOM_FRAGMENT: true };

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

// Options of the sanitize() call in progress (sanitizing is synchronous), and where its media may load from.
let current: SanitizeOptions = {};
let currentScope: MediaScope | undefined;

function scopeOf(base: string | URL | undefined): MediaScope {
  try {
    return mediaScope(new URL(base ?? document.baseURI, document.baseURI).href, location.origin);
  } catch {
    return mediaScope(document.baseURI, location.origin);
  }
}

function checkElement(node: Node, event: UponSanitizeElementHookEvent) {
  if (event.tagName === '#text') (node as Text).data = restoreStyleNames((node as Text).data);
  else if (isHiddenStyleElement(event.tagName)) (node as Element).remove();
}

function checkAttribute(node: Element, event: UponSanitizeAttributeHookEvent) {
  event.attrValue = restoreStyleNames(event.attrValue);
  applyAttributePolicy(node.localName, event, currentScope);
}

function finishElement(node: Element) {
  const tag = node.localName;
  if (tag === 'a' && node.hasAttribute('href')) finishLink(node as HTMLAnchorElement);
  for (const attribute of [...node.attributes]) {
    if (loadsByItself(tag, attribute.name)) attribute.value = resolve(attribute.value, current.baseUrl);
  }
  if (tag === 'img') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
  if (!keepsElement(tag, node.getAttribute('type'))) node.remove();
  else if (tag === 'input') node.setAttribute('disabled', '');
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
  purifier.addHook('uponSanitizeElement', checkElement);
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
  currentScope = scopeOf(options.baseUrl);
  try {
    const clean = articlePurifier.sanitize(hideStyleNames(String(html ?? '')), ARTICLE_CONFIG) as unknown as DocumentFragment;
    return document.adoptNode(clean);
  } finally {
    current = {};
    currentScope = undefined;
  }
}
