/**
 * The page language an element sits in, and the boxes elements render their interface into. A
 * module of its own: the analytics sink needs `resolveLang` without the strings.
 */

/** The boxes elements render into (`uiRoot`): their `lang` is the interface's, not the page's. */
const uiRoots = new WeakSet<Element>();

/**
 * The box inside `shadow` that an element renders into: `display: contents`, carrying the
 * `lang` and `dir` of the element's interface (set by `KbI18n`), so the element's text
 * reads in its own language and direction whatever the page around it is.
 */
export function uiRoot(shadow: Element | DocumentFragment): HTMLElement {
  const box = document.createElement('div');
  box.className = 'kb-ui';
  uiRoots.add(box);
  shadow.append(box);
  return box;
}

/** True for a box made by {@link uiRoot}. */
export const isUiRoot = (node: Node): boolean => node instanceof Element && uiRoots.has(node);

/**
 * The language that applies to `el`: the nearest `lang` attribute on it or its ancestors,
 * crossing shadow-root boundaries (but not counting the interface boxes of elements it sits
 * in), then `<html lang>`, then `en`.
 */
export function resolveLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && !uiRoots.has(node)) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}
