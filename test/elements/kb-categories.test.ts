import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KbCategories } from '../../src/elements/kb-categories/kb-categories';
import '../../src/elements/kb-categories/kb-categories';
import '../../src/elements/locales/de';
import type { KbArticleOpenEvent, KbNavigateEvent } from '../../src/elements/shared/events';
import { bundleUrl, hostileBundle, knowledgeBase, makeBundle, smallBundle } from './support/bundles';
import { $, $$, imagesSettled, record, scriptTraces, withHeldFetch } from './support/dom';
import { waitFor } from './support/frame';
import './support/arabic';

const small = knowledgeBase(smallBundle());

const cards = (el: KbCategories) => $$(el, '[part~="category"]');
const link = (el: KbCategories, id: string) => $(el, `[data-category="${id}"]`);

describe('<kb-categories>', () => {
  it('lists top-level categories with description, count, and nested subcategories', async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small}></kb-categories>`);
    expect(cards(el).map((c) => c.querySelector('[part~="link"]')!.textContent!.trim())).to.deep.equal([
      'Getting started',
      'Email filtering',
      'Domains',
      'Billing',
    ]);
    const email = cards(el)[1]!;
    expect(email.querySelector('[part~="description"]')!.textContent).to.equal('Keep spam out and mail archived.');
    expect(email.querySelector('[part~="count"]')!.textContent).to.equal('4 articles');
    const nested = [...email.querySelectorAll('.nested [part~="link"]')].map((a) => a.textContent!.trim());
    expect(nested).to.deep.equal(['Spam filter', 'Archive']);
    expect(cards(el)[3]!.querySelector('[part~="count"]')!.textContent).to.equal('0 articles');
    expect($(el, 'nav').getAttribute('aria-label')).to.equal('Categories');
    await expect(el).to.be.accessible();
  });

  it('depth="1" hides subcategories; parent lists a subtree', async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small} depth="1"></kb-categories>`);
    expect($$(el, '.nested')).to.have.length(0);
    el.parent = 'email';
    await el.updateComplete;
    expect(cards(el).map((c) => c.querySelector('[part~="link"]')!.textContent!.trim())).to.deep.equal(['Spam filter', 'Archive']);
  });

  it('picking a category by keyboard fires kb-navigate and shows its articles; back returns focus', async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small}></kb-categories>`);
    const nav = record<KbNavigateEvent>(document, 'kb-navigate');
    link(el, 'spam').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(nav.map((e) => [e.view, e.id])).to.deep.equal([['category', 'spam']]);
    expect(nav[0]!.cancelable && nav[0]!.composed && nav[0]!.bubbles).to.be.true;
    expect(el.selected).to.equal('spam');
    const heading = $(el, '[part~="heading"]');
    expect(heading.textContent).to.equal('Spam filter');
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(el.shadowRoot!.activeElement === heading, 'focus on the heading').to.be.true;
    const list = $(el, 'kb-article-list')!;
    await (list as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const items = [...list.shadowRoot!.querySelectorAll('[part~="link"]')].map((a) => a.textContent!.trim());
    expect(items).to.deep.equal(['Set the spam filter threshold', 'Release mail from quarantine', 'Outbound filtering']);
    await expect(el).to.be.accessible();

    const opened = record<KbArticleOpenEvent>(document, 'kb-article-open');
    (list.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    expect(opened.map((e) => e.articleId)).to.deep.equal(['spam-filter-threshold']);

    $(el, '[part~="back"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(nav.at(-1)!.view).to.equal('home');
    expect(el.selected).to.equal(undefined);
    expect(el.shadowRoot!.activeElement === link(el, 'spam'), 'focus back on the picked category').to.be.true;
  });

  it('a category with subcategories only shows them, with their counts', async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small}></kb-categories>`);
    link(el, 'email').click();
    await el.updateComplete;
    expect($$(el, '.subcategories [part~="link"]').map((a) => a.textContent!.trim())).to.deep.equal(['Spam filter', 'Archive']);
    expect($(el, 'kb-article-list')).to.equal(null);
    link(el, 'archive').click();
    await el.updateComplete;
    expect($(el, '[part~="heading"]').textContent).to.equal('Archive');
  });

  it("renders a category's intro only through the sanitizer", async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small} selected="archive"></kb-categories>`);
    expect($(el, '.intro strong').textContent).to.equal('archive');
    await imagesSettled(el.shadowRoot!);
    expect(scriptTraces(el.shadowRoot!)).to.deep.equal([]);
    expect((window as { __kbIntroXss?: unknown }).__kbIntroXss).to.equal(undefined);
  });

  it('a listener that cancels kb-navigate keeps the list (kb-help shows the category itself)', async () => {
    const el = await fixture<KbCategories>(
      html`<kb-categories .knowledgeBase=${small} @kb-navigate=${(e: Event) => e.preventDefault()}></kb-categories>`,
    );
    link(el, 'domains').click();
    await el.updateComplete;
    expect(el.selected).to.equal(undefined);
    expect(cards(el)).to.have.length(4);
  });

  it('category-url turns categories into links', async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small} category-url="/help/c/{id}"></kb-categories>`);
    expect(link(el, 'spam').getAttribute('href')).to.equal('/help/c/spam');
    await expect(el).to.be.accessible();
  });

  it('states: loading, error with retry, no categories, unknown selection', async () => {
    const url = bundleUrl(smallBundle());
    await withHeldFetch(url, async (release) => {
      const loading = await fixture<KbCategories>(html`<kb-categories src=${url}></kb-categories>`);
      expect($(loading, '[role="status"]').textContent).to.contain('Loading help…');
      release();
      await waitFor(() => cards(loading).length, 'categories');
    });

    const broken = await fixture<KbCategories>(
      html`<kb-categories src=${bundleUrl({ format: 'kb-elements/bundle', version: 99 })}></kb-categories>`,
    );
    const alert = await waitFor(() => $(broken, '[role="alert"]'), 'error');
    expect(alert.textContent).to.contain('made for another version');
    expect(alert.getAttribute('title')).to.contain('version 99');
    await expect(broken).to.be.accessible();

    const empty = await fixture<KbCategories>(
      html`<kb-categories .knowledgeBase=${knowledgeBase(makeBundle({ categories: [], articles: [] }))}></kb-categories>`,
    );
    expect($(empty, '[part~="state"]').textContent).to.contain('There are no categories yet.');

    const missing = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small} selected="gone"></kb-categories>`);
    expect($(missing, '[part~="state"]').textContent).to.contain('There is no category “gone”.');
    $(missing, '[part~="back"]').click();
    await missing.updateComplete;
    expect(cards(missing)).to.have.length(4);
  });

  it('themes and languages', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de-CH"><kb-categories .knowledgeBase=${small} theme="dark"></kb-categories></div>`,
    );
    const el = wrapper.querySelector('kb-categories')!;
    expect(cards(el)[1]!.querySelector('[part~="count"]')!.textContent).to.equal('4 Artikel');
    expect($(el, 'nav').getAttribute('aria-label')).to.equal('Kategorien');
    expect(getComputedStyle(cards(el)[0]!).backgroundColor).to.equal('rgb(22, 27, 34)');
    await expect(el).to.be.accessible();
    el.style.setProperty('--kb-radius', '0px');
    expect(getComputedStyle(cards(el)[0]!).borderTopLeftRadius).to.equal('0px');
  });

  it('nested kb-* elements inherit the theme of their container', async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${small} theme="dark" selected="spam"></kb-categories>`);
    const list = $(el, 'kb-article-list')!;
    await (list as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(list).backgroundColor).to.equal('rgb(22, 27, 34)');
    await expect(el).to.be.accessible();
  });

  it('shows built-in icons by name, with a part per name for the host', async () => {
    const bundle = makeBundle({
      categories: [
        { id: 'a', title: 'Mail', icon: 'mail', order: 1 },
        { id: 'b', title: 'Custom', icon: 'unicorn', order: 2 },
        { id: 'c', title: 'Hostile', icon: '"><img src=x onerror=alert(1)>', order: 3 },
        { id: 'd', title: 'None', order: 4 },
      ],
      articles: [],
    });
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${knowledgeBase(bundle)}></kb-categories>`);
    const icons = cards(el).map((c) => c.querySelector('[part~="icon"]'));
    expect(icons[0]!.getAttribute('part')).to.equal('icon icon-mail');
    expect(icons[0]!.querySelector('svg path')).to.exist;
    expect(icons[1]!.getAttribute('part')).to.equal('icon icon-unicorn');
    expect(getComputedStyle(icons[1]!).display, 'no drawing: hidden until the host styles it').to.equal('none');
    expect(icons[2]!.getAttribute('part')).to.equal('icon icon-imgsrcxonerroralert1');
    expect(icons[3]).to.equal(null);
    expect(scriptTraces(el.shadowRoot!)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in a right-to-left language', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="ar"><kb-categories .knowledgeBase=${small}></kb-categories></div>`,
    );
    const el = wrapper.querySelector('kb-categories')!;
    const first = cards(el)[0]!.getBoundingClientRect();
    const second = cards(el)[1]!.getBoundingClientRect();
    expect(first.left, 'the first card is on the right').to.be.greaterThan(second.left);
    // Each card is in the knowledge base's language (English here): it reads left to right.
    const nested = $(el, '.nested');
    expect(getComputedStyle(nested).direction).to.equal('ltr');
    expect(getComputedStyle(nested).borderLeftWidth).to.equal('2px');
    expect(getComputedStyle($(el, '[part="count"]')).direction, 'its count is in the Arabic interface').to.equal('rtl');
  });

  it('renders hostile names and descriptions as text', async () => {
    const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${knowledgeBase(hostileBundle())}></kb-categories>`);
    expect(cards(el)).to.have.length(1);
    el.selected = 'evil';
    await el.updateComplete;
    await imagesSettled(el.shadowRoot!);
    expect(scriptTraces(el.shadowRoot!)).to.deep.equal([]);
    expect((window as { __kbXss?: unknown }).__kbXss).to.equal(undefined);
  });
});
