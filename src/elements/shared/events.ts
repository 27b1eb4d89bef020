/**
 * The typed events every `kb-*` element fires. All bubble and are composed (they leave the
 * shadow root), so a host can listen on the element or on any ancestor:
 *
 * ```ts
 * el.addEventListener('kb-article-open', (e) => {   // e is KbArticleOpenEvent
 *   e.preventDefault();                               // the host shows the article itself
 *   router.go(`/help/${e.articleId}`);
 * });
 * ```
 *
 * The payload is on the event itself (`e.query`) and, for frameworks that read
 * `CustomEvent`-style payloads, also as `e.detail` (same values).
 *
 * Fire them for user actions only, never for properties the host set. To fire one:
 * `this.dispatchEvent(new KbSearchEvent(query, count))`; for cancelable events check the
 * return value of `dispatchEvent` (false = the host took over).
 */

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/** The user ran a search (typed in a search box). */
export class KbSearchEvent extends Event {
  static readonly eventName = 'kb-search';
  readonly detail: { query: string; resultCount: number };
  constructor(
    readonly query: string,
    readonly resultCount: number,
  ) {
    super(KbSearchEvent.eventName, init());
    this.detail = { query, resultCount };
  }
}

/** A search the user ran found nothing: log it to learn which articles are missing. */
export class KbNoResultsEvent extends Event {
  static readonly eventName = 'kb-no-results';
  readonly detail: { query: string };
  constructor(readonly query: string) {
    super(KbNoResultsEvent.eventName, init());
    this.detail = { query };
  }
}

/**
 * The user is about to open an article (from a hit, a list, a link). Cancelable: call
 * `preventDefault()` to show the article yourself; the element then does nothing more.
 */
export class KbArticleOpenEvent extends Event {
  static readonly eventName = 'kb-article-open';
  readonly detail: { articleId: string; sectionId?: string };
  constructor(
    readonly articleId: string,
    readonly sectionId?: string,
  ) {
    super(KbArticleOpenEvent.eventName, init(true));
    this.detail = sectionId ? { articleId, sectionId } : { articleId };
  }
}

/** An article was shown to the user. */
export class KbArticleViewEvent extends Event {
  static readonly eventName = 'kb-article-view';
  readonly detail: { articleId: string };
  constructor(readonly articleId: string) {
    super(KbArticleViewEvent.eventName, init());
    this.detail = { articleId };
  }
}

/** The user answered "Was this article helpful?". */
export class KbFeedbackEvent extends Event {
  static readonly eventName = 'kb-feedback';
  readonly detail: { articleId: string; helpful: boolean; reason?: string };
  constructor(
    readonly articleId: string,
    readonly helpful: boolean,
    readonly reason?: string,
  ) {
    super(KbFeedbackEvent.eventName, init());
    this.detail = reason === undefined ? { articleId, helpful } : { articleId, helpful, reason };
  }
}

/** Where a navigation inside the help widget goes. */
export type KbView = 'home' | 'category' | 'article' | 'search';

/**
 * The user navigated inside a widget: picked a category (`view: 'category', id`), went home,
 * to search results (`id` = the query) or to an article. Cancelable: `preventDefault()` keeps
 * the element where it is (the host handles the navigation).
 */
export class KbNavigateEvent extends Event {
  static readonly eventName = 'kb-navigate';
  readonly detail: { view: KbView; id?: string };
  constructor(
    readonly view: KbView,
    readonly id?: string,
  ) {
    super(KbNavigateEvent.eventName, init(true));
    this.detail = id === undefined ? { view } : { view, id };
  }
}

/**
 * The user asked for more help than the articles gave: the "Still need help?" link (or
 * the host's own `slot="contact"` content) at the end of an article or of a search that found
 * nothing. Cancelable: call `preventDefault()` to open your own contact form instead of
 * following the link. Says where the user was: `articleId` (after an article), `query`
 * (after a search), `url` (the link followed, if any).
 */
export class KbContactEvent extends Event {
  static readonly eventName = 'kb-contact';
  /** The article the user had read, when the request came after one. */
  readonly articleId?: string;
  /** The search that found nothing, when the request came after one. */
  readonly query?: string;
  /** The contact link the user followed (absolute), if any. */
  readonly url?: string;
  readonly detail: { articleId?: string; query?: string; url?: string };
  constructor(context: { articleId?: string; query?: string; url?: string } = {}) {
    super(KbContactEvent.eventName, init(true));
    const detail: { articleId?: string; query?: string; url?: string } = {};
    if (context.articleId !== undefined) this.articleId = detail.articleId = context.articleId;
    if (context.query !== undefined) this.query = detail.query = context.query;
    if (context.url !== undefined) this.url = detail.url = context.url;
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kb-search': KbSearchEvent;
    'kb-no-results': KbNoResultsEvent;
    'kb-article-open': KbArticleOpenEvent;
    'kb-article-view': KbArticleViewEvent;
    'kb-feedback': KbFeedbackEvent;
    'kb-navigate': KbNavigateEvent;
    'kb-contact': KbContactEvent;
  }
}
