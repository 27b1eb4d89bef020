import { encodeUriPart } from '../../core/uri-part';
import { KbArticleOpenEvent } from './events';

/**
 * The URL for an article from a host's template (`/help/{id}#{section}`): `{id}` and
 * `{section}` are URL-encoded; a trailing empty `#` is dropped. Undefined without a template.
 */
export function articleHref(template: string | undefined, articleId: string, sectionId?: string): string | undefined {
  if (!template) return undefined;
  return template
    .replaceAll('{id}', encodeUriPart(articleId))
    .replaceAll('{section}', encodeUriPart(sectionId ?? ''))
    .replace(/#$/, '');
}

/**
 * The user asked to open an article from `el`: fires the cancelable `kb-article-open`; if
 * nobody cancelled it and the host gave a URL template, the page goes there. Returns false
 * when a listener cancelled (the host took over).
 */
export function requestArticleOpen(el: HTMLElement, articleId: string, sectionId?: string, urlTemplate?: string): boolean {
  if (!el.dispatchEvent(new KbArticleOpenEvent(articleId, sectionId))) return false;
  const href = articleHref(urlTemplate, articleId, sectionId);
  if (href) location.assign(href);
  return true;
}

/** A click the browser should handle itself (new tab, new window, download). */
export function isModifiedClick(e: MouseEvent): boolean {
  return e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey;
}
