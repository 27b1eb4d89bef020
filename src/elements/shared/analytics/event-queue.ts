/**
 * Batches analytics events and sends them to the collector: every few seconds while events
 * come, at once when the page is hidden or left (the sink calls `flush`). Sent with `fetch`
 * `keepalive` (it outlives the page) without cookies or referrer, as `text/plain` so no CORS
 * preflight is needed; `navigator.sendBeacon` where that `fetch` is not available. A failed
 * send is dropped quietly: analytics never shows an error in the host page.
 */
import { ANALYTICS_LIMITS, type AnalyticsEvent } from '../../../core/analytics-events';

/** Characters of JSON per request: keepalive requests share a 64 KiB budget per page. */
const MAX_BATCH_CHARS = 16_000;
/** Events held at most (a page that cannot send does not grow without bound). */
const MAX_QUEUED = 500;

export interface EventQueue {
  push(event: AnalyticsEvent): void;
  /** Sends everything held now, in batches. */
  flush(): void;
}

export function createEventQueue(endpoint: string, interval: number): EventQueue {
  let events: AnalyticsEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (body: string) => {
    try {
      fetch(endpoint, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      }).catch(() => undefined);
    } catch {
      try {
        navigator.sendBeacon?.(endpoint, body);
      } catch {
        // Dropped: analytics is never worth an error in the page.
      }
    }
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    while (events.length) {
      let chars = 0;
      let count = 0;
      const parts: string[] = [];
      for (const event of events) {
        const json = JSON.stringify(event);
        if (count && (chars + json.length > MAX_BATCH_CHARS || count >= ANALYTICS_LIMITS.eventsPerBatch)) break;
        parts.push(json);
        chars += json.length + 1;
        count++;
      }
      events = events.slice(count);
      send(`{"events":[${parts.join(',')}]}`);
    }
  };

  return {
    push(event) {
      if (events.length >= MAX_QUEUED) events.shift();
      events.push(event);
      if (events.length >= ANALYTICS_LIMITS.eventsPerBatch) flush();
      else timer ??= setTimeout(flush, interval);
    },
    flush,
  };
}
