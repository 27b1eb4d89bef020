import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KbArticleList } from '../../src/elements/kb-article-list/kb-article-list';
import { pageWindow } from '../../src/elements/kb-article-list/kb-article-list';
import '../../src/elements/kb-article-list/kb-article-list';
import '../../src/elements/locales/de';
import '../../src/elements/locales/nl';
import type { KbArticleOpenEvent } from '../../src/elements/shared/events';
import { bundleUrl, hostileBundle, knowledgeBase, largeBundle, smallBundle } from './support/bundles';
import { $, $$, deepActiveElement, describeNode, record, scriptTraces, withFetch, withHeldFetch } from './support/dom';
import { waitFor } from './support/frame';

const small = knowledgeBase(smallBundle());
const large = knowledgeBase(largeBundle(45));

const titles = (el: KbArticleList) => $$(el, '[part~="link"]').map((a) => a.textContent!.trim());

describe('<kb-article-list>', () => {
  it('lists the most viewed articles without a category: title, excerpt, "Views: 4,692", date, category', async () => {
    const el = await fixture<KbArticleList>(html`<kb-article-list .knowledgeBase=${small} limit="3"></kb-article-list>`);
    expect(titles(el)).to.deep.equal(['Getting started with Skyhost', 'Set the spam filter threshold', 'Release mail from quarantine']);
    const first = $(el, '[part~="item"]');
    expect(first.querySelector('[part~="excerpt"]')!.textContent).to.equal('A tour of the panel: dashboard, domains and email settings.');
    const meta = first.querySelector('[part~="meta"]')!.textContent!.replace(/\s+/g, ' ');
    expect(meta).to.contain('Views: 4,692');
    expect(meta).to.contain('Updated Mar 1, 2026');
    expect(meta).to.contain('Getting started');
    expect($(el, 'ul').getAttribute('aria-label')).to.equal('Popular articles');
    await expect(el).to.be.accessible();
  });

  it("lists a category's articles in the author's order", async () => {
    const el = await fixture<KbArticleList>(html`<kb-article-list .knowledgeBase=${small} category="spam"></kb-article-list>`);
    expect(titles(el)).to.deep.equal(['Set the spam filter threshold', 'Release mail from quarantine', 'Outbound filtering']);
    expect($(el, 'ul').getAttribute('aria-label')).to.equal('Spam filter');
  });

  it('include-subcategories lists a category with its subcategories, naming their category', async () => {
    const el = await fixture<KbArticleList>(
      html`<kb-article-list .knowledgeBase=${small} category="email" include-subcategories></kb-article-list>`,
    );
    expect(titles(el)).to.deep.equal([
      'Set the spam filter threshold',
      'Release mail from quarantine',
      'Outbound filtering',
      'How long the archive keeps mail',
    ]);
    expect($$(el, '[part~="meta"]').at(-1)!.textContent).to.contain('Archive');
    el.includeSubcategories = false;
    await el.updateComplete;
    expect($(el, '[part~="state"]').textContent).to.contain('There are no articles here yet.');
  });

  it('formats views and dates for the locale (de, nl)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><kb-article-list .knowledgeBase=${small} limit="1"></kb-article-list></div>`,
    );
    const el = wrapper.querySelector('kb-article-list')!;
    expect($(el, '[part~="meta"]').textContent).to.contain('Aufrufe: 4.692');
    wrapper.lang = 'nl';
    await waitFor(() => $(el, '[part~="meta"]').textContent!.includes('Weergaven: 4.692'), 'Dutch');
    el.strings = { views: '{count} reads' };
    await el.updateComplete;
    expect($(el, '[part~="meta"]').textContent).to.contain('4.692 reads');
  });

  it('sorts by order, popularity, title and date; the user picks with the select', async () => {
    const el = await fixture<KbArticleList>(
      html`<kb-article-list .knowledgeBase=${small} category="getting-started" sortable></kb-article-list>`,
    );
    expect(titles(el)).to.deep.equal([
      'Getting started with Skyhost',
      'Turn on two-factor authentication',
      'Brand the panel with your logo',
    ]);
    el.sort = 'title';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([
      'Brand the panel with your logo',
      'Getting started with Skyhost',
      'Turn on two-factor authentication',
    ]);
    el.sort = 'date';
    await el.updateComplete;
    expect(titles(el)[0]).to.equal('Getting started with Skyhost');
    const select = $<HTMLSelectElement>(el, 'select');
    select.focus();
    await sendKeys({ press: 'ArrowUp' }); // date -> title (keyboard on a focused select changes it)
    await el.updateComplete;
    expect(select.value).to.equal('title');
    select.value = 'popularity';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.effectiveSort).to.equal('popularity');
    expect(titles(el)).to.deep.equal([
      'Getting started with Skyhost',
      'Turn on two-factor authentication',
      'Brand the panel with your logo',
    ]);
    await expect(el).to.be.accessible();
  });

  it('paginates long lists; keyboard users land on the first article of the new page', async () => {
    const el = await fixture<KbArticleList>(
      html`<kb-article-list .knowledgeBase=${large} category="cat-0" page-size="2"></kb-article-list>`,
    );
    // cat-0 has articles 0, 12, 24, 36
    expect(titles(el)).to.deep.equal(['Article 0: mail and archive', 'Article 12: mail and archive']);
    expect($(el, '[part~="toolbar"]').textContent).to.contain('Articles 1–2 of 4');
    const next = $$(el, 'nav button').at(-1)!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.page).to.equal(2);
    expect(titles(el)).to.deep.equal(['Article 24: mail and archive', 'Article 36: mail and archive']);
    expect(el.shadowRoot!.activeElement === $$(el, '[part~="link"]')[0], 'focus on the first article').to.be.true;
    expect($(el, '[aria-current="page"]').textContent!.trim()).to.equal('2');
    expect(($$(el, 'nav button').at(-1) as HTMLButtonElement).disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('shows page numbers with gaps for many pages', () => {
    expect(pageWindow(1, 1)).to.deep.equal([1]);
    expect(pageWindow(1, 10)).to.deep.equal([1, 2, 3, 4, 0, 10]);
    expect(pageWindow(5, 10)).to.deep.equal([1, 0, 4, 5, 6, 0, 10]);
    expect(pageWindow(10, 10)).to.deep.equal([1, 0, 7, 8, 9, 10]);
  });

  it('opening an article fires a cancelable kb-article-open; article-url makes real links', async () => {
    const el = await fixture<KbArticleList>(html`<kb-article-list .knowledgeBase=${small} category="domains"></kb-article-list>`);
    const opened = record<KbArticleOpenEvent>(document, 'kb-article-open');
    const button = $$(el, '[part~="link"]')[1]!;
    expect(button.localName).to.equal('button');
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened.map((e) => e.articleId)).to.deep.equal(['dns-records']);
    el.articleUrl = '/help/{id}';
    await el.updateComplete;
    const link = $<HTMLAnchorElement>(el, 'a[part~="link"]');
    expect(link.getAttribute('href')).to.equal('/help/add-a-domain');
    el.addEventListener('kb-article-open', (e) => e.preventDefault());
    link.click(); // cancelled: the page stays
    expect(opened.at(-1)!.articleId).to.equal('add-a-domain');
    expect(location.pathname).not.to.equal('/help/add-a-domain');
  });

  it('shows loading, then the list, from src', async () => {
    const url = bundleUrl(smallBundle());
    await withHeldFetch(url, async (release) => {
      const el = await fixture<KbArticleList>(html`<kb-article-list src=${url}></kb-article-list>`);
      expect($(el, '[role="status"]')?.textContent).to.contain('Loading help…');
      await expect(el).to.be.accessible();
      release();
      await waitFor(() => titles(el).length, 'articles');
    });
  });

  it('shows an error with a working retry', async () => {
    const url = `/test/elements/no-bundle-yet.json?${Math.random()}`;
    const el = await fixture<KbArticleList>(html`<kb-article-list src=${url}></kb-article-list>`);
    await waitFor(() => $(el, '[role="alert"]'), 'error');
    await expect(el).to.be.accessible();
    // The bundle "appears": the retry must fetch again rather than reuse the failure.
    const good = bundleUrl(smallBundle());
    await withFetch(
      (url) => (url.includes('no-bundle-yet') ? good : undefined),
      async () => {
        $(el, '[part~="retry"]').click();
        await waitFor(() => titles(el).length, 'articles after retry');
      },
    );
  });

  it('keeps focus in the element when "Try again" (which the retry removes) is pressed', async () => {
    for (const outcome of ['fails again', 'loads'] as const) {
      const url = `/test/elements/no-bundle-yet.json?${Math.random()}`;
      const el = await fixture<KbArticleList>(html`<kb-article-list src=${url}></kb-article-list>`);
      await waitFor(() => $(el, '[part~="retry"]'), 'error');
      const good = bundleUrl(smallBundle());
      await withFetch(
        (requested) => (outcome === 'loads' && requested.includes('no-bundle-yet') ? good : undefined),
        async () => {
          $(el, '[part~="retry"]').focus();
          await sendKeys({ press: 'Enter' });
          if (outcome === 'loads') await waitFor(() => titles(el).length, 'articles after retry');
          // While the retry runs, focus rests on the element's loading state; it ends on the new
          // "Try again" or on the first article.
          const target = outcome === 'fails again' ? '[part~="retry"]' : '[part~="link"]';
          await waitFor(
            () => el.shadowRoot!.activeElement && el.shadowRoot!.activeElement === el.shadowRoot!.querySelector(target),
            `${outcome}: focus on ${target} in the element (it is on ${describeNode(deepActiveElement())})`,
          );
        },
      );
    }
  });

  it('says so when a category is empty or unknown', async () => {
    const el = await fixture<KbArticleList>(html`<kb-article-list .knowledgeBase=${small} category="billing"></kb-article-list>`);
    expect($(el, '[part~="state"]').textContent).to.contain('There are no articles here yet.');
    el.category = 'nope';
    await el.updateComplete;
    expect($(el, '[part~="state"]').textContent).to.contain('There is no category “nope”.');
    await expect(el).to.be.accessible();
  });

  it('themes: dark and --kb-accent', async () => {
    const el = await fixture<KbArticleList>(html`<kb-article-list .knowledgeBase=${small} theme="dark" limit="2"></kb-article-list>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 27, 34)');
    await expect(el).to.be.accessible();
    el.style.setProperty('--kb-accent', 'rgb(255, 150, 200)');
    expect(getComputedStyle($(el, '[part~="link"]')).color).to.equal('rgb(255, 150, 200)');
  });

  it('shows no "Views: 0" for a knowledge base without view counts', async () => {
    const data = smallBundle();
    for (const article of data.articles) article.views = 0;
    const el = await fixture<KbArticleList>(
      html`<kb-article-list .knowledgeBase=${knowledgeBase(data)} category="domains"></kb-article-list>`,
    );
    await el.updateComplete;
    expect($$(el, '[part="item"]')).to.have.length(2);
    expect(el.shadowRoot!.textContent).not.to.contain('Views');
  });

  it('renders hostile titles and excerpts as text', async () => {
    const el = await fixture<KbArticleList>(
      html`<kb-article-list .knowledgeBase=${knowledgeBase(hostileBundle())} page-size="0"></kb-article-list>`,
    );
    expect(titles(el).length).to.be.greaterThan(5);
    expect(scriptTraces(el.shadowRoot!)).to.deep.equal([]);
    expect((window as { __kbXss?: unknown }).__kbXss).to.equal(undefined);
  });
});
