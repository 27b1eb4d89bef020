/**
 * `window.kbElements`: the small global a page without a bundler talks to.
 *
 * Calls made before the script has loaded are queued by a stub and replayed in order once it
 * runs (the snippet pattern of Help Scout's and Intercom's widgets). The stub is the
 * documented snippet: an object whose methods push `[method, args]` onto its `q` array. It is
 * upgraded in place, so a reference the host kept keeps working.
 */
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

const LAUNCHER_EVENTS: Record<string, string> = { open: 'kb-launcher-open', close: 'kb-launcher-close' };

/** `search` → `kb-search`, `open` → `kb-launcher-open`, `kb-feedback` unchanged. */
export function eventName(name: string): string {
  const bare = name.replace(/^kb-/, '');
  return LAUNCHER_EVENTS[bare] ?? `kb-${bare}`;
}

/** Runs `fn` once `document.body` exists (at once, or on DOMContentLoaded). */
export function whenBody(fn: () => void): void {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

/** The page's active launcher, or a new one (appended to `<body>`) made with `attributes`. */
export function activeLauncher(attributes: Record<string, string> = {}): KbLauncher {
  const existing = document.querySelector('kb-launcher:not([duplicate])');
  if (existing) return existing as KbLauncher;
  const launcher = document.createElement('kb-launcher');
  for (const [name, value] of Object.entries(attributes)) launcher.setAttribute(name, value);
  document.body.append(launcher);
  return launcher;
}

/**
 * The API's methods, not installed anywhere: `window.kbElements` is made of them, and the
 * `kb-elements/launcher` module exports them. They act on the page's active launcher,
 * creating one (with `options.launcherAttributes`) if the page has none.
 */
export function createApi(options: GlobalApiOptions): KbElementsApi {
  const withLauncher = (action: (launcher: KbLauncher) => void) =>
    whenBody(() => action(activeLauncher(options.launcherAttributes)));

  return {
    version: options.version,
    open: () => withLauncher((l) => l.show()),
    close: () => withLauncher((l) => l.hide()),
    toggle: () => withLauncher((l) => l.toggle()),
    openArticle: (articleId, sectionId) => withLauncher((l) => l.openArticle(String(articleId), sectionId)),
    search: (query) => withLauncher((l) => l.search(String(query))),
    suggest: (keysOrPaths) => setContextKeys(keysOrPaths),
    on(event, handler) {
      const type = eventName(event);
      const listener = (e: Event) => handler(e);
      document.addEventListener(type, listener);
      return () => document.removeEventListener(type, listener);
    },
  };
}

/**
 * Installs `window.kbElements` (or returns the one already live, when the script runs twice),
 * then replays the calls queued before it loaded.
 */
export function installGlobalApi(options: GlobalApiOptions): KbElementsApi {
  const holder = window as unknown as { kbElements?: unknown };
  const existing = holder.kbElements as (KbElementsApi & { [LIVE]?: true }) | undefined;
  if (existing?.[LIVE]) return existing;

  const queue = (existing as Stub | undefined)?.q ?? [];
  const api = createApi(options);

  const target: KbElementsApi = existing && typeof existing === 'object' ? Object.assign(existing, api) : api;
  delete (target as Stub).q;
  Object.defineProperty(target, LIVE, { value: true });
  holder.kbElements = target;

  for (const [method, args] of queue) {
    try {
      (api[method as 'open'] as (...a: unknown[]) => void)(...(args ?? []));
    } catch (error) {
      console.warn(`kbElements.${method}() failed`, error);
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
