import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KnowledgeBase } from '../../src/core/index';
import '../../src/elements/kb-help/kb-help';
import '../../src/elements/locales/de';
import './support/arabic';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import type { KbArticleOpenEvent, KbArticleViewEvent, KbNavigateEvent, KbSearchEvent } from '../../src/elements/shared/events';
import { fromHash, toHash, type KbLocation } from '../../src/core/hash-route';
import { setContextKeys } from '../../src/elements/shared/route-context';
import { knowledgeBaseOf } from '../../src/elements/shared/shown-knowledge-base';
import { bundleUrl, knowledgeBase, smallBundle } from './support/bundles';
import { $, $$, quiet, record, settled } from './support/dom';
import { waitFor } from './support/frame';
import { axNode } from './support/ax';
import { expectFollowsSystemScheme, forcedColorRules } from './support/styles';

const data = smallBundle();
for (const article of data.articles) {
  if (article.id === 'archive-storage') article.context = ['settings.archive', '/settings/archive'];
  if (article.id === 'dns-records') article.context = ['domains.dns', '/domains/:id/dns'];
}
const kb = knowledgeBase(data);

async function help(extra: { routing?: 'hash'; kb?: KnowledgeBase } = {}) {
  sessionStorage.clear();
  const el = await fixture<KbHelp>(html`<kb-help .knowledgeBase=${extra.kb ?? kb} routing=${extra.routing ?? ''}></kb-help>`);
  await settled(el);
  return el;
}

const view = (el: KbHelp) => $(el, '[part="view"]').dataset.view;
const inner = <T extends HTMLElement>(el: KbHelp, tag: string) => $<T>(el, tag);
const navButtons = (el: KbHelp) => $$<HTMLButtonElement>(el, '[part="nav-button"]');
const focusedDeep = () => {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function articleShown(el: KbHelp, title: string) {
  const article = await waitFor(() => inner(el, 'kb-article'), 'kb-article');
  await waitFor(() => $(article, 'h1')?.textContent === title, `article "${title}"`);
  return article;
}

/** Types a query into the header's search box and presses Enter. */
async function searchFor(el: KbHelp, query: string) {
  const box = inner(el, 'kb-search');
  $<HTMLInputElement>(box, 'input').focus();
  await sendKeys({ type: query });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<kb-help>', () => {
  afterEach(() => {
    setContextKeys(null);
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows a home page: title, intro, search, popular articles, categories; accessible', async () => {
    const el = await help();
    expect(view(el)).to.equal('home');
    expect($(el, 'h1').textContent).to.equal('Skyhost help');
    expect($(el, '.intro p').textContent).to.equal('Search the articles, or browse them by topic.');
    expect(inner(el, 'kb-search')).to.exist;
    expect(inner(el, 'kb-article-list')).to.exist;
    expect(inner(el, 'kb-categories')).to.exist;
    expect($$(el, '[part="section"] h2').map((h) => h.textContent)).to.deep.equal(['Popular articles', 'Categories']);
    await expect(el).to.be.accessible();
  });

  it('takes its home title, intro and number of popular articles from attributes', async () => {
    const el = await fixture<KbHelp>(
      html`<kb-help .knowledgeBase=${kb} heading="Support" intro="We are here to help." popular-count="2"></kb-help>`,
    );
    await settled(el);
    expect($(el, 'h1').textContent).to.equal('Support');
    expect($(el, '.intro p').textContent).to.equal('We are here to help.');
    const list = inner(el, 'kb-article-list');
    await settled(list as never);
    expect($$(list, '[part="link"]')).to.have.length(2);
  });

  it('hotkey: / focuses its search box', async () => {
    const el = await fixture<KbHelp>(html`<kb-help .knowledgeBase=${kb} hotkey></kb-help>`);
    await settled(el);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: '/' });
    await waitFor(() => focusedDeep() === $(inner(el, 'kb-search'), 'input'), 'search focused');
  });

  it('hands its knowledge base down to every element inside', async () => {
    const el = await help();
    for (const tag of ['kb-search', 'kb-article-list', 'kb-categories']) {
      expect(knowledgeBaseOf(inner(el, tag)!), tag).to.equal(kb);
    }
  });

  it('suggests articles for this page from the route context', async () => {
    const el = await help();
    expect($(el, '#suggested')).to.equal(null);
    setContextKeys('settings.archive');
    await waitFor(() => $(el, '#suggested'), 'suggested section');
    const links = $$<HTMLAnchorElement>(el, '#suggested + ul a');
    expect(links.map((a) => a.textContent)).to.deep.equal(['How long the archive keeps mail']);
    links[0]!.click();
    await articleShown(el, 'How long the archive keeps mail');
    el.home();
    await el.updateComplete;
    setContextKeys(null);
    history.replaceState(null, '', '#/domains/42/dns');
    await waitFor(() => $(el, '#suggested + ul a')?.textContent === 'DNS records for mail', 'suggested by the hash route');
    await expect(el).to.be.accessible();
  });

  it('searches, shows results, opens a hit, and goes back and forward, all by keyboard', async () => {
    const el = await help();
    const navigations = record<KbNavigateEvent>(el, 'kb-navigate');
    const opens = record<KbArticleOpenEvent>(el, 'kb-article-open');
    const views = record<KbArticleViewEvent>(el, 'kb-article-view');
    const searches = record<KbSearchEvent>(el, 'kb-search');
    await searchFor(el, 'quarantine');
    expect(view(el)).to.equal('search');
    expect(navigations.map((e) => e.detail)).to.deep.equal([{ view: 'search', id: 'quarantine' }]);
    // (a slow machine may also report a prefix the user paused on; the last one is the query)
    expect(searches.at(-1)!.query).to.equal('quarantine');
    expect($(el, 'h1').textContent).to.equal('Results for “quarantine”');
    expect(focusedDeep()).to.equal($(el, 'h1'));
    const hits = $$<HTMLAnchorElement>(el, '.hit-title');
    expect(hits[0]!.textContent).to.contain('quarantine');
    expect(hits[0]!.querySelector('mark')).to.exist;
    await expect(el).to.be.accessible();

    hits[0]!.focus();
    await sendKeys({ press: 'Enter' });
    const article = await articleShown(el, 'Release mail from quarantine');
    expect(opens.map((e) => e.articleId)).to.deep.equal(['quarantine']);
    expect(views.map((e) => e.articleId)).to.deep.equal(['quarantine']);
    await waitFor(() => focusedDeep() === $(article, 'h1') || focusedDeep()?.localName === 'h2', 'focus in the article');

    const [back, forward, home] = navButtons(el);
    expect(back!.disabled).to.equal(false);
    expect(forward!.disabled).to.equal(true);
    back!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(view(el)).to.equal('search');
    expect(forward!.disabled).to.equal(false);
    forward!.focus();
    await sendKeys({ press: 'Enter' });
    await articleShown(el, 'Release mail from quarantine');
    home!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(view(el)).to.equal('home');
    expect(navigations.map((e) => e.detail.view)).to.deep.equal(['search', 'search', 'article', 'home']);
  });

  it('fires each kb-article-open once, from itself, and lets the host take over', async () => {
    const el = await help();
    const seen: string[] = [];
    el.addEventListener('kb-article-open', (e) => {
      seen.push(`${(e.target as Element).localName}:${e.articleId}`);
      e.preventDefault();
    });
    const list = inner(el, 'kb-article-list');
    await settled(list as never);
    $<HTMLAnchorElement>(list, '[part="link"]').click();
    await waitFor(() => seen.length, 'kb-article-open');
    await quiet();
    expect(seen).to.deep.equal([`kb-help:${kb.popular(1)[0]!.id}`]);
    expect(view(el)).to.equal('home');
  });

  it('opens a category from the home page, then an article of it', async () => {
    const el = await help();
    const categories = inner(el, 'kb-categories');
    await settled(categories as never);
    const domains = $$<HTMLAnchorElement>(categories, '[part~="link"]').find((a) => a.textContent!.includes('Domains'))!;
    expect(domains.getAttribute('href')).to.equal('#kb?category=domains');
    domains.click();
    await el.updateComplete;
    expect(view(el)).to.equal('category');
    const shown = inner(el, 'kb-categories');
    await settled(shown as never);
    await waitFor(() => focusedDeep() === $(shown, '[part~="heading"]'), 'focus on the category title');
    const list = await waitFor(() => $(shown, 'kb-article-list'), 'article list of the category');
    await settled(list as never);
    const titles = $$(list, '[part="link"]').map((a) => a.textContent!.trim());
    expect(titles).to.deep.equal(['Add a domain', 'DNS records for mail']);
    $<HTMLAnchorElement>(list, '[part="link"]').click();
    await articleShown(el, 'Add a domain');
    await expect(el).to.be.accessible();
  });

  it('follows links inside an article and its breadcrumb back to the category', async () => {
    const el = await help();
    el.open('spam-filter-threshold');
    const article = await articleShown(el, 'Set the spam filter threshold');
    const crumbs = $$<HTMLAnchorElement>(article, '[part="breadcrumb"] a');
    crumbs.find((a) => a.textContent === 'Spam filter')!.click();
    await el.updateComplete;
    expect(view(el)).to.equal('category');
    expect(el.location).to.deep.equal({ view: 'category', id: 'spam' });
  });

  it('has methods open(id, section), search(query) and home() that fire no events', async () => {
    const el = await help();
    const events = [...record(el, 'kb-article-open'), ...record(el, 'kb-navigate'), ...record(el, 'kb-article-view')];
    el.open('dns-records', 'spf-record');
    const article = await articleShown(el, 'DNS records for mail');
    expect((article as unknown as { sectionId: string }).sectionId).to.equal('spf-record');
    el.search('domain');
    await el.updateComplete;
    expect(view(el)).to.equal('search');
    el.home();
    await el.updateComplete;
    expect(view(el)).to.equal('home');
    el.search('   ');
    await el.updateComplete;
    expect(view(el)).to.equal('home');
    expect(events).to.have.length(0);
    el.back();
    await el.updateComplete;
    expect(view(el)).to.equal('search');
  });

  it('shows the query of the results page in its search box, without opening the popup', async () => {
    const el = await help();
    const box = inner<HTMLElement & { query: string }>(el, 'kb-search');
    el.search('archive');
    await settled(el);
    expect(box.query).to.equal('archive');
    expect($<HTMLInputElement>(box, 'input').getAttribute('aria-expanded')).to.equal('false');
    el.home();
    await settled(el);
    el.back();
    await settled(el);
    expect(view(el)).to.equal('search');
    expect(box.query).to.equal('archive');
    $<HTMLButtonElement>(box, '[part="clear"]').click();
    await settled(el);
    expect(box.query).to.equal('');
  });

  it('open() and home() from the host take a stale query out of the search box', async () => {
    const el = await help();
    const box = inner<HTMLElement & { query: string }>(el, 'kb-search');
    el.search('archive');
    await settled(el);
    expect(box.query).to.equal('archive');
    el.open('dns-records');
    await articleShown(el, 'DNS records for mail');
    expect(box.query).to.equal('');
    el.search('quarantine');
    await settled(el);
    el.home();
    await settled(el);
    expect(box.query).to.equal('');
  });

  it('gives the category page a level-1 heading, like every other view', async () => {
    const el = await help();
    const domains = await waitFor(
      () => $$<HTMLAnchorElement>(inner(el, 'kb-categories'), '[part~="link"]').find((a) => a.textContent!.includes('Domains')),
      'the Domains category',
    );
    domains.click();
    await el.updateComplete;
    const heading = await waitFor(() => $(inner(el, 'kb-categories'), '[part~="heading"]'), 'category heading');
    expect(heading.textContent!.trim()).to.equal('Domains');
    const node = await axNode('kb-help', 'kb-categories', '[part~="heading"]');
    expect(node).to.include({ role: 'heading', name: 'Domains' });
    expect(node!.properties.level).to.equal(1);
  });

  it('announces the number of results through the polite live region it always has', async () => {
    const el = await help();
    const own = () => $$(el, '[role="status"], [aria-live="polite"]');
    const regions = own();
    expect(regions, 'one polite live region, there before anything is announced').to.have.length(1);
    await searchFor(el, 'spam');
    expect(view(el)).to.equal('search');
    const count = $$(el, '[part="hit"]').length;
    await waitFor(() => regions[0]!.textContent!.includes(`${count} results`), 'the count announced');
    expect(own()).to.have.length(1);
  });

  it('links each result to its article and its best section to that heading', async () => {
    const el = await help();
    el.search('spf record');
    await el.updateComplete;
    const hit = $$(el, '[part="hit"]').find((h) => h.querySelector('.hit-title')!.textContent!.includes('DNS records'))!;
    const section = hit.querySelector<HTMLAnchorElement>('.hit-section')!;
    expect(hit.querySelector('.hit-title')!.getAttribute('href')).to.equal('#kb/dns-records');
    expect(section.getAttribute('href')).to.equal('#kb/dns-records/spf-record');
    expect(section.textContent!.trim()).to.equal('Section: SPF record');
    section.focus();
    await sendKeys({ press: 'Enter' });
    const article = await articleShown(el, 'DNS records for mail');
    expect((article as unknown as { sectionId: string }).sectionId).to.equal('spf-record');
    await waitFor(() => focusedDeep() === $(article, '#spf-record'), 'focus on the section heading');
  });

  it('shows "no results" with popular articles for a search that finds nothing', async () => {
    const el = await help();
    el.search('xylophone');
    await el.updateComplete;
    expect($(el, '[part="state"]').textContent).to.contain('No articles match “xylophone”.');
    expect($$(el, '[part="state"] a').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('says "not found" for a missing article, with a way home', async () => {
    const el = await help();
    el.open('no-such-article');
    const article = await waitFor(() => inner(el, 'kb-article'), 'kb-article');
    await waitFor(() => $(article, '.kb-state--empty'), 'not found');
    $$<HTMLAnchorElement>(article, 'a')
      .find((a) => a.textContent === 'Help home')!
      .click();
    await el.updateComplete;
    expect(view(el)).to.equal('home');
  });

  it('routing="hash" mirrors the location in the URL and follows the browser back button', async () => {
    const el = await help({ routing: 'hash' });
    el.addEventListener('kb-article-open', () => undefined);
    await searchFor(el, 'archive');
    expect(location.hash).to.equal('#kb?q=archive');
    $<HTMLAnchorElement>(el, '.hit-title').click();
    await el.updateComplete;
    expect(location.hash).to.match(/^#kb\/archive-storage/);
    await articleShown(el, 'How long the archive keeps mail');
    history.back();
    await waitFor(() => view(el) === 'search', 'back to results');
    expect(location.hash).to.equal('#kb?q=archive');
    history.forward();
    await waitFor(() => view(el) === 'article', 'forward to the article');
    navButtons(el)[0]!.click();
    await waitFor(() => location.hash === '#kb?q=archive', 'back button moves the browser');
    expect(view(el)).to.equal('search');
  });

  it('routing="hash" opens a deep link and follows links typed into the address bar', async () => {
    history.replaceState(null, '', '#kb/dns-records/mx-records');
    const el = await help({ routing: 'hash' });
    const article = await articleShown(el, 'DNS records for mail');
    expect((article as unknown as { sectionId: string }).sectionId).to.equal('mx-records');
    location.hash = '#kb?category=billing';
    await waitFor(() => view(el) === 'category', 'category from the hash');
    location.hash = '#kb';
    await waitFor(() => view(el) === 'home', 'home from the hash');
  });

  it('fits 320 px without horizontal scrolling, on the home page and in an article', async () => {
    const el = await help();
    el.style.width = '320px';
    await quiet();
    expect(el.scrollWidth).to.be.at.most(320);
    el.open('dns-records');
    await articleShown(el, 'DNS records for mail');
    await quiet();
    expect(el.scrollWidth).to.be.at.most(320);
    const [back] = navButtons(el);
    expect(back!.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
  });

  it('themes: dark for itself and the elements inside; German; right to left', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="de"><kb-help theme="dark" .knowledgeBase=${kb}></kb-help></div>`,
    );
    const el = wrapper.querySelector('kb-help')!;
    await settled(el);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 27, 34)');
    const search = inner(el, 'kb-search');
    expect(getComputedStyle($(search, 'input')).color).to.equal('rgb(230, 237, 243)');
    expect($$(el, '[part="section"] h2').map((h) => h.textContent)).to.deep.equal(['Beliebte Artikel', 'Kategorien']);
    const [back, forward] = navButtons(el);
    expect(back!.getAttribute('aria-label')).to.equal('Zurück');
    // German reads left to right, also on a right-to-left page.
    expect(back!.getBoundingClientRect().left).to.be.lessThan(forward!.getBoundingClientRect().left);
    await expect(el).to.be.accessible();

    wrapper.lang = 'ar';
    await waitFor(() => navButtons(el)[0]!.getAttribute('aria-label') === 'رجوع', 'Arabic');
    const [rtlBack, rtlForward] = navButtons(el);
    expect(rtlBack!.getBoundingClientRect().left, 'Arabic: Back on the right').to.be.greaterThan(rtlForward!.getBoundingClientRect().left);
    await expect(el).to.be.accessible();
  });

  it('follows the system with theme="auto" and shows its controls in forced colors', async () => {
    const el = await fixture<KbHelp>(html`<kb-help theme="auto" .knowledgeBase=${kb}></kb-help>`);
    await settled(el);
    await expectFollowsSystemScheme(el);
    const forced = forcedColorRules(el);
    expect(forced).to.match(/\.nav-button[^}]*buttontext/i);
    expect(forced).to.match(/disabled[^}]*graytext/i);
    await expect(el).to.be.accessible();
  });

  it('styles through ::part and --kb-* custom properties from the page', async () => {
    const style = document.createElement('style');
    style.textContent =
      'kb-help.custom::part(header) { border-bottom: 3px solid rgb(1, 2, 3); } kb-help.custom { --kb-help-max-width: 500px; --kb-accent: rgb(0, 90, 40); }';
    document.head.append(style);
    try {
      const el = await fixture<KbHelp>(html`<kb-help class="custom" .knowledgeBase=${kb}></kb-help>`);
      await settled(el);
      expect(getComputedStyle($(el, '[part="header"]')).borderBottomColor).to.equal('rgb(1, 2, 3)');
      expect($(el, '[part="base"]').getBoundingClientRect().width).to.be.at.most(500);
      const list = inner(el, 'kb-article-list');
      await settled(list as never);
      expect(getComputedStyle($(list, '[part="link"]')).color).to.equal('rgb(0, 90, 40)');
    } finally {
      style.remove();
    }
  });

  it('shows "Loading help…" until its bundle is in', async () => {
    const el = await fixture<KbHelp>(html`<kb-help src=${bundleUrl(smallBundle())}></kb-help>`);
    expect($(el, '.kb-state--loading')?.textContent ?? $(el, '[part="view"]')?.textContent).to.be.a('string');
    await settled(el);
    expect(view(el)).to.equal('home');
  });

  it('shows a clear error with retry when the bundle cannot be loaded', async () => {
    const el = await fixture<KbHelp>(html`<kb-help src=${bundleUrl({ format: 'something else' })}></kb-help>`);
    await waitFor(() => $(el, '.kb-state--error'), 'error');
    expect($(el, '.kb-state--error').textContent).to.contain('Help could not be loaded.');
    expect($(el, '[part="retry"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  describe('hash locations', () => {
    it('round-trip every view, with ids and queries that need escaping', () => {
      const locations: KbLocation[] = [
        { view: 'home' },
        { view: 'article', id: 'dns-records' },
        { view: 'article', id: 'a b/c?d#e', section: 'x/y z' },
        { view: 'category', id: 'email & spam' },
        { view: 'search', query: 'spam filter & "quotes" #1 / ?' },
      ];
      for (const location of locations) expect(fromHash(toHash(location)), toHash(location)).to.deep.equal(location);
    });

    it("ignore hashes that are not the widget's, and read empty ones as home", () => {
      for (const hash of ['', '#', '#top', '#/settings/archive', '#kbx', '#kb-section']) expect(fromHash(hash), hash).to.equal(undefined);
      for (const hash of ['#kb', '#kb/', '#kb?', '#kb?q=', '#kb?q=%20%20']) expect(fromHash(hash), hash).to.deep.equal({ view: 'home' });
    });
  });
});
