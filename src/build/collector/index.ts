/**
 * Entry `kb-elements/collector` (Node): the handler of `kb-elements collect`, for a Node server
 * of your own, and the event schema it checks. See docs/analytics.md.
 *
 * ```ts
 * import { createServer } from 'node:http';
 * import { createEventCollector } from 'kb-elements/collector';
 * createServer(createEventCollector({ dataDir: '/var/lib/kb-events', allowOrigins: ['https://panel.example.com'] })).listen(8787);
 * ```
 */
export { createEventCollector, type EventCollector, type EventCollectorOptions } from './event-collector';
export { eventFileName } from './event-files';
export {
  ANALYTICS_LIMITS,
  ANALYTICS_SCHEMA_VERSION,
  redactText,
  validateAnalyticsBatch,
  validateAnalyticsEvent,
  validateStoredEvent,
  type AnalyticsBatch,
  type AnalyticsEvent,
  type AnalyticsValidation,
  type StoredAnalyticsEvent,
} from '../../core/analytics-events';
