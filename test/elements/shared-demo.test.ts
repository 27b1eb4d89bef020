/**
 * kb-search, kb-categories and kb-article-list on the demo knowledge base (the bundle the build
 * makes of demo/content), all three from one `src`: one load, and what a user of the Skyhost
 * Panel help would see and do.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../src/elements/kb-article-list/kb-article-list';
import '../../src/elements/kb-categories/kb-categories';
import '../../src/elements/kb-search/kb-search';
import type { KbArticleOpenEvent } from '../../src/elements/shared/events';
import { clearSharedLoads } from '../../src/elements/shared/kb-source';
import { DEMO_BUNDLE_URL } from './support/bundles';
import { $, $$, record } from './support/dom';
import { waitFor } from './support/frame';

describe('the three elements on the demo knowledge base', () => {
  it('share one load, then search, browse and list like a help index page', async () => {
    clearSharedLoads();
    const before = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(DEMO_BUNDLE_URL)).length;
    const page = await fixture<HTMLDivElement>(html`<div>
      <kb-search src=${DEMO_BUNDLE_URL} storage-key=""></kb-search>
      <kb-categories src=${DEMO_BUNDLE_URL}></kb-categories>
      <kb-article-list src=${DEMO_BUNDLE_URL} limit="3"></kb-article-list>
    </div>`);
    const [search, categories, list] = ['kb-search', 'kb-categories', 'kb-article-list'].map((t) => page.querySelector<LitElement>(t)!);
    await waitFor(() => $$(list!, '[part~="item"]').length, 'popular articles', 8000);
    await waitFor(() => $$(categories!, '[part~="category"]').length, 'categories');
    const fetched = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(DEMO_BUNDLE_URL)).length - before;
    expect(fetched, 'one request for three elements').to.be.at.most(1);

    // The popular list reads like a classic index page.
    expect($(list!, '[part~="link"]').textContent!.trim()).to.equal('Getting started with Skyhost Panel');
    expect($(list!, '[part~="meta"]').textContent).to.contain('Views: 45,210');

    // Categories with counts and nesting.
    const email = $$(categories!, '[part~="category"]').find((c) => c.textContent!.includes('Email filtering'))!;
    expect(email.querySelector('[part~="count"]')!.textContent).to.equal('8 articles');
    expect([...email.querySelectorAll('.nested [part~="link"]')].map((a) => a.textContent!.trim())).to.deep.equal([
      'Incoming filtering',
      'Outbound filtering',
    ]);

    // A typo still finds the article; Enter opens it.
    const opened = record<KbArticleOpenEvent>(page, 'kb-article-open');
    $<HTMLInputElement>(search!, 'input').focus();
    await sendKeys({ type: 'spam filtr threshold' });
    await search!.updateComplete;
    const first = $(search!, '[role="option"]');
    expect(first.querySelector('.hit__title')!.textContent).to.equal('Adjusting the spam filter threshold');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(opened.map((e) => e.articleId)).to.deep.equal(['spam-filter-threshold']);
    await expect(search!).to.be.accessible();
    await expect(categories!).to.be.accessible();
    await expect(list!).to.be.accessible();
  });
});
