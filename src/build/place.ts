/** Where an article sits, as text for its `place` search field. */
import { splitOrderPrefix } from './categories';

interface PlaceCategory {
  title: string;
  parent?: string;
}

/**
 * The titles of the article's category path, root first, then the words of its folders and
 * file name (order prefixes dropped; `index` and `README` name their folder, not a subject).
 * The index keeps each word once and leaves out the words of the title.
 */
export function placeText(path: string, category: string, categories: ReadonlyMap<string, PlaceCategory>): string {
  const titles: string[] = [];
  const visited = new Set<string>();
  for (let id: string | undefined = category; id !== undefined && !visited.has(id); id = categories.get(id)?.parent) {
    visited.add(id);
    const found = categories.get(id);
    if (found) titles.unshift(found.title);
  }
  const names = path
    .replace(/\.(md|markdown)$/i, '')
    .split('/')
    .map((name) => splitOrderPrefix(name).name)
    .filter((name) => !/^(index|readme)$/i.test(name))
    .map((name) => name.replace(/[-_\s]+/g, ' '));
  return [...titles, ...names].join(' ');
}
