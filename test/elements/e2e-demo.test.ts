/**
 * The demo knowledge base end to end, as a user meets it in `<kb-help routing="hash">`:
 * search, open a result, follow links between articles and up the breadcrumb, go back with
 * the widget's button and with the browser's. Uses the bundle the build makes of
 * demo/content (test/fixtures/build-fixtures.ts), inline and split.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { KnowledgeBase } from '../../src/core/index';
import '../../src/elements/kb-help/kb-help';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import { clearSharedLoads } from '../../src/elements/shared/kb-source';
import { DEMO_BUNDLE_URL } from './support/bundles';
import { $, $$, record, settled } from './support/dom';
import { waitFor } from './support/frame';

const SPLIT_BUNDLE_URL = DEMO_BUNDLE_URL.replace('/demo/', '/demo-split/');

async function helpCenter(src = DEMO_BUNDLE_URL) {
  sessionStorage.clear();
  const el = await fixture<KbHelp>(html`<kb-help src=${src} routing="hash"></kb-help>`);
  await settled(el, 10000);
  await waitFor(() => $(el, '[part="view"]'), 'help center shown', 5000);
  return el;
}

const view = (el: KbHelp) => $(el, '[part="view"]').dataset.view;

async function shownArticle(el: KbHelp, title?: string) {
  const article = await waitFor(() => $<LitElement>(el, 'kb-article'), 'kb-article');
  await waitFor(
    () => {
      const h1 = $(article, 'h1');
      return h1 && (!title || h1.textContent === title);
    },
    `article ${title ?? ''}`,
    5000,
  );
  return article;
}

describe('demo knowledge base, end to end in <kb-help routing="hash">', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('search, open, follow a link, breadcrumb, back and forward', async () => {
    const el = await helpCenter();
    expect($(el, 'h1').textContent).to.equal('Skyhost Help Center');
    const views = record(el, 'kb-article-view');

    // search by keyboard and see the results page
    $(el, 'kb-search').shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'quarantine' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(view(el)).to.equal('search');
    expect(location.hash).to.equal('#kb?q=quarantine');
    const hits = $$<HTMLAnchorElement>(el, '.hit-title');
    expect(hits.length).to.be.greaterThan(1);
    const first = hits[0]!.textContent!.trim();
    expect(first.toLowerCase()).to.contain('quarantine');

    // open the first result by keyboard
    hits[0]!.focus();
    await sendKeys({ press: 'Enter' });
    let article = await shownArticle(el, first);
    expect(location.hash).to.match(/^#kb\//);
    expect($$(article, '[part="breadcrumb"] a').map((a) => a.textContent!.trim())[0]).to.equal('Help home');
    await expect(el).to.be.accessible();

    // follow a link to another article inside the body
    const inner = $$<HTMLAnchorElement>(article, '.body a[data-kb-article]')[0]!;
    const target = inner.dataset.kbArticle!;
    inner.click();
    article = await shownArticle(el);
    await waitFor(() => (article as unknown as { articleId: string }).articleId === target && $(article, 'h1'), 'linked article');
    expect(location.hash.startsWith(`#kb/${target}`)).to.equal(true);
    const secondTitle = $(article, 'h1').textContent;

    // the widget's back button returns to the first article, the browser's back to the results
    $$<HTMLButtonElement>(el, '[part="nav-button"]')[0]!.click();
    await shownArticle(el, first);
    history.back();
    await waitFor(() => view(el) === 'search', 'browser back to results');
    history.forward();
    await shownArticle(el, first);
    $$<HTMLButtonElement>(el, '[part="nav-button"]')[1]!.click();
    await shownArticle(el, secondTitle!);

    // up the breadcrumb to the category, then into another article of it
    article = await shownArticle(el);
    const crumbs = $$<HTMLAnchorElement>(article, '[part="breadcrumb"] a');
    crumbs[crumbs.length - 1]!.click();
    await waitFor(() => view(el) === 'category', 'category view');
    expect(location.hash).to.match(/^#kb\?category=/);
    const categories = $<LitElement>(el, 'kb-categories');
    await settled(categories);
    const list = await waitFor(() => $<LitElement>(categories, 'kb-article-list'), 'articles of the category');
    await settled(list);
    const entry = $$<HTMLAnchorElement>(list, '[part="link"]')[0]!;
    const entryTitle = entry.textContent!.trim();
    entry.click();
    await shownArticle(el, entryTitle);
    expect(views.length).to.be.greaterThan(3);
  });

  it('shows images from the bundle, code with copy buttons, scrolling tables and alerts', async () => {
    const el = await helpCenter();
    el.open('archive-storage');
    const article = await shownArticle(el);
    const img = $<HTMLImageElement>(article, '.body img');
    expect(new URL(img.src).pathname).to.match(/^\/test\/fixtures\/generated\/demo\/assets\/archive-tiers\.[0-9a-f]+\.svg$/);
    img.scrollIntoView();
    await waitFor(() => img.complete && img.naturalWidth > 0, 'image loaded', 5000);
    expect($$(article, '.kb-code .kb-copy').length).to.be.greaterThan(0);
    expect($(article, '.kb-table table')).to.exist;
    expect($(article, '.body .alert')).to.exist;
    expect($(article, '[part="toc"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('resolves images against the bundle also when given a loaded knowledge base', async () => {
    const kb = await KnowledgeBase.load(DEMO_BUNDLE_URL);
    const el = await fixture<KbHelp>(html`<kb-help .knowledgeBase=${kb}></kb-help>`);
    await settled(el);
    el.open('archive-storage');
    const article = await shownArticle(el);
    expect(new URL($<HTMLImageElement>(article, '.body img').src).pathname).to.match(/^\/test\/fixtures\/generated\/demo\/assets\//);
  });

  it('deep links with #kb/<id>/<section> open the section', async () => {
    history.replaceState(null, '', '#kb/dns-records/mx-records');
    const el = await helpCenter();
    const article = await shownArticle(el);
    const heading = await waitFor(() => $(article, '#mx-records'), 'section heading');
    await waitFor(() => Math.abs(heading.getBoundingClientRect().top) < window.innerHeight, 'section in view');
  });

  it('works the same with split bodies fetched when an article opens', async () => {
    clearSharedLoads();
    const el = await helpCenter(SPLIT_BUNDLE_URL);
    el.search('dkim');
    await el.updateComplete;
    const hit = $<HTMLAnchorElement>(el, '.hit-title');
    const title = hit.textContent!.trim();
    hit.click();
    const article = await shownArticle(el, title);
    expect($(article, '.body').textContent!.length).to.be.greaterThan(200);
  });
});
