/**
 * What articles call each other: the text of the links between them, gathered as the links
 * are resolved, for the target's `links` search field. Capped, so that a page linked from
 * everywhere does not match everything, and one page with many links cannot flood another.
 */
import { isContentTerm, words } from '../core/text/tokenize';

export const LINK_TEXT_LIMITS = {
  /** Different link texts kept for one article: the ones most articles use first. */
  perTarget: 16,
  /** Different link texts one article gives another. */
  perPair: 3,
  /** Link texts one article gives all others together. */
  perSource: 200,
  /** Words kept of one link text. */
  words: 12,
} as const;

/** Link texts that say nothing about their target (`here`, `read more`, `this page`), in the languages of our strings. */
export const GENERIC_LINK_WORDS = new Set(
  (
    'here click read more link page see details learn documentation docs article guide section info information ' +
    'hier klicken mehr lesen weiterlesen seite lees meer klik pagina'
  ).split(' '),
);

interface Entry {
  text: string;
  sources: Set<string>;
}

export class LinkTextCollector {
  readonly #byTarget = new Map<string, Map<string, Entry>>();
  readonly #perSource = new Map<string, number>();
  readonly #perPair = new Map<string, number>();

  /** Notes that `source` (an article id, or `category:<id>` for a category's intro) links to article `target` with `text`. */
  add(source: string, target: string, text: string): void {
    if (source === target) return;
    // Kept by their content words: "the widget settings" and "Widget settings" are one text.
    const terms = words(text.slice(0, 400))
      .filter((w) => isContentTerm(w.term) || w.parts.length)
      .map((w) => w.term)
      .slice(0, LINK_TEXT_LIMITS.words);
    if (!terms.some((t) => !GENERIC_LINK_WORDS.has(t))) return;
    const key = terms.join(' ');
    const entries = this.#byTarget.get(target) ?? new Map<string, Entry>();
    const known = entries.get(key);
    if (known?.sources.has(source)) return;
    const pair = `${source}\n${target}`;
    if ((this.#perSource.get(source) ?? 0) >= LINK_TEXT_LIMITS.perSource || (this.#perPair.get(pair) ?? 0) >= LINK_TEXT_LIMITS.perPair)
      return;
    this.#perSource.set(source, (this.#perSource.get(source) ?? 0) + 1);
    this.#perPair.set(pair, (this.#perPair.get(pair) ?? 0) + 1);
    if (known) known.sources.add(source);
    else entries.set(key, { text: key, sources: new Set([source]) });
    this.#byTarget.set(target, entries);
  }

  /** The link texts of `target`: those most articles use first, at most `perTarget`. */
  textsFor(target: string): string[] {
    const entries = [...(this.#byTarget.get(target)?.values() ?? [])];
    // A stable sort: equally common texts keep the order they were found in.
    entries.sort((a, b) => b.sources.size - a.sources.size);
    return entries.slice(0, LINK_TEXT_LIMITS.perTarget).map((e) => e.text);
  }
}
