/** Excerpts: the first paragraph as one line of plain text, cut at a word near 200 characters. */
export const EXCERPT_LENGTH = 200;

export function makeExcerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const chars = Array.from(flat);
  if (chars.length <= length) return flat;
  const head = chars.slice(0, length + 1).join('');
  const space = head.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away too much (a very long word, or a
  // script written without spaces, such as Chinese).
  const cut = space >= length * 0.6 ? head.slice(0, space) : chars.slice(0, length).join('');
  return `${cut.replace(/[\s,;:.\-–—([{]+$/u, '')}…`;
}
