/**
 * `enableAnalytics` of the lazy `kb-elements/launcher`: nothing of the sink runs before the help
 * elements load; once they do, the events are sent.
 */
import { expect } from '@open-wc/testing';
import { enableAnalytics, loadElements } from '../../src/launcher';
import { validateAnalyticsBatch } from '../../src/core/analytics-events';
import { KbArticleViewEvent } from '../../src/elements/shared/events';
import { waitFor } from './support/frame';

const ENDPOINT = 'https://stats.example.test/kb-events';
const LIVE = Symbol.for('kb-elements.analytics-live');
const live = () => (window as unknown as Record<symbol, { endpoint: string } | undefined>)[LIVE];

describe('kb-elements/launcher: enableAnalytics', () => {
  it('waits for the help elements, then sends', async () => {
    const bodies: unknown[] = [];
    const realFetch = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
      if (String(input) !== ENDPOINT) return realFetch(input, init);
      bodies.push(JSON.parse(String(init.body)));
      return Promise.resolve(new Response(null, { status: 204 }));
    }) as typeof fetch;
    try {
      const stop = enableAnalytics(ENDPOINT, { interval: 60_000 });
      expect(customElements.get('kb-search')).to.equal(undefined);
      expect(live(), 'no sink before the elements').to.equal(undefined);
      document.dispatchEvent(new KbArticleViewEvent('not-counted'));

      await loadElements();
      await waitFor(() => live(), 'the sink, loaded with the elements', 5000);
      expect(live()!.endpoint).to.equal(ENDPOINT);
      document.dispatchEvent(new KbArticleViewEvent('archive-storage'));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(bodies.length).to.equal(1);
      const checked = validateAnalyticsBatch(bodies[0]);
      expect(checked.ok && checked.value.map((e) => e.type === 'view' && e.article)).to.deep.equal(['archive-storage']);

      stop();
      await waitFor(() => !live(), 'stopped', 5000);
    } finally {
      window.fetch = realFetch;
    }
  });
});
