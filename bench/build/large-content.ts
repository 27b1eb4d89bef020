/**
 * Generated content for the build's linear-time budget: articles of ordinary prose of a given
 * size, and hostile shapes (one huge paragraph, repeated words, constructs that never close).
 * Deterministic (a fixed pseudo-random sequence), our own words.
 */

const WORDS = (
  'the a to of and in is for on with as by at from your this that be are can mail domain server message ' +
  'spam filter inbox account setting user address record delivery quarantine archive rule sender ' +
  'recipient header score threshold incoming outgoing relay route check list allow block report ' +
  'panel click open save change add remove when if then before after each every some more less new'
).split(' ');

/** A small linear congruential generator: the same text on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * An article of about `bytes` of prose as help centers write it: headings every few
 * paragraphs, some emphasis, code, links and lists.
 */
export function proseArticle(bytes: number, seed = 1): string {
  const next = random(seed);
  const parts: string[] = ['# A long article\n'];
  let size = parts[0].length;
  for (let block = 0; size < bytes; block++) {
    let text: string;
    if (block % 12 === 0) text = `## Section ${block / 12 + 1}: ${sentence(next).slice(0, -1)}`;
    else if (block % 7 === 0) text = Array.from({ length: 4 }, () => `- ${sentence(next)}`).join('\n');
    else if (block % 11 === 0) text = '```sh\nkb-admin set spam.threshold 5\n```';
    else {
      text = Array.from({ length: 3 + Math.floor(next() * 5) }, () => sentence(next)).join(' ');
      if (block % 5 === 0) text += ' See [the settings](https://example.org/settings) and **check** the `score`.';
    }
    parts.push(text);
    size += text.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

/** One paragraph of `bytes`: sentences on lines of their own, and not one blank line. */
export function singleParagraph(bytes: number, seed = 2): string {
  const next = random(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = sentence(next);
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** Hostile shapes: each a small body repeated to about `bytes`. */
export const HOSTILE_SHAPES: Record<string, string> = {
  'one word repeated ("spam ")': 'spam ',
  'unclosed template syntax ("{{ ")': '{{ x ',
  'footnote references without notes ("[^n] ")': 'a[^n] ',
  'emphasis runs ("*a* _b_ ")': '*a* _b_ ',
  'unclosed "<" ("a <b ")': 'a <b ',
  'admonition starts inside a paragraph': 'text\n!!! ',
  'headings with the same text ("## Setup")': '## Setup\n\n',
  'raw HTML with handlers': '<span onclick="x()">a</span> ',
};

export function repeated(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length));
}
