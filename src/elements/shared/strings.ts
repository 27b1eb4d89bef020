import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { textDirection, type TextDirection } from './direction';
import { onStringsRegistered, primaryLanguage, registeredStrings, reportMissingLanguage } from './locale-registry';
import { isUiRoot, resolveLang, uiRoot } from './resolve-lang';

export { resolveLang, uiRoot };

/**
 * Every UI string of the elements, in English, built in. Other languages are separate modules
 * (src/elements/locales/) that register a table with the same keys ({@link registerStrings}).
 * `{name}` placeholders are filled by {@link format}; keys ending in `_one` / `_other` are
 * plural forms picked by {@link plural}. A host overrides any of them per element:
 * `el.strings = { searchPlaceholder: 'Ask us anything' }`.
 */
const en = {
  // loading and errors (shared state view)
  loading: 'Loading help…',
  errorTitle: 'Help could not be loaded.',
  articleErrorTitle: 'This article could not be loaded.',
  errorNetwork: 'Check your connection and try again.',
  errorHttp: 'The server answered with error {status}.',
  errorTimeout: 'The server took too long to answer.',
  errorFormat: 'The help content is damaged or was made for another version.',
  errorUnknown: 'Something went wrong.',
  retry: 'Try again',
  // shared article data
  views: 'Views: {count}',
  updated: 'Updated {date}',
  articleCount_one: '{count} article',
  articleCount_other: '{count} articles',
  // kb-search
  searchLabel: 'Search help',
  searchPlaceholder: 'Search help articles',
  searchResults: 'Search results',
  clearSearch: 'Clear search',
  resultCount_one: '{count} result',
  resultCount_other: '{count} results',
  resultsFor: 'Results for “{query}”',
  noResults: 'No articles match “{query}”.',
  noResultsHint: 'Try other or fewer words, or start from one of these:',
  popularArticles: 'Popular articles',
  inSection: 'Section: {heading}',
  hotkeyHint: 'Press {key} to search',
  hotkeyCtrlK: 'Ctrl K',
  // kb-categories
  categories: 'Categories',
  noCategories: 'There are no categories yet.',
  subcategories: 'Subcategories of {category}',
  // kb-article-list
  articles: 'Articles',
  noArticles: 'There are no articles here yet.',
  categoryNotFound: 'There is no category “{id}”.',
  allCategories: 'All categories',
  sortBy: 'Sort by',
  sortOrder: 'Suggested order',
  sortPopularity: 'Most viewed',
  sortTitle: 'Title',
  sortDate: 'Last updated',
  pagination: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageN: 'Page {page}',
  pageOf: 'Page {page} of {pages}',
  showingRange: 'Articles {from}–{to} of {total}',
  // kb-article
  articleNotFound: 'This article does not exist or was removed.',
  back: 'Back',
  forward: 'Forward',
  home: 'Help home',
  breadcrumb: 'Breadcrumb',
  tableOfContents: 'On this page',
  linkToSection: 'Link to this section',
  copyCode: 'Copy',
  copied: 'Copied',
  opensInNewTab: '(opens in a new tab)',
  helpfulQuestion: 'Was this article helpful?',
  helpfulYes: 'Yes',
  helpfulNo: 'No',
  feedbackReasonLabel: 'What was missing or wrong?',
  feedbackSend: 'Send',
  feedbackThanks: 'Thank you for your feedback.',
  relatedArticles: 'Related articles',
  // kb-help, kb-launcher, kb-tip
  helpTitle: 'Help',
  openHelp: 'Open help',
  closeHelp: 'Close help',
  suggestedForPage: 'Suggested for this page',
  helpIntro: 'Search the articles, or browse them by topic.',
  learnMore: 'Learn more',
  moreAbout: 'More about {topic}',
  // "Still need help?" (kb-help, the launcher panel)
  contactTitle: 'Still need help?',
  contactText: 'Our support team is happy to help.',
  contactLink: 'Contact support',
};

/** The string table type: every key of the English table. */
export type KbStrings = { [K in keyof typeof en]: string };
/** A key of the string table. */
export type KbStringKey = keyof KbStrings;

/** The complete table per tag, with the registered tables it was made from. */
const resolved = new Map<string, { language?: object; region?: object; strings: KbStrings }>();

/**
 * The strings for a BCP 47 tag, key by key: the table registered for the exact tag (`de-CH`),
 * else for its language (`de`), else English. `overrides` go on top.
 */
export function stringsFor(lang: string, overrides?: Partial<KbStrings>): KbStrings {
  const tag = lang.toLowerCase();
  const language = registeredStrings(primaryLanguage(tag));
  const region = tag.includes('-') ? registeredStrings(tag) : undefined;
  let entry = resolved.get(tag);
  if (!entry || entry.language !== language || entry.region !== region) {
    entry = { language, region, strings: language || region ? { ...en, ...language, ...region } : en };
    resolved.set(tag, entry);
  }
  return overrides ? { ...entry.strings, ...overrides } : entry.strings;
}

/** Fills `{name}` placeholders: `format('Views: {count}', { count: '4,692' })`. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, lang: string, make: (lang: string) => T): T {
  let value = cache.get(lang);
  if (!value) {
    try {
      value = make(lang);
    } catch {
      value = make('en'); // an invalid tag from the page must not break rendering
    }
    cache.set(lang, value);
  }
  return value;
}

/** `4692` → `4,692` (en), `4.692` (de, nl). */
export function formatNumber(value: number, lang: string): string {
  return cached(numberFormats, lang, (l) => new Intl.NumberFormat(l)).format(value);
}

/** An ISO date (`2026-03-01`) as the locale writes it (`Mar 1, 2026`); '' for no/bad date. */
export function formatDate(iso: string | undefined, lang: string): string {
  const date = iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  return cached(dateFormats, lang, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' })).format(date);
}

/** Plural keys: those with `_one` / `_other` forms, named without the suffix. */
type PluralKey = { [K in KbStringKey]: K extends `${infer B}_other` ? B : never }[KbStringKey];

/**
 * The plural form of `key` for `count`, filled in with the locale-formatted count:
 * `plural(t, 'resultCount', 1, 'en')` → `1 result`; `plural(t, 'articleCount', 4692, 'de')`
 * → `4.692 Artikel`.
 */
export function plural(t: KbStrings, key: PluralKey, count: number, lang: string): string {
  const rule = cached(pluralRules, lang, (l) => new Intl.PluralRules(l)).select(count);
  const template = rule === 'one' ? t[`${key}_one` as KbStringKey] : t[`${key}_other` as KbStringKey];
  return format(template, { count: formatNumber(count, lang) });
}

/** Hosts that want a re-render when any `lang` attribute on the page changes or strings are registered. */
const langWatchers = new Set<ReactiveControllerHost>();
const updateWatchers = () => langWatchers.forEach((h) => h.requestUpdate());
let pageObserver: MutationObserver | undefined;
let stopListening: (() => void) | undefined;

function watchPageLang(host: ReactiveControllerHost): void {
  langWatchers.add(host);
  pageObserver ??= new MutationObserver(updateWatchers);
  if (langWatchers.size === 1) {
    pageObserver.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang'] });
    stopListening = onStringsRegistered(updateWatchers);
  }
}

function unwatchPageLang(host: ReactiveControllerHost): void {
  langWatchers.delete(host);
  if (langWatchers.size === 0) {
    pageObserver?.disconnect();
    stopListening?.();
  }
}

/** What {@link KbI18n} needs from its host: an optional `strings` override property. */
export interface KbI18nHost extends ReactiveControllerHost, HTMLElement {
  /** Overrides for any UI string (`attribute: false`). */
  strings?: Partial<KbStrings>;
}

/**
 * A ReactiveController with the host's language and strings, refreshed before every render.
 * It also gives the host's interface box ({@link uiRoot}) the `lang` and `dir` of the strings
 * in effect: a page in a language without strings shows the English interface, marked and laid
 * out as English. Every element has one from its base class, `KbElement`:
 *
 * ```ts
 * render() {
 *   const { t, lang } = this.i18n;
 *   return html`${format(t.views, { count: formatNumber(a.views, lang) })}`;
 *   // or: this.i18n.number(n) / this.i18n.plural('resultCount', n) / this.i18n.date(iso)
 * }
 * ```
 *
 * It re-renders the host when a `lang` attribute changes on the page (the element's own, an
 * ancestor's, or `<html>`), so switching the page language switches the widget's language, and
 * when strings are registered (a language file that arrives after the element rendered).
 */
export class KbI18n implements ReactiveController {
  /** The page's language for the host (`en`, `de-CH`, ...): the nearest `lang`. Sorting follows it. */
  lang = 'en';
  /**
   * The language of the strings in effect: `lang` when it has a table (or the host gives its
   * own strings), else `en`. Numbers, dates and plurals are written in it.
   */
  uiLang = 'en';
  /** The writing direction of {@link uiLang}. */
  dir: TextDirection = 'ltr';
  /** The strings in effect: the table for `lang` (English until it is registered), with the host's overrides on top. */
  t: KbStrings = en;

  readonly #host: KbI18nHost;
  /** Overrides the host inherits (from `<kb-help>`), under its own `strings`. */
  readonly #inherited: () => Partial<KbStrings> | undefined;
  #ownObserver?: MutationObserver;

  constructor(host: KbI18nHost, inherited: () => Partial<KbStrings> | undefined = () => undefined) {
    this.#host = host;
    this.#inherited = inherited;
    host.addController(this);
  }

  hostConnected(): void {
    watchPageLang(this.#host);
    // The page observer cannot see an element whose host sits inside another shadow root.
    this.#ownObserver ??= new MutationObserver(() => this.#host.requestUpdate());
    this.#ownObserver.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    unwatchPageLang(this.#host);
    this.#ownObserver?.disconnect();
  }

  hostUpdate(): void {
    const inherited = this.#inherited();
    const overrides = inherited ? { ...inherited, ...this.#host.strings } : this.#host.strings;
    this.lang = resolveLang(this.#host);
    this.t = stringsFor(this.lang, overrides);
    const tag = this.lang.toLowerCase();
    const hasLanguage = !!registeredStrings(primaryLanguage(tag));
    if (!hasLanguage) reportMissingLanguage(this.lang);
    const hasTable = hasLanguage || (tag.includes('-') && !!registeredStrings(tag));
    this.uiLang = hasTable || (overrides && Object.keys(overrides).length) ? this.lang : 'en';
    this.dir = textDirection(this.uiLang);
    const root = (this.#host as { renderRoot?: unknown }).renderRoot;
    if (root instanceof HTMLElement && isUiRoot(root) && (root.lang !== this.uiLang || root.dir !== this.dir)) {
      root.lang = this.uiLang;
      root.dir = this.dir;
    }
  }

  /** See {@link plural}. */
  plural(key: PluralKey, count: number): string {
    return plural(this.t, key, count, this.uiLang);
  }

  /** What a search for `query` found, said to a screen reader: "3 results" or "No results for …". */
  resultsFound(count: number, query: string): string {
    return count ? this.plural('resultCount', count) : format(this.t.noResults, { query });
  }

  /** A number in the interface's language. */
  number(value: number): string {
    return formatNumber(value, this.uiLang);
  }

  /** An ISO date in the interface's language ('' when absent or invalid). */
  date(iso: string | undefined): string {
    return formatDate(iso, this.uiLang);
  }
}
