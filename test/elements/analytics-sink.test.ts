/**
 * The analytics sink (`enableAnalytics`, from `kb-elements/analytics`) with real elements and a
 * stubbed `fetch`: what a search, a view, feedback and a contact click send, when, and what is
 * never sent; batching; failures that stay quiet.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { disableAnalytics, enableAnalytics } from '../../src/analytics';
import { validateAnalyticsBatch, type AnalyticsEvent, type SearchAnalyticsEvent } from '../../src/core/analytics-events';
import '../../src/elements/kb-help/kb-help';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-search/kb-search';
import type { KbSearch } from '../../src/elements/kb-search/kb-search';
import { KbArticleViewEvent } from '../../src/elements/shared/events';
import { DEMO_BUNDLE_URL } from './support/bundles';
import { $, $$, record, settled } from './support/dom';
import { waitFor } from './support/frame';
import { pageErrorsDuring } from './support/page-errors';

const ENDPOINT = 'https://stats.example.test/kb-events';

interface Sent {
  url: string;
  init: RequestInit;
  events: AnalyticsEvent[];
}

/** Replaces `fetch` with a recorder (requests to the endpoint only); restores it after each test. */
let sent: Sent[] = [];
const realFetch = window.fetch;
function stubFetch(answer: () => Promise<Response> = () => Promise.resolve(new Response(null, { status: 204 }))) {
  window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (!url.startsWith(ENDPOINT)) return realFetch(input, init);
    const checked = validateAnalyticsBatch(JSON.parse(String(init.body)));
    if (!checked.ok) throw new Error(`the sink sent what the collector refuses: ${checked.error}`);
    sent.push({ url, init, events: checked.value });
    return answer();
  }) as typeof fetch;
}

const events = () => sent.flatMap((s) => s.events);
/** An event without the fields every event has. */
const strip = ({ time, session, kbVersion, client, lang, v, ...rest }: AnalyticsEvent) => rest;
const leave = () => window.dispatchEvent(new PageTransitionEvent('pagehide'));

/** The page goes to the background (another tab or app). */
function hidePage() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  try {
    document.dispatchEvent(new Event('visibilitychange'));
  } finally {
    delete (document as { visibilityState?: unknown }).visibilityState;
  }
}

/** To another tab and back. */
function switchTabs() {
  hidePage();
  document.dispatchEvent(new Event('visibilitychange'));
}

async function helpCenter(): Promise<KbHelp> {
  sessionStorage.clear();
  const el = await fixture<KbHelp>(html`<kb-help src=${DEMO_BUNDLE_URL}></kb-help>`);
  await settled(el, 10000);
  await waitFor(() => $(el, 'kb-search'), 'search box', 5000);
  return el;
}

const searchInput = (help: KbHelp) => $<KbSearch>(help, 'kb-search').shadowRoot!.querySelector('input')!;

async function searchAndSettle(help: KbHelp, text: string) {
  const searches = record(help, 'kb-search');
  // The whole query at once: typed key by key, a busy machine can pause past the settle time
  // mid-word and settle on a part of it (the keyboard path is the end-to-end test's).
  const input = searchInput(help);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  await waitFor(() => searches.length, `kb-search for ${text}`, 5000);
}

/** Picks the first result with the keyboard (focus in the search box); the id of the article shown. */
async function openFirstResult(help: KbHelp): Promise<string> {
  await waitFor(() => $<KbSearch>(help, 'kb-search').shadowRoot!.querySelector('[role="option"]'), 'results');
  searchInput(help).focus();
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  return ((await shownArticle(help)) as HTMLElement & { articleId: string }).articleId;
}

async function shownArticle(help: KbHelp) {
  return waitFor(
    () => {
      const article = $(help, 'kb-article');
      return article?.shadowRoot?.querySelector('h1') && article;
    },
    'article',
    5000,
  );
}

describe('analytics sink', () => {
  beforeEach(() => {
    sent = [];
    stubFetch();
  });
  afterEach(() => {
    disableAnalytics();
    window.fetch = realFetch;
  });

  it('sends nothing when not enabled', async () => {
    const help = await helpCenter();
    await searchAndSettle(help, 'webhooks');
    leave();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sent).to.deep.equal([]);
  });

  it('a search that found nothing, one whose result was opened, the view and the feedback: one batch when the page is left', async () => {
    enableAnalytics(ENDPOINT, { interval: 60_000 });
    const help = await helpCenter();
    await searchAndSettle(help, 'webhooks');
    await searchAndSettle(help, 'spam filter');
    const id = await openFirstResult(help);
    const article = await shownArticle(help);

    // "No", with a reason that names someone.
    $$<HTMLButtonElement>(article, '[part="feedback"] button')
      .find((b) => /no/i.test(b.textContent!))!
      .click();
    const reason = await waitFor(() => $<HTMLTextAreaElement>(article, 'textarea'), 'reason field');
    reason.value = 'Mail jane.doe@example.com or call +44 20 7946 0958, the steps do not match';
    $<HTMLButtonElement>(article, '[part="feedback"] button[type="submit"]').click();
    await waitFor(() => !$(article, 'textarea'), 'sent');

    expect(sent, 'nothing before the interval or leaving').to.deep.equal([]);
    leave();
    expect(sent.length).to.equal(1);
    const [request] = sent;
    expect(request!.url).to.equal(ENDPOINT);
    expect(request!.init).to.include({ method: 'POST', keepalive: true, credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(request!.init.headers, 'a string body: text/plain, no CORS preflight').to.equal(undefined);

    const found = (events()[1] as SearchAnalyticsEvent).results;
    expect(found).to.be.within(1, 8);
    expect(events().map(strip)).to.deep.equal([
      { type: 'search', query: 'webhooks', results: 0 },
      { type: 'search', query: 'spam filter', results: found, opened: id },
      { type: 'view', article: id },
      { type: 'feedback', article: id, helpful: false, reason: 'Mail [email] or call +[number], the steps do not match' },
    ]);
    const first = events()[0]!;
    expect(first.v).to.equal(1);
    expect(first.session).to.match(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(events().map((e) => e.session)).size).to.equal(1);
    expect(first.lang).to.equal('en');
    expect(first.client).to.equal('0.1.0');
    expect(first.kbVersion).to.match(/^[0-9a-f]{12}$/);
    expect(Date.now() - Date.parse(first.time)).to.be.within(0, 60_000);
    // Nothing about the user is kept in the browser.
    expect(document.cookie).to.equal('');
    expect(JSON.stringify({ ...localStorage })).to.not.contain(first.session);
    expect(JSON.stringify({ ...sessionStorage })).to.not.contain(first.session);
  });

  it("views: the help center's own open counts once; a host that takes over still counts; host calls do not", async () => {
    enableAnalytics(ENDPOINT, { interval: 60_000 });
    const help = await helpCenter();
    // The host opens an article: not a view.
    help.open('dns-records');
    await shownArticle(help);
    // The user follows a link in it: one view (kb-help shows it and reports it).
    const link = await waitFor(
      () => $$<HTMLAnchorElement>($(help, 'kb-article'), '.body a[data-kb-article]')[0],
      'a link to another article',
    );
    const target = link.dataset.kbArticle!;
    link.click();
    await waitFor(() => ($(help, 'kb-article') as HTMLElement & { articleId: string }).articleId === target, 'linked article');
    // The host cancels the next open and shows the article itself: still the user's view.
    help.addEventListener('kb-article-open', (e) => e.preventDefault(), { once: true });
    const back = $$<HTMLAnchorElement>($(help, 'kb-article'), '.body a[data-kb-article]').find((a) => a.dataset.kbArticle !== target);
    back?.click();
    // The sink learns that the host took over once every listener has run (a microtask later).
    await Promise.resolve();
    // A host that counts a view of its own, with the event.
    document.dispatchEvent(new KbArticleViewEvent('billing-faq'));
    leave();
    const views = events()
      .filter((e) => e.type === 'view')
      .map((e) => e.type === 'view' && e.article);
    expect(views).to.deep.equal([target, ...(back ? [back.dataset.kbArticle] : []), 'billing-faq']);
  });

  it('kb-contact (by its name): a contact click with the article and the redacted query; the open search ends unopened', async () => {
    enableAnalytics(ENDPOINT, { interval: 60_000 });
    const help = await helpCenter();
    await searchAndSettle(help, 'refund');
    const contact = Object.assign(new Event('kb-contact', { bubbles: true, composed: true }), {
      articleId: 'invoices-and-payments',
      query: 'refund order 12345678',
      url: 'mailto:support@skyhost.example',
    });
    $(help, 'kb-search').dispatchEvent(contact);
    leave();
    expect(events().map(strip)).to.deep.equal([
      { type: 'search', query: 'refund', results: 0 },
      { type: 'contact', article: 'invoices-and-payments', query: 'refund order [number]' },
    ]);
  });

  it('a tab switch sends what is finished and keeps the search open: a result opened on coming back counts', async () => {
    enableAnalytics(ENDPOINT, { interval: 60_000 });
    const help = await helpCenter();
    await searchAndSettle(help, 'webhooks');
    await searchAndSettle(help, 'spam filter');
    await waitFor(() => $<KbSearch>(help, 'kb-search').shadowRoot!.querySelector('[role="option"]'), 'results');
    switchTabs();
    expect(sent.length, 'hiding sends at once').to.equal(1);
    expect(events().map(strip), 'the finished search only').to.deep.equal([{ type: 'search', query: 'webhooks', results: 0 }]);

    // Back on the page, the user opens a result of the search they left open.
    const id = await openFirstResult(help);
    leave();
    const found = (events()[1] as SearchAnalyticsEvent).results;
    expect(found).to.be.within(1, 8);
    expect(events().map(strip)).to.deep.equal([
      { type: 'search', query: 'webhooks', results: 0 },
      { type: 'search', query: 'spam filter', results: found, opened: id },
      { type: 'view', article: id },
    ]);
  });

  it('a page the browser freezes (it may discard it without another event) ends the open search', async () => {
    enableAnalytics(ENDPOINT, { interval: 60_000 });
    const help = await helpCenter();
    await searchAndSettle(help, 'spam filter');
    switchTabs();
    expect(sent, 'hidden: nothing is over yet').to.deep.equal([]);
    document.dispatchEvent(new Event('freeze'));
    expect(events().map(strip)).to.deep.equal([
      { type: 'search', query: 'spam filter', results: (events()[0] as SearchAnalyticsEvent).results },
    ]);
    expect((events()[0] as SearchAnalyticsEvent).results).to.be.greaterThan(0);
    leave();
    expect(events().length, 'sent once').to.equal(1);
  });

  it('sends every few seconds while the page is visible, at most 100 events a request, and on hiding', async () => {
    enableAnalytics(ENDPOINT, { interval: 300 });
    for (let i = 0; i < 3; i++) document.dispatchEvent(new KbArticleViewEvent(`a${i}`));
    await waitFor(() => sent.length === 1, 'the timed send', 5000);
    expect(events().length).to.equal(3);
    for (let i = 0; i < 230; i++) document.dispatchEvent(new KbArticleViewEvent(`b${i}`));
    hidePage();
    expect(sent.map((s) => s.events.length)).to.deep.equal([3, 100, 100, 30]);
  });

  it('failures stay quiet: a refused, failed or throwing send never reaches the page', async () => {
    const errors = await pageErrorsDuring(async () => {
      enableAnalytics(ENDPOINT, { interval: 60_000 });
      stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      document.dispatchEvent(new KbArticleViewEvent('a'));
      leave();
      stubFetch(() => Promise.resolve(new Response('{"error":"no"}', { status: 400 })));
      document.dispatchEvent(new KbArticleViewEvent('b'));
      leave();
      window.fetch = (() => {
        throw new Error('fetch is broken');
      }) as typeof fetch;
      document.dispatchEvent(new KbArticleViewEvent('c'));
      leave();
      // Events the sink cannot use are ignored, not thrown on.
      document.dispatchEvent(new CustomEvent('kb-article-view', { detail: null }));
      document.dispatchEvent(new CustomEvent('kb-search', { detail: { query: 42 } }));
      leave();
    });
    expect(errors).to.deep.equal([]);
  });

  it('one sink per page; disabling sends what it holds and stops listening; a bad endpoint is a warning', async () => {
    const stop = enableAnalytics(ENDPOINT, { interval: 60_000 });
    expect(enableAnalytics(ENDPOINT)).to.equal(stop);
    document.dispatchEvent(new KbArticleViewEvent('a'));
    stop();
    expect(events().map((e) => e.type === 'view' && e.article)).to.deep.equal(['a']);
    document.dispatchEvent(new KbArticleViewEvent('b'));
    leave();
    expect(events().length).to.equal(1);

    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      enableAnalytics('javascript:alert(1)');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal(['kb-elements: analytics not enabled, the endpoint is not a web address']);
    document.dispatchEvent(new KbArticleViewEvent('c'));
    leave();
    expect(events().length).to.equal(1);
  });
});
