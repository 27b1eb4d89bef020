/**
 * The page-wide analytics setting. The launcher-first entries (`kb-elements.js` with
 * `data-launcher`, the `kb-elements/launcher` module) only note the endpoint here, at almost no
 * cost before help is opened; the sink itself comes with the help elements, which start it
 * from this note. Kept on `window` under a symbol, so every copy of kb-elements on the page
 * sees the same setting.
 */

/** Where and how often events are sent. */
export interface AnalyticsSettings {
  /** The collector's URL (`POST`). */
  endpoint: string;
  /** Milliseconds between sends while events come (default 5000). */
  interval?: number;
}

const REQUEST = Symbol.for('kb-elements.analytics');

/** Notes the setting (or clears it) for the sink that comes with the help elements. */
export function requestAnalytics(settings: AnalyticsSettings | undefined): void {
  (window as unknown as Record<symbol, unknown>)[REQUEST] = settings;
}

export function requestedAnalytics(): AnalyticsSettings | undefined {
  return (window as unknown as Record<symbol, AnalyticsSettings | undefined>)[REQUEST];
}
