/**
 * The language that applies to `el`: the nearest `lang` attribute on it or its ancestors,
 * crossing shadow-root boundaries, then `<html lang>`, then `en`. A module of its own: the
 * analytics sink needs it without the strings.
 */
export function resolveLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}
