/**
 * `window.kbElements`: the small global a page without a bundler talks to.
 *
 * Calls made before the script has loaded are queued by a stub and replayed in order once it
 * runs (the snippet pattern of Help Scout's and Intercom's widgets). The stub is the
 * documented snippet: an object whose methods push `[method, args]` onto its `q` array. It is
 * upgraded in place, so a reference the host kept keeps working.
 */
import { el } from '../shared/make-element';
import { pageBody } from '../shared/page-dom';
import { setContextKeys } from '../shared/route-state';
import type { KbLauncher } from './kb-launcher';

/** The methods of `window.kbElements`. */
export interface KbElementsApi {
  /** Version of the kb-elements script. */
  readonly version: string;
  /** Opens the launcher panel (creating the launcher if the page has none). */
  open(): void;
  /** Closes the launcher panel. */
  close(): void;
  /** Opens the panel if closed, closes it if open. */
  toggle(): void;
  /** Opens the panel on an article, scrolled to a section if given. */
  openArticle(articleId: string, sectionId?: string): void;
  /** Opens the panel on the search results for `query`. */
  search(query: string): void;
  /**
   * Sets the context keys or paths for "Suggested for this page" (`'settings.archive'`,
   * `['domains.dns', '/domains/:id/dns']`); `null` or `[]` clears them. Replaces the previous
   * keys. The page path is always used as well.
   */
  suggest(keysOrPaths: string | string[] | null): void;
  /**
   * Listens to an event of any kb element on the page: `open`, `close` (the launcher),
   * `search`, `no-results`, `article-open`, `article-view`, `feedback`, `navigate`, `contact` (with or
   * without the `kb-` prefix). The handler gets the event (payload in `event.detail`).
   * Returns a function that removes the listener.
   */
  on(event: string, handler: (event: Event) => void): () => void;
}

/** Options that apply when the API has to create the launcher itself. */
export interface GlobalApiOptions {
  version: string;
  /** Attributes of a launcher created by the API (`src`, `position`, `theme`, ...). */
  launcherAttributes?: Record<string, string>;
}

interface Stub {
  q?: [string, unknown[]][];
}

const LIVE = Symbol.for('kb-elements.api');

/** `search` → `kb-search`, `open` → `kb-launcher-open` (and `close`), `kb-feedback` unchanged. */
export function eventName(name: string): string {
  const bare = String(name).replace(/^kb-/, '');
  return bare === 'open' || bare === 'close' ? `kb-launcher-${bare}` : `kb-${bare}`;
}

/** Runs `fn` once `<body>` exists (at once, or on DOMContentLoaded). */
export function whenBody(fn: () => void): void {
  if (pageBody()) fn();
  else EventTarget.prototype.addEventListener.call(document, 'DOMContentLoaded', fn, { once: true });
}

/** The page's active launcher, or a new one (appended to `<body>`) made with `attributes`. */
export function activeLauncher(attributes: Record<string, string> = {}): KbLauncher {
  const existing = document.querySelector('kb-launcher:not([duplicate])');
  if (existing) return existing as KbLauncher;
  const launcher = el('kb-launcher', attributes) as KbLauncher;
  pageBody()!.append(launcher);
  return launcher;
}

/**
 * The API's methods, not installed anywhere: `window.kbElements` is made of them, and the
 * `kb-elements/launcher` module exports them. They act on the page's active launcher,
 * creating one (with `options.launcherAttributes`) if the page has none.
 */
export function createApi(options: GlobalApiOptions): KbElementsApi {
  // Run now or at DOMContentLoaded: a failure is a warning, never an error in the page's handlers.
  const withLauncher = (action: (launcher: KbLauncher) => void) =>
    whenBody(() => {
      try {
        action(activeLauncher(options.launcherAttributes));
      } catch (error) {
        console.warn('kbElements:', error);
      }
    });

  return {
    version: options.version,
    open: () => withLauncher((l) => l.show()),
    close: () => withLauncher((l) => l.hide()),
    toggle: () => withLauncher((l) => l.toggle()),
    openArticle: (articleId, sectionId) => withLauncher((l) => l.openArticle(String(articleId), sectionId)),
    search: (query) => withLauncher((l) => l.search(String(query))),
    suggest: (keysOrPaths) => setContextKeys(keysOrPaths),
    on(event, handler) {
      if (typeof handler !== 'function') {
        console.warn('kbElements.on needs a function');
        return () => {};
      }
      const type = eventName(event);
      const listener = (e: Event) => handler(e);
      EventTarget.prototype.addEventListener.call(document, type, listener);
      return () => EventTarget.prototype.removeEventListener.call(document, type, listener);
    },
  };
}

/**
 * The page's stub (the documented snippet's object) or the API another copy of this script
 * installed: an own property of `window` holding a plain object. An element named `kbElements`
 * (`<a id="kbElements">`, `<form name="kbElements">`), which the browser also shows as
 * `window.kbElements`, is neither.
 */
function pageStub(): (Stub & Partial<KbElementsApi> & { [LIVE]?: true }) | undefined {
  try {
    const own = Object.getOwnPropertyDescriptor(window, 'kbElements');
    const value: unknown = own?.get ? own.get.call(window) : own?.value;
    return value && Object.getPrototypeOf(value) === Object.prototype ? (value as Stub) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Installs `window.kbElements` (or returns the one already live, when the script runs twice),
 * then replays the calls queued before it loaded. The global is an own property of `window`
 * whose getter always gives the API: no element of the page (DOM clobbering) can stand in for
 * it, and an assignment (the snippet run again, even in strict code) neither throws nor replaces it.
 */
export function installGlobalApi(options: GlobalApiOptions): KbElementsApi {
  const existing = pageStub();
  if (existing?.[LIVE]) return existing as KbElementsApi;

  const queue = Array.isArray(existing?.q) ? existing.q : [];
  const api = createApi(options);

  const target: KbElementsApi = existing ? Object.assign(existing, api) : api;
  delete (target as Stub).q;
  Object.defineProperty(target, LIVE, { value: true });
  try {
    Object.defineProperty(window, 'kbElements', { get: () => target, set: () => {}, enumerable: true, configurable: false });
  } catch {
    // The page made `kbElements` its own, unchangeable global: the API stays reachable as the return value.
  }

  for (const entry of queue) {
    try {
      // Only the API's own methods: a queued `constructor` or `__proto__` is not one (the call throws).
      const [method, args] = entry;
      (api as unknown as Record<string, (...a: unknown[]) => void>)[Object.hasOwn(api, method) ? method : ''](...args);
    } catch (error) {
      console.warn('kbElements: a queued call failed', entry, error);
    }
  }
  return target;
}

declare global {
  interface Window {
    /** The kb-elements global (script-tag use). See docs/embedding.md. */
    kbElements?: KbElementsApi;
  }
}
