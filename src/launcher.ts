/**
 * Entry `kb-elements/launcher`: the lazy launcher for apps with a bundler, like
 * `kb-launcher.js` is for a script tag. Importing it defines `<kb-launcher>` (plain DOM, no
 * lit) and nothing else; the help elements (`import('./index')`, a separate chunk in the app's
 * build) load on the first open, on intent to open (hover, touch or focus of the button), or as
 * soon as the page uses another `kb-*` element.
 *
 * The `window.kbElements` methods come as named exports; `window.kbElements` itself is not set
 * (call `installGlobalApi` for code outside the app's modules).
 *
 * ```ts
 * import { openArticle, on } from 'kb-elements/launcher';
 * // <kb-launcher src="/help/kb.json"></kb-launcher> in the app's markup
 * ```
 */
import { requestAnalytics, requestedAnalytics } from './elements/shared/analytics/analytics-request';
import type { AnalyticsOptions } from './elements/shared/analytics/analytics-sink';
import { deferElements } from './elements/kb-launcher/defer-elements';
import { defineOnce } from './elements/kb-launcher/elements-claim';
import { createApi } from './elements/kb-launcher/global-api';
import { VERSION } from './elements/kb-launcher/version';

/**
 * Loads and defines the help elements now (once per page; the launcher does it on first use).
 * Rejects if the code could not be loaded; calling it again retries.
 */
export function loadElements(): Promise<void> {
  return defineOnce(() => import('./index')).then(startRequestedAnalytics);
}

/**
 * Starts the sink if `enableAnalytics` asked for it. It is a chunk of its own, loaded with the
 * elements: nothing of it loads before help is used, and a failure stays quiet.
 */
function startRequestedAnalytics(): void {
  if (requestedAnalytics()) withSink((sink) => sink.startRequestedAnalytics());
}

function withSink(use: (sink: typeof import('./elements/shared/analytics/analytics-sink')) => void): void {
  import('./elements/shared/analytics/analytics-sink').then(use).catch(() => undefined);
}

/**
 * Sends the help-center events of the page to `endpoint` (docs/analytics.md), like
 * `enableAnalytics` of `kb-elements`; the sink loads with the help elements. Returns a function
 * that stops it.
 */
export function enableAnalytics(endpoint: string | URL, options: AnalyticsOptions = {}): () => void {
  requestAnalytics({ endpoint: String(endpoint), ...options });
  if (customElements.get('kb-search')) startRequestedAnalytics();
  return disableAnalytics;
}

/** Stops sending help-center events (what is held is sent first). */
export function disableAnalytics(): void {
  const running = requestedAnalytics();
  requestAnalytics(undefined);
  if (running && customElements.get('kb-search')) withSink((sink) => sink.disableAnalytics());
}
export type { AnalyticsOptions };

deferElements(loadElements);

const api = createApi({ version: VERSION });
/** Version of kb-elements. */
export const version = VERSION;
/** Opens the launcher panel (adding a `<kb-launcher>` to `<body>` if the page has none). */
export const open = api.open;
/** Closes the launcher panel. */
export const close = api.close;
/** Opens the panel if closed, closes it if open. */
export const toggle = api.toggle;
/** Opens the panel on an article, scrolled to a section if given. */
export const openArticle = api.openArticle;
/** Opens the panel on the search results for `query`. */
export const search = api.search;
/** Sets the context keys or paths for "Suggested for this page"; `null` or `[]` clears them. */
export const suggest = api.suggest;
/**
 * Listens to an event of any kb element on the page (`open`, `close`, `search`, `article-open`,
 * `feedback`, ...); returns a function that removes the listener.
 */
export const on = api.on;
export { installGlobalApi, type KbElementsApi } from './elements/kb-launcher/global-api';
export { KbLauncher, KbLauncherOpenEvent, KbLauncherCloseEvent, type KbLauncherPosition } from './elements/kb-launcher/kb-launcher';
