import { decodeUriPart, encodeUriPart } from './uri-part';

/**
 * The widget's locations as URL hashes, used for links inside the help center and for
 * `<kb-help routing="hash">`:
 *
 * | location                       | hash                          |
 * |--------------------------------|-------------------------------|
 * | home                           | `#kb`                         |
 * | article (and section)          | `#kb/<id>` (`#kb/<id>/<section>`) |
 * | category                       | `#kb?category=<id>`           |
 * | search results                 | `#kb?q=<query>`               |
 */

export type KbLocation =
  | { view: 'home' }
  | { view: 'article'; id: string; section?: string }
  | { view: 'category'; id: string }
  | { view: 'search'; query: string };

const enc = encodeUriPart;
const dec = decodeUriPart;

/** The hash of a location. */
export function toHash(location: KbLocation): string {
  switch (location.view) {
    case 'home':
      return '#kb';
    case 'article':
      return location.section ? `#kb/${enc(location.id)}/${enc(location.section)}` : `#kb/${enc(location.id)}`;
    case 'category':
      return `#kb?category=${enc(location.id)}`;
    case 'search':
      return `#kb?q=${enc(location.query)}`;
  }
}

/** The location a hash names, or undefined when the hash is not one of ours. */
export function fromHash(hash: string): KbLocation | undefined {
  const match = /^#kb(?:([/?])(.*))?$/s.exec(hash);
  if (!match) return undefined;
  const [, sep, rest = ''] = match;
  if (!sep) return { view: 'home' };
  if (sep === '/') {
    const [id, ...section] = rest.split('/');
    if (!id) return { view: 'home' };
    const sectionId = section.length ? dec(section.join('/')) : '';
    return sectionId ? { view: 'article', id: dec(id), section: sectionId } : { view: 'article', id: dec(id) };
  }
  const params = new URLSearchParams(rest);
  const category = params.get('category');
  if (category) return { view: 'category', id: category };
  const query = params.get('q')?.trim();
  if (query) return { view: 'search', query };
  return { view: 'home' };
}

/** Two locations are the same place. */
export function sameLocation(a: KbLocation, b: KbLocation): boolean {
  return toHash(a) === toHash(b);
}
