import { decodeUriPart as decode } from '../../core/uri-part';
import { fromHash, toHash } from '../../core/hash-route';
import type { ArticleLinkTarget } from '../shared/sanitize';

/** What the link resolver needs to know about the knowledge base. */
export interface ArticleLookup {
  articleMeta(id: string): unknown;
}

function target(articleId: string, sectionId: string | undefined): ArticleLinkTarget {
  return sectionId
    ? { articleId, sectionId, href: toHash({ view: 'article', id: articleId, section: sectionId }) }
    : { articleId, href: toHash({ view: 'article', id: articleId }) };
}

/**
 * Recognises a link to another article of the knowledge base, in any of the forms the
 * build may leave: the widget's own `#kb/<id>[/<section>]`, or a URL whose last path
 * segment (without `.md` / `.html`) is an article id, with an optional `#section`, on the
 * bundle's own origin; a `.md` link is one even when its article is missing (the widget then
 * says "not found"). Returns undefined for everything else (external or unknown links).
 */
export function resolveArticleLink(kb: ArticleLookup, href: string, authored: string, base: string): ArticleLinkTarget | undefined {
  const own = fromHash(authored);
  if (own) return own.view === 'article' && kb.articleMeta(own.id) ? target(own.id, own.section) : undefined;
  if (authored.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(base).origin) return undefined;
  const file = decode(url.pathname.split('/').pop() ?? '');
  const segment = file.replace(/\.(md|markdown|html?)$/i, '');
  // A Markdown link to a missing article still opens inside the widget, as "not found".
  if (!segment || (!kb.articleMeta(segment) && !/\.(md|markdown)$/i.test(file))) return undefined;
  return target(segment, url.hash ? decode(url.hash.slice(1)) || undefined : undefined);
}
