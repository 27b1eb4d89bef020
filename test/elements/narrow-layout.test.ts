/**
 * Phones and narrow spaces (WCAG 1.4.10 Reflow): at 320 and 390 CSS px, under mobile emulation
 * with the page's viewport meta tag, no element makes the page scroll sideways; `<kb-search>`
 * shrinks with its container down to 200 px; its results take the screen's width; the keyboard
 * hint is not shown on touch screens.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/kb-article/kb-article';
import '../../src/elements/kb-article-list/kb-article-list';
import '../../src/elements/kb-categories/kb-categories';
import '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-search/kb-search';
import '../../src/elements/kb-tip/kb-tip';
import type { KbSearch } from '../../src/elements/kb-search/kb-search';
import { emulatePhone } from './support/ax';
import { knowledgeBase, smallBundle } from './support/bundles';
import { $, settled } from './support/dom';
import { waitFor } from './support/frame';

const kb = knowledgeBase(smallBundle());

/** A top bar as control panels have it: a brand, the search box, an account button. */
const topBar = () =>
  html`<header class="topbar"><strong>Skyhost Panel</strong><kb-search .knowledgeBase=${kb} hotkey storage-key=""></kb-search><button>Account</button></header>`;

function flexRow(el: HTMLElement) {
  el.style.display = 'flex';
  el.style.alignItems = 'center';
  el.style.gap = '8px';
}

describe('narrow screens', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 390]) {
    it(`at ${width} px, no element makes the page scroll sideways`, async () => {
      const undo = await emulatePhone(width, 640);
      try {
        const page = await fixture<HTMLElement>(html`<div>
          ${topBar()}
          <p><label for="t">Spam threshold</label> <input id="t" /> <kb-tip for="t" article="spam-filter-threshold" .knowledgeBase=${kb}></kb-tip></p>
          <kb-categories .knowledgeBase=${kb}></kb-categories>
          <kb-article-list .knowledgeBase=${kb} sortable page-size="3"></kb-article-list>
          <kb-article .knowledgeBase=${kb} article-id="dns-records"></kb-article>
          <kb-help .knowledgeBase=${kb}></kb-help>
        </div>`);
        flexRow(page.querySelector('.topbar')!);
        for (const el of page.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(
          'kb-categories, kb-article-list, kb-article, kb-help',
        ))
          await settled(el as never);
        await waitFor(() => matchMedia('(pointer: coarse)').matches, 'a phone');
        expect(document.documentElement.scrollWidth, 'the page is as wide as the screen').to.be.at.most(width);
        const tip = page.querySelector('kb-tip')!;
        tip.show();
        await tip.updateComplete;
        const popover = $(tip, '.popover').getBoundingClientRect();
        expect(popover.left).to.be.at.least(0);
        expect(popover.right).to.be.at.most(width);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
      } finally {
        await undo();
      }
    });
  }

  it('<kb-search> shrinks with its container down to 200 px, and its field stays usable', async () => {
    const bar = await fixture<HTMLElement>(html`<div>${topBar()}</div>`);
    const header = bar.querySelector<HTMLElement>('.topbar')!;
    flexRow(header);
    const search = bar.querySelector<KbSearch>('kb-search')!;
    await search.updateComplete;
    for (const width of [480, 360, 300]) {
      header.style.width = `${width}px`;
      expect(header.scrollWidth, `a ${width} px top bar keeps its search box inside`).to.be.at.most(width);
    }
    const box = await fixture<HTMLElement>(html`<div class="box"><kb-search .knowledgeBase=${kb} hotkey storage-key=""></kb-search></div>`);
    box.style.width = '200px';
    const narrow = box.querySelector<KbSearch>('kb-search')!;
    await narrow.updateComplete;
    expect(narrow.getBoundingClientRect().width).to.be.at.most(200);
    const field = $(narrow, '.field');
    expect(field.scrollWidth, 'nothing sticks out of the field').to.be.at.most(field.clientWidth + 2);
    expect($(narrow, 'input').getBoundingClientRect().width, 'room to type').to.be.at.least(100);
  });

  it('shows the results across the whole width of a phone', async () => {
    const undo = await emulatePhone(320, 640);
    try {
      const bar = await fixture<HTMLElement>(html`<div>${topBar()}</div>`);
      flexRow(bar.querySelector('.topbar')!);
      const search = bar.querySelector<KbSearch>('kb-search')!;
      await search.updateComplete;
      $<HTMLInputElement>(search, 'input').focus();
      await sendKeys({ type: 'spam' });
      await search.updateComplete;
      await waitFor(() => $(search, '[part="popup"]').getBoundingClientRect().width > 0, 'results shown');
      const popup = $(search, '[part="popup"]').getBoundingClientRect();
      expect(popup.left).to.be.at.most(8);
      expect(popup.right).to.be.at.least(320 - 8);
      expect(popup.right).to.be.at.most(320);
    } finally {
      await undo();
    }
  });

  it('hides the keyboard hint on touch screens, and shows it with a mouse', async () => {
    const el = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${kb} hotkey storage-key=""></kb-search>`);
    await el.updateComplete;
    expect($(el, '.hotkey').getBoundingClientRect().width, 'shown with a mouse').to.be.greaterThan(0);
    const undo = await emulatePhone(390, 640);
    try {
      await waitFor(() => matchMedia('(pointer: coarse)').matches, 'a touch screen');
      expect($(el, '.hotkey').getBoundingClientRect().width, '"Ctrl K" hidden on a phone').to.equal(0);
    } finally {
      await undo();
    }
  });
});
