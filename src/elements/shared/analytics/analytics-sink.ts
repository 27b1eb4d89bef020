/**
 * The analytics sink: listens on the document to the `kb-*` events of every kb element on the
 * page and sends what a help center's owners need (docs/analytics.md) to their own collector.
 * Opt-in: nothing runs and nothing is sent unless `enableAnalytics(endpoint)` was called (or the
 * script tag has `data-kb-analytics`).
 *
 * - A **search** is one the user settled on, as `kb-search` reports it (the query rested for a
 *   second, or Enter, leaving the box, or picking a result), never every keystroke. It is sent
 *   once finished: with `opened` when the user then opened a result from the same widget, without
 *   when they searched again, went elsewhere in the widget, contacted support, or the page was
 *   left (`pagehide`) or frozen (`freeze`: the browser may then discard it without another word).
 *   A hidden page (another tab, another app) sends what is finished and keeps the search open:
 *   a user who comes back and opens a result has opened it. Schema v1 has one record per search,
 *   so it is sent once, when it is over, never sent and then amended.
 * - A **view** is an article shown because the user asked for it: `kb-article-view` (a link, a
 *   result, Back/Forward inside `<kb-help>`), or a `kb-article-open` from an element that does
 *   not show articles itself (a search box, a list, a tip), whoever shows it then. Articles the
 *   host opens (`openArticle()`, `open()`, `article-id`) are not counted, unless the host fires
 *   `kb-article-view` itself.
 * - **Feedback** (`kb-feedback`) and **contact** clicks (`kb-contact`).
 *
 * Each event has the time, the UI language, the knowledge base's content version, the
 * kb-elements version and a random id of this page visit, kept in memory only. Typed text is
 * redacted here, before it leaves the page. Nothing it does can throw into the page.
 */
import {
  ANALYTICS_LIMITS,
  ANALYTICS_SCHEMA_VERSION,
  isAnalyticsId,
  isAnalyticsLanguage,
  isAnalyticsVersion,
  redactText,
  type AnalyticsEventBase,
  type AnalyticsEventType,
  type SearchAnalyticsEvent,
} from '../../../core/analytics-events';
import { VERSION } from '../../kb-launcher/version';
import { resolveLang } from '../resolve-lang';
import { knowledgeBaseOf } from '../shown-knowledge-base';
import { requestAnalytics, requestedAnalytics } from './analytics-request';
import { createEventQueue } from './event-queue';

/** Options of {@link enableAnalytics}. */
export interface AnalyticsOptions {
  /** Milliseconds between sends while events come (default 5000). Hidden or left pages send at once. */
  interval?: number;
}

/**
 * The fields of `kb-contact` (the user chose to contact support). The event belongs to the
 * contact feature; the sink knows it by name, so it needs nothing more than this.
 */
interface KbContactFields {
  articleId?: string;
  query?: string;
  url?: string;
}

/** The sink running on the page: one per page, whatever copies of kb-elements run. */
interface LiveSink {
  endpoint: string;
  stop(): void;
}
const LIVE = Symbol.for('kb-elements.analytics-live');
const live = (): { [LIVE]?: LiveSink } => window as unknown as { [LIVE]?: LiveSink };

/** Elements that show the article a `kb-article-open` of theirs asks for (and then fire `kb-article-view`). */
const SHOWS_ARTICLES = new Set(['kb-help', 'kb-article']);
const DEFAULT_INTERVAL = 5000;

/** The outermost kb element the event passed through: the widget a search and its open belong to. */
function widgetOf(event: Event): EventTarget {
  const path = event.composedPath();
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i];
    if (node instanceof Element && node.localName.startsWith('kb-')) return node;
  }
  return path[0] ?? document;
}

/** 16 random characters of `[A-Za-z0-9_-]` (getRandomValues also works on plain-http pages). */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** What the sink needs of one kb event: the typed event's fields (also on `detail`). */
interface KbEventFields extends KbContactFields {
  resultCount?: number;
  helpful?: boolean;
  reason?: string;
  view?: string;
}

/** The events the sink listens to on the document. */
const KB_EVENTS = ['kb-search', 'kb-article-open', 'kb-article-view', 'kb-feedback', 'kb-contact', 'kb-navigate'];
/** With the page's lifecycle: `freeze` (Chromium) comes before a hidden page may be discarded. */
const DOCUMENT_EVENTS = [...KB_EVENTS, 'visibilitychange', 'freeze'];

/** Starts listening; returns the function that stops (after sending what is held). */
function startSink(endpoint: string, interval: number): () => void {
  const queue = createEventQueue(endpoint, interval);
  const session = randomId();
  /** The settled search of each widget, waiting to learn whether a result is opened. */
  const pending = new Map<EventTarget, SearchAnalyticsEvent>();

  const base = <T extends AnalyticsEventType>(event: Event, type: T): AnalyticsEventBase & { type: T } => {
    const fields: AnalyticsEventBase & { type: T } = {
      v: ANALYTICS_SCHEMA_VERSION,
      type,
      time: new Date().toISOString(),
      session,
      client: VERSION,
    };
    const path = event.composedPath();
    const lang = resolveLang(path[0] instanceof Element ? path[0] : document.documentElement);
    if (isAnalyticsLanguage(lang)) fields.lang = lang;
    const version = path
      .map((node) => (node instanceof Element ? knowledgeBaseOf(node)?.meta.contentVersion : undefined))
      .find((v) => v !== undefined);
    if (isAnalyticsVersion(version)) fields.kbVersion = version;
    return fields;
  };

  const finish = (widget: EventTarget, opened?: string) => {
    const search = pending.get(widget);
    if (!search) return;
    pending.delete(widget);
    if (opened) search.opened = opened;
    queue.push(search);
  };

  const view = (event: Event, articleId: unknown) => {
    if (isAnalyticsId(articleId)) queue.push({ ...base(event, 'view'), article: articleId });
  };

  /** The page is left, frozen, or the sink stops: every search is over; send everything. */
  const flush = () => {
    for (const widget of [...pending.keys()]) finish(widget);
    queue.flush();
  };

  const onKbEvent = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    const {
      articleId,
      query,
      resultCount,
      helpful,
      reason,
      view: to,
    } = (typeof detail === 'object' && detail !== null ? detail : event) as KbEventFields;
    const widget = widgetOf(event);
    const typed = (text: unknown, max: number) => (typeof text === 'string' ? redactText(text, max) : '');
    switch (event.type) {
      case 'kb-search': {
        const text = typed(query, ANALYTICS_LIMITS.query);
        if (!text) return;
        finish(widget);
        const results =
          typeof resultCount === 'number' && resultCount > 0 ? Math.min(Math.floor(resultCount), ANALYTICS_LIMITS.results) : 0;
        pending.set(widget, { ...base(event, 'search'), query: text, results });
        return;
      }
      case 'kb-article-open': {
        if (!isAnalyticsId(articleId)) return;
        finish(widget, articleId);
        const source = event.composedPath()[0];
        if (!(source instanceof Element) || !SHOWS_ARTICLES.has(source.localName)) return view(event, articleId);
        // The element shows it and reports the view itself, unless the host took over
        // (cancelled the event): known once every listener has run. (The event's path is gone
        // by then: the fields are read now.)
        const taken = { ...base(event, 'view'), article: articleId };
        queueMicrotask(() => event.defaultPrevented && queue.push(taken));
        return;
      }
      case 'kb-article-view':
        return view(event, articleId);
      case 'kb-feedback': {
        if (!isAnalyticsId(articleId)) return;
        const text = typed(reason, ANALYTICS_LIMITS.reason);
        queue.push({ ...base(event, 'feedback'), article: articleId, helpful: helpful === true, ...(text ? { reason: text } : {}) });
        return;
      }
      case 'kb-contact': {
        finish(widget);
        const text = typed(query, ANALYTICS_LIMITS.query);
        queue.push({
          ...base(event, 'contact'),
          ...(isAnalyticsId(articleId) ? { article: articleId } : {}),
          ...(text ? { query: text } : {}),
        });
        return;
      }
      case 'kb-navigate':
        // Home or a category after a search: the search is over, nothing was opened from it.
        if (to === 'home' || to === 'category') finish(widget);
    }
  };

  const listener = (event: Event) => {
    try {
      if (event.type === 'pagehide' || event.type === 'freeze') flush();
      // Hidden is not over: the user may come back to the results.
      else if (event.type === 'visibilitychange' && document.visibilityState === 'hidden') queue.flush();
      else if (event.type.startsWith('kb-')) onKbEvent(event);
    } catch {
      // Analytics is never worth an error in the host page.
    }
  };
  for (const type of DOCUMENT_EVENTS) document.addEventListener(type, listener);
  window.addEventListener('pagehide', listener);
  return () => {
    for (const type of DOCUMENT_EVENTS) document.removeEventListener(type, listener);
    window.removeEventListener('pagehide', listener);
    flush();
  };
}

/**
 * Sends the help-center events of every kb element on this page to `endpoint` (your
 * `kb-elements collect`, or any server that takes the same JSON; see docs/analytics.md).
 * Returns a function that stops it (what is held is sent first). One sink per page: enabling
 * again with another endpoint replaces it. The page's CSP must allow `connect-src <endpoint>`.
 *
 * ```ts
 * import { enableAnalytics } from 'kb-elements';
 * enableAnalytics('https://stats.example.com/kb-events');
 * ```
 */
export function enableAnalytics(endpoint: string | URL, options: AnalyticsOptions = {}): () => void {
  let url: URL;
  try {
    url = new URL(endpoint, document.baseURI);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`not http(s): ${url.protocol}`);
  } catch (error) {
    console.warn('kb-elements: analytics not enabled, the endpoint is not a web address', error);
    return () => undefined;
  }
  const running = live()[LIVE];
  if (running?.endpoint === url.href) return disableAnalytics;
  running?.stop();
  const stop = startSink(url.href, Math.max(250, Number(options.interval) || DEFAULT_INTERVAL));
  live()[LIVE] = { endpoint: url.href, stop };
  return disableAnalytics;
}

/** Stops sending (what is held is sent first) and forgets the page's setting. */
export function disableAnalytics(): void {
  requestAnalytics(undefined);
  live()[LIVE]?.stop();
  live()[LIVE] = undefined;
}

/** Starts the sink the page asked for (`data-kb-analytics`, or the launcher's `enableAnalytics`), if any. */
export function startRequestedAnalytics(): void {
  const requested = requestedAnalytics();
  if (requested) enableAnalytics(requested.endpoint, requested);
}
