/**
 * The page's UI string tables by language, beyond the English built into the elements.
 * Lit-free and tiny: the language files (`kb-elements/locales/de`, `kb-elements.de.js`)
 * bundle it. The tables live in one page-global object, so the ES module build, the
 * single-file script and the language files share them whatever order they load in.
 */
import type { KbStrings } from './strings';

type Listener = (lang: string) => void;

interface Registry {
  tables: Map<string, Partial<KbStrings>>;
  listeners: Set<Listener>;
}

const KEY = Symbol.for('kb-elements.strings');

function registry(): Registry {
  const page = globalThis as typeof globalThis & { [KEY]?: Registry };
  return (page[KEY] ??= { tables: new Map(), listeners: new Set() });
}

const LANGUAGE_TAG = /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i;

/**
 * Adds UI strings of a language for every element on the page; connected elements re-render.
 * A second call for the same tag changes only the keys it gives. Keys nobody gave are
 * English, so `registerStrings('en', { helpTitle: 'Support' })` rewords English page-wide.
 *
 * ```ts
 * registerStrings('fr', { searchPlaceholder: 'Rechercher dans l’aide', ... });
 * ```
 */
export function registerStrings(lang: string, strings: Partial<KbStrings>): void {
  if (typeof lang !== 'string' || !LANGUAGE_TAG.test(lang)) {
    throw new TypeError(`kb-elements: registerStrings() needs a language tag such as "fr" or "pt-BR", not ${JSON.stringify(lang)}`);
  }
  if (typeof strings !== 'object' || strings === null || Array.isArray(strings)) {
    throw new TypeError(`kb-elements: registerStrings("${lang}", strings) needs an object of UI strings`);
  }
  const key = lang.toLowerCase();
  const { tables, listeners } = registry();
  tables.set(key, { ...tables.get(key), ...strings });
  listeners.forEach((listener) => listener(key));
}

/** `de-CH` → `de`. */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0]!;
}

/** The strings registered for exactly this language tag (any case). */
export function registeredStrings(lang: string): Partial<KbStrings> | undefined {
  return registry().tables.get(lang.toLowerCase());
}

/** The languages with strings on this page, lower case: `en` (built in) and every registered one. */
export function registeredLanguages(): string[] {
  return [...new Set(['en', ...registry().tables.keys()])];
}

/** Calls `listener` with the language of every later registration; returns the unsubscribe. */
export function onStringsRegistered(listener: Listener): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let missingLanguageHandler: Listener | undefined;

/** Set by the single-file build only: fetches a language an element needs and nobody registered. */
export function onMissingLanguage(handler: Listener): void {
  missingLanguageHandler = handler;
}

/** Called by elements whose language has no table yet. */
export function reportMissingLanguage(lang: string): void {
  missingLanguageHandler?.(lang);
}
