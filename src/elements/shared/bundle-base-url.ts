import type { KnowledgeBase } from '../../core/index';

/**
 * The base URL an article's relative links and images resolve against: the knowledge base's
 * own (the bundle's URL after `KnowledgeBase.load`, or `meta.baseUrl`), else the element's
 * `src`, else the page.
 */
export function bundleBaseUrl(kb: KnowledgeBase, src: string): string {
  const page = document.baseURI;
  const bundle = src ? new URL(src, page).href : page;
  try {
    return new URL(kb.baseUrl ?? bundle, bundle).href;
  } catch {
    return bundle;
  }
}
