import { sanitizeHtml, type SanitizeOptions } from '../shared/sanitize';

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
 * One section of an article, sanitized: the blocks after the heading with id `sectionId`, up
 * to the next heading of the same or a higher level (tables, lists and code included). The
 * HTML goes through the one sanitizer. Undefined when the section is not found or empty.
 */
export function sectionContent(articleHtml: string, sectionId: string, options: SanitizeOptions = {}): DocumentFragment | undefined {
  const fragment = sanitizeHtml(articleHtml, options);
  let heading: Element | null = fragment.getElementById(sectionId);
  if (!heading) return undefined;
  if (!HEADING.test(heading.tagName)) heading = heading.closest('h1,h2,h3,h4,h5,h6') ?? heading;
  const level = Number(HEADING.exec(heading.tagName)?.[1] ?? 6);
  // Walk from the heading's top-level block, so a heading wrapped in a <div> still works.
  let block: Element = heading;
  while (block.parentElement) block = block.parentElement;
  const section = document.createDocumentFragment();
  for (let next = block.nextElementSibling; next;) {
    const nextLevel = HEADING.exec(next.tagName)?.[1];
    if (nextLevel && Number(nextLevel) <= level) break;
    const following = next.nextElementSibling;
    section.append(next);
    next = following;
  }
  return section.childNodes.length ? section : undefined;
}
