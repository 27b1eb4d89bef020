import type { KbStrings } from '../shared/strings';

/**
 * Adds the widget's own controls to a sanitized article body (a fragment from
 * `sanitizeHtml`), with DOM calls only: heading anchors (beside each heading, in a
 * `kb-heading` box), a copy button on each code block,
 * a scroll box around each table, and a hidden "(opens in a new tab)" on external links.
 * Everything it adds carries a `kb-` class (authors cannot use those, the sanitizer strips
 * them), so click handling and styles can tell our controls from article content.
 */
export function enhanceBody(body: DocumentFragment, t: KbStrings): DocumentFragment {
  for (const heading of body.querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id]')) addAnchor(heading, t);
  for (const pre of body.querySelectorAll('pre')) wrapCode(pre, t);
  for (const table of body.querySelectorAll('table')) wrap(table, 'kb-table');
  for (const link of body.querySelectorAll('a[target="_blank"]')) {
    link.append(hidden(` ${t.opensInNewTab}`));
  }
  return body;
}

function hidden(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'visually-hidden';
  span.textContent = text;
  return span;
}

/**
 * The "#" link to a heading, placed beside it (not inside: a heading's name would then end in
 * the link's, and be read twice). Named "Link to this section", described by the heading.
 */
function addAnchor(heading: HTMLElement, t: KbStrings) {
  heading.tabIndex = -1;
  const anchor = document.createElement('a');
  anchor.className = 'kb-anchor';
  anchor.href = `#${heading.id}`;
  anchor.setAttribute('aria-label', t.linkToSection);
  anchor.setAttribute('aria-describedby', heading.id);
  anchor.textContent = '#';
  wrap(heading, 'kb-heading').append(anchor);
}

function wrap(element: Element, className: string): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  element.replaceWith(box);
  box.append(element);
  return box;
}

function wrapCode(pre: HTMLPreElement, t: KbStrings) {
  const box = wrap(pre, 'kb-code');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'kb-copy';
  button.textContent = t.copyCode;
  box.append(button);
}

/** The text a copy button copies: the code of its block, exactly as written. */
export function codeOf(button: Element): string {
  return button.closest('.kb-code')?.querySelector('pre')?.textContent ?? '';
}

/** Makes tables and code blocks that overflow focusable, so keyboard users can scroll them. */
export function updateScrollables(root: ParentNode) {
  for (const box of root.querySelectorAll<HTMLElement>('.kb-table, .kb-code pre')) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }
}
