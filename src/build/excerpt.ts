/** Excerpts: the first paragraph as one line of plain text, cut at a word near 200 characters. */
export const EXCERPT_LENGTH = 200;

export function makeExcerpt(text: string, length = EXCERPT_LENGTH): string {
  // Only the start matters: a paragraph of megabytes is not flattened whole (unless it
  // starts with a run of white space longer than that).
  const start = text.slice(0, 4 * length);
  let flat = start.replace(/\s+/g, ' ').trim();
  if (start.length < text.length && flat.length <= length + 1) flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat.slice(0, 2 * length + 2));
  if (flat.length <= length || (chars.length <= length && flat.length <= 2 * length + 2)) return flat;
  const head = chars.slice(0, length + 1).join('');
  const space = head.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away too much (a very long word, or a
  // script written without spaces, such as Chinese).
  const cut = space >= length * 0.6 ? head.slice(0, space) : chars.slice(0, length).join('');
  return `${cut.replace(/[\s,;:.\-–—([{]+$/u, '')}…`;
}
