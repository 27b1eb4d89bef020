/**
 * The snippets of docs/analytics.md that send the elements' events to Plausible, PostHog and
 * GA4, run as written there (read from the file) against stubs of `plausible`, `posthog` and
 * `gtag`, with `kbElements.on` and a real search box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createApi } from '../../src/elements/kb-launcher/global-api';
import '../../src/elements/kb-search/kb-search';
import type { KbSearch } from '../../src/elements/kb-search/kb-search';
import { KbArticleViewEvent, KbFeedbackEvent } from '../../src/elements/shared/events';
import { knowledgeBase } from './support/bundles';
import { record } from './support/dom';
import { waitFor } from './support/frame';

const kb = knowledgeBase();

async function snippets(): Promise<Map<string, string>> {
  const doc = await (await fetch('/docs/analytics.md')).text();
  return new Map([...doc.matchAll(/<!-- snippet: (\w+) -->\s*```js\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]));
}

/** What a user does: a search that finds nothing, one that finds something, a view, an answer. */
async function useHelp() {
  sessionStorage.clear();
  const box = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${kb} storage-key=""></kb-search>`);
  const searches = record(document, 'kb-search');
  const input = box.shadowRoot!.querySelector('input')!;
  // Each query at once: typed key by key, a busy machine can pause past the settle time mid-word
  // and settle on a part of it (the keyboard path is the end-to-end test's and kb-search's).
  const enter = (text: string) => {
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  };
  input.focus();
  enter('webhooks');
  await waitFor(() => searches.length === 1, 'the first search settled', 5000);
  enter('quarantine');
  await sendKeys({ press: 'Enter' });
  await waitFor(() => searches.length === 2, 'the second search', 5000);
  box.dispatchEvent(new KbArticleViewEvent('quarantine'));
  box.dispatchEvent(new KbFeedbackEvent('quarantine', false, 'No release button on my phone'));
}

describe('docs/analytics.md: sending the events to your own analytics', () => {
  const stops: (() => void)[] = [];
  /** `kbElements` as a script-tag page has it, keeping the listeners to remove them after each test. */
  const kbElements = () => {
    const api = createApi({ version: 'test' });
    return { ...api, on: (name: string, handler: (e: Event) => void) => (stops.push(api.on(name, handler)), stops.at(-1)!) };
  };
  const run = async (name: string, stubs: Record<string, unknown>) => {
    const code = (await snippets()).get(name);
    expect(code, `a "${name}" snippet in docs/analytics.md`).to.be.a('string');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the documented snippet, as the page would
    new Function('kbElements', ...Object.keys(stubs), code!)(kbElements(), ...Object.values(stubs));
    await useHelp();
  };
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('Plausible', async () => {
    const calls: unknown[][] = [];
    await run('plausible', { plausible: (...args: unknown[]) => calls.push(args) });
    expect(calls).to.deep.equal([
      ['Help search', { props: { query: 'webhooks', results: 0 } }],
      ['Help search found nothing', { props: { query: 'webhooks' } }],
      ['Help search', { props: { query: 'quarantine', results: (calls[2]![1] as { props: { results: number } }).props.results } }],
      ['Help article', { props: { article: 'quarantine' } }],
      ['Help feedback', { props: { article: 'quarantine', helpful: 'false' } }],
    ]);
    expect((calls[2]![1] as { props: { results: number } }).props.results).to.be.greaterThan(0);
  });

  it('PostHog', async () => {
    const calls: unknown[][] = [];
    await run('posthog', { posthog: { capture: (...args: unknown[]) => calls.push(args) } });
    expect(calls.map(([name]) => name)).to.deep.equal(['help_search', 'help_search', 'help_article_view', 'help_feedback']);
    expect(calls[0]).to.deep.equal(['help_search', { query: 'webhooks', results: 0 }]);
    expect(calls[3]).to.deep.equal(['help_feedback', { article: 'quarantine', helpful: false, reason: 'No release button on my phone' }]);
  });

  it('GA4', async () => {
    const calls: unknown[][] = [];
    await run('gtag', { gtag: (...args: unknown[]) => calls.push(args) });
    expect(calls.map((c) => c[1])).to.deep.equal(['search', 'help_no_results', 'search', 'help_article_view', 'help_feedback']);
    expect(calls[0]).to.deep.equal(['event', 'search', { search_term: 'webhooks', results: 0 }]);
    expect(calls[3]).to.deep.equal(['event', 'help_article_view', { article_id: 'quarantine' }]);
  });
});
