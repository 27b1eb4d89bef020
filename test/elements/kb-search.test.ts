import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KbSearch } from '../../src/elements/kb-search/kb-search';
import '../../src/elements/kb-search/kb-search';
import '../../src/elements/locales/de';
import '../../src/elements/locales/nl';
import './support/arabic';
import type { KbArticleOpenEvent, KbNavigateEvent, KbNoResultsEvent, KbSearchEvent } from '../../src/elements/shared/events';
import { bundleUrl, hostileBundle, knowledgeBase, smallBundle } from './support/bundles';
import { $, $$, imagesSettled, record, scriptTraces, withFetch } from './support/dom';
import { waitFor } from './support/frame';
import { axNode } from './support/ax';
import { contrastRatio } from './support/styles';

const kb = knowledgeBase(smallBundle());

async function searchBox(extra: Partial<KbSearch> = {}) {
  sessionStorage.clear();
  const el = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${kb} storage-key=${`t-${Math.random()}`}></kb-search>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

const input = (el: KbSearch) => $<HTMLInputElement>(el, 'input');
const options = (el: KbSearch) => $$(el, '[role="option"]');
const activeOption = (el: KbSearch) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? $(el, `#${id}`) : null;
};

async function type(el: KbSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function press(el: KbSearch, key: string) {
  await chord(key);
  await el.updateComplete;
}

/** Presses a key, with modifiers written `Alt+ArrowDown` (the puppeteer plugin wants down/up). */
async function chord(key: string) {
  const parts = key.split('+');
  const main = parts.pop()!;
  for (const m of parts) await sendKeys({ down: m });
  await sendKeys({ press: main });
  for (const m of parts.reverse()) await sendKeys({ up: m });
}

describe('<kb-search>', () => {
  it('is a labelled WAI-ARIA combobox, collapsed until the user types', async () => {
    const el = await searchBox();
    const field = input(el);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-label')).to.equal('Search help');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part="popup"]').hidden).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('shows its results above an ancestor that clips its overflow, placed under the field', async () => {
    sessionStorage.clear();
    const box = await fixture<HTMLDivElement>(
      html`<div class="clipping-card"><kb-search .knowledgeBase=${kb} storage-key="t-clip"></kb-search></div>`,
    );
    Object.assign(box.style, { overflow: 'hidden', height: '60px', width: '420px', marginTop: '20px' });
    const el = box.querySelector('kb-search') as KbSearch;
    await el.updateComplete;
    await type(el, 'archive');
    await waitFor(() => options(el).length > 0, 'results');
    const popup = $(el, '[part="popup"]');
    const place = popup.getBoundingClientRect();
    expect(place.bottom).to.be.greaterThan(box.getBoundingClientRect().bottom + 20);
    const hit = el.shadowRoot!.elementFromPoint(place.left + place.width / 2, place.bottom - 12);
    expect(popup.contains(hit), 'the popup is on top at a point outside the clipping card').to.be.true;
    expect(Math.round(place.top)).to.equal(Math.round(input(el).closest('.field')!.getBoundingClientRect().bottom + 4));
    await press(el, 'ArrowDown');
    expect(activeOption(el)).to.exist;
    await press(el, 'Escape');
    expect(popup.hidden).to.be.true;
    expect(popup.matches(':popover-open')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('shows results as you type: highlighted title, category, snippet, best section as its own row', async () => {
    const el = await searchBox();
    await type(el, 'threshold');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    const first = options(el)[0]!.closest('[part~="option"]')!;
    expect(first.querySelector('.hit__title')!.textContent).to.equal('Set the spam filter threshold');
    expect(first.querySelector('.hit__title mark')!.textContent!.toLowerCase()).to.equal('threshold');
    expect(first.querySelector('.hit__category')!.textContent).to.equal('Spam filter');
    expect(first.querySelector('.hit__snippet')!.textContent).to.match(/threshold/i);
    await expect(el).to.be.accessible();
  });

  it('offers the best section as a sub-line that opens the article at that heading', async () => {
    const el = await searchBox();
    const opened = record<KbArticleOpenEvent>(document, 'kb-article-open');
    await type(el, 'recovery codes');
    const section = $(el, '.section [role="option"]');
    expect(section, 'a section row').to.exist;
    expect(section.getAttribute('aria-label')).to.equal('Section: Recovery codes');
    section.click();
    expect(opened.map((e) => [e.articleId, e.sectionId])).to.deep.equal([['two-factor-authentication', 'recovery-codes']]);
  });

  it('names each result by its title alone; category and snippet are its description', async () => {
    const el = await searchBox();
    await type(el, 'threshold');
    const first = await axNode('kb-search', '[role="option"]');
    expect(first).to.include({ role: 'option', name: 'Set the spam filter threshold' });
    expect(first!.description).to.contain('Spam filter');
    expect(first!.description).to.match(/threshold/i);
    const section = await axNode('kb-search', '.section [role="option"]');
    expect(section!.name).to.match(/^Section: /);
  });

  it('walks the results with ↓/↑ (wrapping) and Home/End, and opens with Enter', async () => {
    const el = await searchBox();
    const opened = record<KbArticleOpenEvent>(el, 'kb-article-open');
    await type(el, 'mail');
    const count = options(el).length;
    expect(count).to.be.greaterThan(2);
    await press(el, 'ArrowDown');
    expect(activeOption(el) === options(el)[0], 'first active').to.be.true;
    expect(activeOption(el)!.getAttribute('aria-selected')).to.equal('true');
    await press(el, 'ArrowUp');
    expect(activeOption(el) === options(el)[count - 1], 'wraps to the last').to.be.true;
    await press(el, 'ArrowDown');
    expect(activeOption(el) === options(el)[0], 'wraps to the first').to.be.true;
    await press(el, 'End');
    expect(activeOption(el) === options(el)[count - 1], 'End').to.be.true;
    await press(el, 'Home');
    expect(activeOption(el) === options(el)[0], 'first active').to.be.true;
    await press(el, 'ArrowDown');
    const expected = el.knowledgeBase!.search('mail', { limit: 8 });
    const target = options(el)[1]!;
    const isSection = target.classList.contains('section');
    await press(el, 'Enter');
    expect(opened).to.have.length(1);
    expect(opened[0]!.articleId).to.equal(isSection ? expected[0]!.article.id : expected[1]!.article.id);
    expect(input(el).getAttribute('aria-expanded'), 'closes after opening').to.equal('false');
    expect(opened[0]!.composed && opened[0]!.bubbles && opened[0]!.cancelable).to.be.true;
  });

  it('offers popular articles and subcategories of its own category when nothing matches', async () => {
    const el = await searchBox({ category: 'email' });
    await type(el, 'xyzzyq');
    await waitFor(() => options(el).length > 0, 'no-results suggestions');
    const labels = options(el).map((o) => o.textContent!.trim());
    expect(labels.some((l) => l.startsWith('Set the spam filter threshold'))).to.be.true;
    expect(
      labels.some((l) => l.startsWith('Add a domain')),
      'nothing from outside the category',
    ).to.be.false;
    expect(labels.some((l) => l.startsWith('Spam filter')) && labels.some((l) => l.startsWith('Archive'))).to.be.true;
    expect(labels.some((l) => l.startsWith('Domains'))).to.be.false;
    await press(el, 'ArrowDown');
    expect(activeOption(el) === options(el)[0], 'the first row active').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('keeps the active row in view by scrolling the list, not the page', async () => {
    const el = await searchBox();
    el.style.setProperty('--kb-search-popup-max-height', '10rem');
    await type(el, 'xyzzyq'); // the no-results list: 5 popular + 4 categories
    const list = $(el, '.listbox');
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    const pageScroll = document.scrollingElement!.scrollTop;
    await press(el, 'ArrowUp'); // wraps to the last row
    const last = options(el).at(-1)!;
    const listBox = list.getBoundingClientRect();
    const row = last.getBoundingClientRect();
    expect(row.bottom).to.be.at.most(listBox.bottom + 1);
    expect(row.top).to.be.at.least(listBox.top - 1);
    await press(el, 'ArrowDown'); // back to the first
    expect(list.scrollTop).to.equal(0);
    expect(document.scrollingElement!.scrollTop).to.equal(pageScroll);
  });

  it('Esc closes the popup and keeps the query; a second Esc is left to the page (the clear button clears)', async () => {
    const el = await searchBox();
    await type(el, 'domain');
    await press(el, 'Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('domain');
    const passedOn: KeyboardEvent[] = [];
    const listen = (e: KeyboardEvent) => passedOn.push(e);
    document.addEventListener('keydown', listen);
    try {
      await press(el, 'Escape');
    } finally {
      document.removeEventListener('keydown', listen);
    }
    expect(input(el).value, 'Esc does not clear').to.equal('domain');
    expect(
      passedOn.map((e) => e.defaultPrevented),
      'a dialog around the box may close on it',
    ).to.deep.equal([false]);
    $<HTMLButtonElement>(el, '[part="clear"]').click();
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('Alt+↓ opens the popup again without picking, Tab leaves and closes it', async () => {
    const el = await fixture<HTMLDivElement>(
      html`<div><kb-search .knowledgeBase=${kb} storage-key=""></kb-search><button>after</button></div>`,
    );
    const search = el.querySelector('kb-search')!;
    await type(search, 'archive');
    await press(search, 'Escape');
    // Holding Alt through the DevTools protocol stalls headless Chromium: dispatch it instead.
    input(search).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, composed: true }));
    await search.updateComplete;
    expect(input(search).getAttribute('aria-expanded')).to.equal('true');
    expect(input(search).hasAttribute('aria-activedescendant')).to.be.false;
    await press(search, 'Tab');
    expect(document.activeElement === el.querySelector('button'), 'focus left the box').to.be.true;
    expect(input(search).getAttribute('aria-expanded')).to.equal('false');
  });

  it('Enter without a picked result asks the host (kb-navigate search), else opens the first hit', async () => {
    const el = await searchBox();
    const nav = record<KbNavigateEvent>(el, 'kb-navigate');
    const opened = record<KbArticleOpenEvent>(el, 'kb-article-open');
    await type(el, 'quarantine');
    await press(el, 'Enter');
    expect(nav.map((e) => [e.view, e.id])).to.deep.equal([['search', 'quarantine']]);
    expect(opened[0]!.articleId).to.equal('quarantine');

    const take = (e: Event) => e.preventDefault();
    el.addEventListener('kb-navigate', take);
    await type(el, ' release');
    await press(el, 'Enter');
    expect(opened, 'the host took over').to.have.length(1);
    el.removeEventListener('kb-navigate', take);
  });

  it('a cancelled kb-article-open leaves navigation to the host', async () => {
    const el = await searchBox({ articleUrl: '/should-not-navigate/{id}' });
    el.addEventListener('kb-article-open', (e) => e.preventDefault());
    await type(el, 'dns');
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(location.pathname).not.to.contain('should-not-navigate');
  });

  it('announces the number of results politely, after typing pauses', async () => {
    const el = await searchBox();
    await type(el, 'spam');
    const status = $(el, '[role="status"]');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    await waitFor(() => status.textContent!.trim(), 'an announcement');
    expect(status.textContent!.trim()).to.equal(`${el.knowledgeBase!.search('spam', { limit: 8 }).length} results`);
  });

  it('fires kb-search once per settled query, and kb-no-results when nothing matched', async () => {
    const el = await fixture<HTMLDivElement>(
      html`<div><kb-search .knowledgeBase=${kb} storage-key=""></kb-search><button>x</button></div>`,
    );
    const search = el.querySelector('kb-search')!;
    const searches = record<KbSearchEvent>(el, 'kb-search');
    const misses = record<KbNoResultsEvent>(el, 'kb-no-results');
    await type(search, 'dns');
    expect(searches, 'not on every keystroke').to.have.length(0);
    await press(search, 'Tab'); // leaving settles the query
    await type(search, 'xyzzyq');
    await press(search, 'Tab');
    expect(searches.map((e) => [e.query, e.resultCount > 0])).to.deep.equal([
      ['dns', true],
      ['dnsxyzzyq', false],
    ]);
    expect(misses.map((e) => e.detail.query)).to.deep.equal(['dnsxyzzyq']);
  });

  it('when nothing matches, says so and offers popular articles and categories by keyboard', async () => {
    const el = await searchBox();
    const nav = record<KbNavigateEvent>(el, 'kb-navigate');
    await type(el, 'xyzzyq');
    expect($(el, '.empty__title').textContent).to.equal('No articles match “xyzzyq”.');
    const rows = options(el).map((o) => o.querySelector('.hit__title')!.textContent);
    expect(rows.slice(0, 2)).to.deep.equal(['Getting started with Skyhost', 'Set the spam filter threshold']);
    expect(rows).to.include.members(['Getting started', 'Email filtering', 'Domains', 'Billing']);
    await expect(el).to.be.accessible();
    await press(el, 'End');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowDown');
    await press(el, 'Enter'); // Home/End need an active option: End did nothing, ↑ wrapped to the last
    expect(nav.at(-1)!.view).to.equal('category');
    expect(nav.at(-1)!.id).to.equal('billing');
  });

  it('searches on every keystroke, and coalesces keystrokes only while searches are slow', async () => {
    const slowKb = knowledgeBase(smallBundle());
    const queries: string[] = [];
    const search = slowKb.search.bind(slowKb);
    let delay = 0;
    slowKb.search = (query, options) => {
      queries.push(query);
      const until = performance.now() + delay;
      while (performance.now() < until); // a very large knowledge base
      return search(query, options);
    };
    const el = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${slowKb} storage-key=""></kb-search>`);
    const typeFast = (text: string) => {
      for (let i = 1; i <= text.length; i++) {
        input(el).value = text.slice(0, i);
        input(el).dispatchEvent(new Event('input'));
      }
    };
    typeFast('dns');
    expect(queries, 'fast searches: one per keystroke, at once').to.deep.equal(['d', 'dn', 'dns']);
    input(el).value = '';
    input(el).dispatchEvent(new Event('input'));
    queries.length = 0;
    delay = 20;
    typeFast('quarantine');
    expect(queries, 'the first slow search runs at once').to.deep.equal(['q']);
    await waitFor(() => queries.length > 1, 'the queued search');
    await el.updateComplete;
    expect(queries, 'the queued keystrokes became one search').to.deep.equal(['q', 'quarantine']);
    expect(options(el)[0]!.textContent).to.contain('quarantine');
  });

  it('keeps the last query for the session', async () => {
    const key = `keep-${Math.random()}`;
    const a = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${kb} storage-key=${key}></kb-search>`);
    await type(a, 'invoice');
    a.remove();
    const b = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${kb} storage-key=${key}></kb-search>`);
    expect(input(b).value).to.equal('invoice');
    expect(input(b).getAttribute('aria-expanded'), 'restored, not popped up').to.equal('false');
    const c = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${kb} storage-key=""></kb-search>`);
    expect(input(c).value).to.equal('');
  });

  it('works when sessionStorage throws', async () => {
    const original =
      Object.getOwnPropertyDescriptor(window, 'sessionStorage') ?? Object.getOwnPropertyDescriptor(Window.prototype, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const el = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${kb}></kb-search>`);
      await type(el, 'dns');
      expect(options(el).length).to.be.greaterThan(0);
    } finally {
      Object.defineProperty(window, 'sessionStorage', original);
    }
  });

  describe('hotkey', () => {
    it('Ctrl+K and / focus the box', async () => {
      const el = await fixture<HTMLDivElement>(
        html`<div><button>start</button><kb-search .knowledgeBase=${kb} hotkey storage-key=""></kb-search></div>`,
      );
      const search = el.querySelector('kb-search')!;
      expect(input(search).getAttribute('aria-keyshortcuts')).to.contain('Control+K');
      el.querySelector('button')!.focus();
      await chord('Control+k');
      expect(search.shadowRoot!.activeElement === input(search), 'the field has focus').to.be.true;
      el.querySelector('button')!.focus();
      await sendKeys({ press: '/' });
      expect(search.shadowRoot!.activeElement === input(search), 'the field has focus').to.be.true;
      expect(input(search).value, 'the slash is not typed').to.equal('');
    });

    it('never fires while the user types in another field', async () => {
      const el = await fixture<HTMLDivElement>(
        html`<div><input id="other" /><kb-search .knowledgeBase=${kb} hotkey storage-key=""></kb-search></div>`,
      );
      const other = el.querySelector<HTMLInputElement>('#other')!;
      other.focus();
      await sendKeys({ type: 'a/b' });
      await chord('Control+k');
      expect(document.activeElement === other, 'focus stayed').to.be.true;
      expect(other.value).to.equal('a/b');
    });

    it('hotkey="ctrl-k" leaves "/" alone (WCAG 2.1.4: a single-key shortcut can be turned off)', async () => {
      const el = await fixture<HTMLDivElement>(
        html`<div><button>start</button><kb-search .knowledgeBase=${kb} hotkey="ctrl-k" storage-key=""></kb-search></div>`,
      );
      const search = el.querySelector('kb-search')!;
      await search.updateComplete;
      expect(input(search).getAttribute('aria-keyshortcuts')).to.equal('Control+K Meta+K');
      el.querySelector('button')!.focus();
      await sendKeys({ press: '/' });
      expect(document.activeElement === el.querySelector('button'), 'focus stayed on the button').to.be.true;
      await chord('Control+k');
      expect(search.shadowRoot!.activeElement === input(search), 'Ctrl+K still focuses the field').to.be.true;
    });

    it('never fires while focus is in an editable widget of the page (contenteditable, role=textbox)', async () => {
      const el = await fixture<HTMLDivElement>(html`<div>
        <div id="editor" contenteditable="true">x</div>
        <div id="custom" role="textbox" tabindex="0" aria-label="Custom editor"></div>
        <kb-search .knowledgeBase=${kb} hotkey storage-key=""></kb-search>
      </div>`);
      for (const id of ['#editor', '#custom']) {
        const editable = el.querySelector<HTMLElement>(id)!;
        editable.focus();
        await sendKeys({ press: '/' });
        expect(document.activeElement === editable, `${id} keeps focus`).to.be.true;
      }
    });

    it('does nothing without the attribute', async () => {
      const el = await fixture<HTMLDivElement>(
        html`<div><button>start</button><kb-search .knowledgeBase=${kb} storage-key=""></kb-search></div>`,
      );
      el.querySelector('button')!.focus();
      await sendKeys({ press: '/' });
      expect(document.activeElement === el.querySelector('button'), 'focus left the box').to.be.true;
    });
  });

  describe('states', () => {
    it('loads from src; the field works while loading and searches once the bundle is in', async () => {
      const url = bundleUrl(smallBundle());
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      await withFetch(
        (requested) => (requested === url ? gate : undefined),
        async () => {
          const el = await fixture<KbSearch>(html`<kb-search src=${url} storage-key=""></kb-search>`);
          input(el).focus();
          await sendKeys({ type: 'spam' });
          await el.updateComplete;
          expect($(el, '[role="status"].kb-state')!.textContent).to.contain('Loading help…');
          await expect(el).to.be.accessible();
          release();
          await waitFor(() => options(el).length, 'results after load');
          expect(options(el)[0]!.textContent).to.contain('spam filter');
          expect($(el, '.kb-state')).to.equal(null);
        },
      );
    });

    it('shows a clear error with a retry for a missing bundle', async () => {
      const el = await fixture<KbSearch>(html`<kb-search src="/test/no-such-bundle.json" storage-key=""></kb-search>`);
      const alert = await waitFor(() => $(el, '[role="alert"]'), 'error box');
      expect(alert.textContent).to.contain('Help could not be loaded.');
      expect(alert.textContent).to.contain('404');
      await expect(el).to.be.accessible();
      expect($(el, '[part="retry"]').textContent).to.contain('Try again');
    });

    it('shows the error for a corrupt bundle', async () => {
      const el = await fixture<KbSearch>(html`<kb-search src=${bundleUrl('{"format":"nope"')} storage-key=""></kb-search>`);
      const alert = await waitFor(() => $(el, '[role="alert"]'), 'error box');
      expect(alert.textContent).to.contain('damaged');
    });
  });

  describe('theming and text', () => {
    it('draws the field border at 3:1 or more against its surroundings, light and dark (WCAG 1.4.11)', async () => {
      const el = await searchBox();
      for (const theme of ['light', 'dark'] as const) {
        el.theme = theme;
        await el.updateComplete;
        const field = getComputedStyle($(el, '.field'));
        expect(contrastRatio(field.borderTopColor, field.backgroundColor), `${theme}: border against the field's surface`).to.be.at.least(
          3,
        );
      }
    });

    it('follows theme="dark" and --kb-* properties', async () => {
      const el = await searchBox();
      const light = getComputedStyle($(el, '.field')).backgroundColor;
      el.theme = 'dark';
      await el.updateComplete;
      const dark = getComputedStyle($(el, '.field')).backgroundColor;
      expect(dark).not.to.equal(light);
      expect(dark).to.equal('rgb(22, 27, 34)');
      el.style.setProperty('--kb-surface', 'rgb(1, 2, 3)');
      expect(getComputedStyle($(el, '.field')).backgroundColor).to.equal('rgb(1, 2, 3)');
      await type(el, 'dns');
      await expect(el).to.be.accessible();
    });

    it('speaks German from the page language and takes string overrides', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><kb-search .knowledgeBase=${kb} storage-key=""></kb-search></div>`);
      const el = wrapper.querySelector('kb-search')!;
      expect(input(el).getAttribute('aria-label')).to.equal('Hilfe durchsuchen');
      wrapper.lang = 'nl';
      await waitFor(() => input(el).getAttribute('aria-label') === 'Help doorzoeken', 'Dutch');
      el.strings = { searchLabel: 'Ask us' };
      await el.updateComplete;
      expect(input(el).getAttribute('aria-label')).to.equal('Ask us');
    });

    it('lays out right to left in a right-to-left language', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="ar"><kb-search .knowledgeBase=${kb} storage-key=""></kb-search></div>`,
      );
      const el = wrapper.querySelector('kb-search')!;
      const field = $(el, '.field').getBoundingClientRect();
      const icon = $(el, '.icon').getBoundingClientRect();
      expect(icon.left - field.left).to.be.greaterThan(field.right - icon.right);
    });
  });

  it('renders hostile titles and snippets as text', async () => {
    const el = await fixture<KbSearch>(html`<kb-search .knowledgeBase=${knowledgeBase(hostileBundle())} storage-key=""></kb-search>`);
    await type(el, 'payload');
    expect(options(el).length).to.be.greaterThan(3);
    await imagesSettled(el.shadowRoot!);
    expect(scriptTraces(el.shadowRoot!)).to.deep.equal([]);
    expect((window as { __kbXss?: unknown }).__kbXss).to.equal(undefined);
    expect(options(el).some((o) => o.textContent!.includes('<img src=x onerror'))).to.be.true;
  });
});
