import { sanitizeHtml } from '../shared/sanitize';

const HEADING = /^H([1-6])$/;

/** Cuts `text` at a word boundary near `max` characters, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/**
 * The plain text of one section of an article: what follows the heading with id `sectionId`,
 * up to the next heading of the same or a higher level. The HTML goes through the one
 * sanitizer first; only text comes out. Empty when the section is not found.
 */
export function sectionText(articleHtml: string, sectionId: string): string {
  const fragment = sanitizeHtml(articleHtml);
  let heading: Element | null = fragment.getElementById(sectionId);
  if (!heading) return '';
  if (!HEADING.test(heading.tagName)) heading = heading.closest('h1,h2,h3,h4,h5,h6') ?? heading;
  const level = Number(HEADING.exec(heading.tagName)?.[1] ?? 6);
  // Walk from the heading's top-level block, so a heading wrapped in a <div> still works.
  let block: Element = heading;
  while (block.parentElement) block = block.parentElement;
  const parts: string[] = [];
  for (let next = block.nextElementSibling; next; next = next.nextElementSibling) {
    const nextLevel = HEADING.exec(next.tagName)?.[1];
    if (nextLevel && Number(nextLevel) <= level) break;
    parts.push(next.textContent ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
