/**
 * Help-center insights end to end: a host page with the script tag and `data-kb-analytics`
 * (served with a strict CSP that allows `connect-src` to the collector), a real collector on
 * another port (test/elements/support/analytics-plugin.mjs), and a person who searches for
 * something that finds nothing, searches again, opens an article, says it helped and leaves
 * the page. Then: the collector's files hold those events, the report shows the search that
 * found nothing, views.json counts the article, and a build with it shows that count.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { StoredAnalyticsEvent } from '../../src/core/analytics-events';
import { loadFrame, waitFor } from './support/frame';

type HostWindow = Window & typeof globalThis & { hostErrors: string[]; cspViolations: string[] };
interface Stored {
  events: StoredAnalyticsEvent[];
  requests: { origin: string | null; referer: string | null; cookie: string | null; contentType: string | null }[];
}

const command = <T>(name: string, payload: object) => executeServerCommand<T, object>(name, payload) as Promise<T>;

/** Polls the collector until `check` holds (the page sends on its own schedule). */
async function storedWhen(id: string, check: (stored: Stored) => boolean, what: string): Promise<Stored> {
  const deadline = performance.now() + 15000;
  for (;;) {
    const stored = await command<Stored>('kb-analytics-stored', { id });
    if (check(stored)) return stored;
    if (performance.now() > deadline) throw new Error(`timed out: ${what}; stored: ${JSON.stringify(stored)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const deep = (root: ParentNode | null | undefined, ...selectors: string[]): Element | null => {
  let node: ParentNode | null | undefined = root;
  let found: Element | null = null;
  for (const selector of selectors) {
    found = node?.querySelector(selector) ?? null;
    node = found?.shadowRoot ?? found;
  }
  return found;
};

describe('help-center insights, end to end', function () {
  this.timeout(60000);

  for (const script of ['kb-launcher', 'kb-elements'] as const) {
    it(`${script}.js with data-kb-analytics: searches, a view and feedback reach the collector, the report and the build`, async () => {
      // The helpfulness question is asked once per article and session (shared with the frame).
      sessionStorage.clear();
      const { id, url } = await command<{ id: string; url: string }>('kb-analytics-start', { origin: location.origin });
      try {
        const { frame, win: w } = await loadFrame(`/test/analytics-host.html?script=${script}&collector=${encodeURIComponent(url)}`);
        const win = w as HostWindow;
        const doc = win.document;
        const seen: string[] = [];
        for (const type of ['kb-search', 'kb-article-view', 'kb-feedback']) doc.addEventListener(type, () => seen.push(type));

        // Open help with the keyboard.
        const launcher = await waitFor(() => doc.querySelector('kb-launcher'), 'launcher');
        (await waitFor(() => launcher.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]'), 'button')).focus();
        await sendKeys({ press: 'Enter' });
        const help = () => deep(launcher.shadowRoot, 'kb-launcher-panel', 'kb-help');
        const input = await waitFor(() => deep(help()?.shadowRoot, 'kb-search', 'input') as HTMLInputElement | null, 'search box', 10000);

        // A search that finds nothing, settled on (the query rests).
        input.focus();
        await sendKeys({ type: 'webhooks' });
        await waitFor(() => seen.includes('kb-search'), 'the first search settled', 5000);

        // Another search; the first result opened from the keyboard.
        await sendKeys({ down: 'Control' });
        await sendKeys({ press: 'a' });
        await sendKeys({ up: 'Control' });
        await sendKeys({ type: 'spam filter' });
        await waitFor(() => deep(help()?.shadowRoot, 'kb-search')?.shadowRoot?.querySelector('[role="option"]'), 'results');
        await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'Enter' });
        const article = await waitFor(
          () => deep(help()?.shadowRoot, 'kb-article')?.shadowRoot?.querySelector('h1') && deep(help()?.shadowRoot, 'kb-article'),
          'article',
          5000,
        );

        // "Was this article helpful?" Yes.
        const yes = await waitFor(
          () =>
            [...article.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="feedback"] button')].find((b) =>
              /yes/i.test(b.textContent ?? ''),
            ),
          'helpful button',
        );
        yes.focus();
        await sendKeys({ press: 'Enter' });
        await waitFor(() => seen.includes('kb-feedback'), 'feedback');
        expect(win.hostErrors).to.deep.equal([]);
        expect(win.cspViolations).to.deep.equal([]);

        // Leave the page: the batch still held is sent on the way out.
        win.location.href = '/test/elements/pages/analytics/left.html';

        const { events, requests } = await storedWhen(id, (s) => s.events.some((e) => e.type === 'feedback'), 'the events of the visit');
        // Found by query: on a busy machine a pause between two typed keys can also settle a part of a word.
        const searches = events.filter((e) => e.type === 'search') as Extract<StoredAnalyticsEvent, { type: 'search' }>[];
        const miss = searches.find((e) => e.query === 'webhooks');
        const hit = searches.find((e) => e.query === 'spam filter');
        expect(miss).to.include({ query: 'webhooks', results: 0 });
        expect(miss!.opened).to.equal(undefined);
        expect(hit).to.include({ query: 'spam filter' });
        expect(hit!.results).to.be.greaterThan(0);
        const opened = hit!.opened!;
        expect(opened).to.be.a('string');
        const views = events.filter((e) => e.type === 'view');
        expect(views.map((e) => e.type === 'view' && e.article)).to.deep.equal([opened]);
        expect(events.find((e) => e.type === 'feedback')).to.include({ article: opened, helpful: true });
        // Every event: the schema version, one session id for the visit, the language and versions.
        expect(new Set(events.map((e) => e.session)).size).to.equal(1);
        for (const event of events) {
          expect(event).to.include({ v: 1, lang: 'en', client: '0.1.0' });
          expect(event.kbVersion).to.match(/^[0-9a-f]{12}$/);
        }
        // Sent without referrer or cookies, as plain text (no preflight). (The Origin header is not
        // checked here: the test browser runs with --disable-web-security, @sparticuz/chromium's
        // default, and sends none; test/build/collector.test.ts covers CORS and origins.)
        for (const { referer, cookie, contentType } of requests)
          expect({ referer, cookie, contentType }).to.deep.equal({ referer: null, cookie: null, contentType: 'text/plain;charset=UTF-8' });

        // The report shows the search that found nothing; views.json counts the article; a build with it shows the count.
        const report = await command<{ html: string; views: Record<string, number>; built: Record<string, number>; warnings: string[] }>(
          'kb-analytics-report',
          { id, kb: 'test/fixtures/generated/demo/kb.json' },
        );
        const gaps = report.html.slice(report.html.indexOf('<h2 id="gaps-h">'), report.html.indexOf('<section id="unopened"'));
        expect(gaps).to.contain('<q class="query">webhooks</q>');
        expect(report.views).to.deep.equal({ [opened]: 1 });
        expect(report.built[opened]).to.equal(1);
        expect(report.warnings).to.deep.equal([]);
        frame.remove();
      } finally {
        await command('kb-analytics-stop', { id });
      }
    });
  }
});
