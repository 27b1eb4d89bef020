/**
 * Entry `kb-elements/analytics`: the opt-in event sink for apps with a bundler. It listens to
 * the kb elements of the page, however they were loaded (`kb-elements`, the lazy
 * `kb-elements/launcher`, a script tag), and sends what the help center's owners need to their
 * own collector (`kb-elements collect`). Nothing is sent until `enableAnalytics` is called.
 * See docs/analytics.md.
 *
 * ```ts
 * import { enableAnalytics } from 'kb-elements/analytics';
 * const stop = enableAnalytics('https://stats.example.com/kb-events');
 * ```
 */
export { enableAnalytics, disableAnalytics, type AnalyticsOptions } from './elements/shared/analytics/analytics-sink';
/** The redaction the sink applies, for events you send to analytics of your own (`redactText(query, 100)`). */
export { redactText, ANALYTICS_LIMITS, ANALYTICS_SCHEMA_VERSION } from './core/analytics-events';
export type { AnalyticsEvent, AnalyticsBatch, AnalyticsEventType } from './core/analytics-events';
