import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-launcher/kb-launcher-panel';
import { KbLauncher } from '../../src/elements/kb-launcher/kb-launcher';
import { launcherStrings } from '../../src/elements/kb-launcher/launcher-strings';
import { VERSION } from '../../src/elements/kb-launcher/version';
import '../../src/elements/locales/de';
import '../../src/elements/locales/nl';
import { stringsFor } from '../../src/elements/shared/strings';
import { bundleUrl, makeBundle, smallBundle } from './support/bundles';
import { describeNode, expectFocusOn, quiet, record } from './support/dom';
import { waitFor } from './support/frame';
import { pageErrorsDuring } from './support/page-errors';
import { axNames, axNode, emulateForcedColors, emulatePhone, wheel } from './support/ax';

const SRC = bundleUrl(smallBundle());
/**
 * axe's skip-link rule takes `<kb-help>`'s in-widget `#kb/...` links for broken skip links
 * (it looks for an element with that id); they are routes, not skip links.
 */
const AXE = { ignoredRules: ['skip-link'] };

const button = (el: KbLauncher) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
const panel = (el: KbLauncher) => el.shadowRoot!.querySelector<HTMLElement>('kb-launcher-panel');
const dialog = (el: KbLauncher) => panel(el)?.shadowRoot?.querySelector<HTMLElement>('[part="dialog"]');
const help = (el: KbLauncher) => panel(el)?.shadowRoot?.querySelector<HTMLElement & { location: { view: string; id?: string } }>('kb-help');
const searchField = (el: KbLauncher) =>
  help(el)?.shadowRoot?.querySelector('kb-search')?.shadowRoot?.querySelector<HTMLInputElement>('input');

/** The focused element, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function launcher(attrs = '') {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button id="before">before</button>
    <div id="slot"></div>
    <button id="after">after</button>
  </div>`);
  wrapper.querySelector('#slot')!.outerHTML = `<kb-launcher src="${SRC}" ${attrs}></kb-launcher>`;
  const el = wrapper.querySelector('kb-launcher') as KbLauncher;
  return { wrapper, el };
}

/** A launcher at the end of `<body>`, as the script tag adds it (removed after each test). */
function launcherInBody(): KbLauncher {
  const el = document.createElement('kb-launcher') as KbLauncher;
  el.src = SRC;
  document.body.append(el);
  return el;
}

/** Opens the panel from `opener` (focused first) and waits for it. */
async function openFrom(el: KbLauncher, opener: HTMLElement) {
  opener.focus();
  el.show();
  await opened(el);
}

/** Waits for the open panel and its loaded help center; ends the slide-in so boxes and colours are final. */
async function opened(el: KbLauncher) {
  await waitFor(() => dialog(el) && !panel(el)!.hidden && dialog(el)!.getBoundingClientRect().width > 0, 'panel open');
  await waitFor(() => help(el)?.shadowRoot?.querySelector('[part="view"]'), 'help center loaded');
  finishAnimations(el);
}

function finishAnimations(el: KbLauncher) {
  for (const animation of dialog(el)?.getAnimations() ?? []) animation.finish();
}

describe('<kb-launcher>', () => {
  const defaultLoader = KbLauncher.loadElements;
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => {
    KbLauncher.loadElements = defaultLoader;
    for (const el of document.querySelectorAll<KbLauncher>('body > kb-launcher')) {
      el.hide();
      el.remove();
    }
    await setViewport({ width: 800, height: 600 });
  });

  it('is a labelled button in the bottom-right corner, with the page language', async () => {
    const { el } = await launcher();
    expect(button(el).textContent).to.contain('Help');
    expect(button(el).getAttribute('aria-label')).to.equal('Open help');
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    const box = button(el).getBoundingClientRect();
    expect(Math.round(innerWidth - box.right)).to.equal(20);
    expect(Math.round(innerHeight - box.bottom)).to.equal(20);
    await expect(el).to.be.accessible();

    el.remove();
    const { el: german } = await launcher('lang="de"');
    expect(button(german).getAttribute('aria-label')).to.equal('Hilfe öffnen');
  });

  it('opens a side sheet with the help center as a modal dialog, the cursor in its search field', async () => {
    const { el } = await launcher();
    const openEvents = record(el, 'kb-launcher-open');
    const closeEvents = record(el, 'kb-launcher-close');
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await opened(el);
    expect(el.open).to.be.true;
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    await waitFor(() => deepActive() === searchField(el), 'the cursor in the search field');
    const box = await axNode('kb-launcher', 'kb-launcher-panel', '[part="dialog"]');
    expect(box).to.include({ role: 'dialog', name: 'Help' });
    expect(box!.properties.modal, 'aria-modal').to.equal(true);
    const sheet = dialog(el)!.getBoundingClientRect();
    expect(Math.round(sheet.width)).to.equal(440);
    expect(Math.round(sheet.right)).to.equal(innerWidth);
    expect(Math.round(sheet.height)).to.equal(innerHeight);
    await expect(el).to.be.accessible(AXE);

    // Typing goes to search at once; Esc with no results open closes the panel.
    await sendKeys({ type: 'zzqx' });
    expect(searchField(el)!.value).to.equal('zzqx');
    searchField(el)!.blur();
    searchField(el)!.focus();
    await sendKeys({ press: 'Escape' });
    expect(el.open).to.be.false;
    expect(panel(el)!.hidden).to.be.true;
    expectFocusOn(button(el), 'the Help button');
    expect(openEvents).to.have.length(1);
    expect(closeEvents).to.have.length(1);
  });

  it('Esc closes the open result list first, then the panel, and never needs a third press', async () => {
    const { el } = await launcher();
    button(el).focus();
    el.show();
    await opened(el);
    await waitFor(() => deepActive() === searchField(el), 'the cursor in the search field');
    await sendKeys({ type: 'quarantine' });
    await waitFor(() => searchField(el)!.getAttribute('aria-expanded') === 'true', 'results open');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => searchField(el)!.getAttribute('aria-expanded') === 'false', 'results closed');
    expect(el.open, 'the first Esc closes only the results').to.be.true;
    expect(searchField(el)!.value, 'and keeps the query').to.equal('quarantine');
    await sendKeys({ press: 'Escape' });
    expect(el.open, 'the second Esc closes the panel').to.be.false;
    expectFocusOn(button(el), 'the Help button');
  });

  it('makes the page behind it inert while open, and leaves what the host had set as it was', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="host-button">Host button</button>
      <a id="host-link" href="#x">Host link</a>
      <div id="host-inert" inert><button>Already inert</button></div>
      <div id="host-hidden" aria-hidden="true">Hidden by the host</div>
    </div>`);
    const el = launcherInBody();
    const opener = wrapper.querySelector<HTMLButtonElement>('#host-button')!;
    await openFrom(el, opener);
    expect((await axNode('#host-button'))!.ignored, 'a host button is out of reach of assistive tech').to.be.true;
    expect((await axNode('#host-link'))!.ignored).to.be.true;
    const names = (await axNames()).map((n) => n.name);
    expect(names).to.include('Help');
    expect(names).not.to.include('Host button');
    expect(names).not.to.include('Host link');
    // Tab never reaches the page behind: focus stays in the panel, however far one tabs.
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 'Tab' });
      expect(
        isInside(el, deepActive()) || deepActive() === document.body,
        `Tab ${i + 1} stays in the panel (focus: ${describeNode(deepActive())})`,
      ).to.be.true;
    }
    opener.focus();
    expect(document.activeElement === opener, 'the page behind cannot take focus').to.be.false;
    el.hide();
    expectFocusOn(opener, 'the opener');
    expect((await axNode('#host-button'))!.ignored, 'reachable again once closed').to.be.false;
    expect(wrapper.querySelector('#host-inert')!.hasAttribute('inert')).to.be.true;
    expect(wrapper.querySelector('#host-hidden')!.getAttribute('aria-hidden')).to.equal('true');
    expect(wrapper.querySelectorAll('[inert]')).to.have.length(1);
  });

  it("keeps the page behind from scrolling while open, at any width, without moving it; the page's own styles come back", async () => {
    const LONG = bundleUrl(
      makeBundle({
        categories: [{ id: 'c', title: 'C' }],
        articles: [
          {
            id: 'long',
            title: 'A long article',
            category: 'c',
            html: '<p>A paragraph long enough to need scrolling in the panel.</p>'.repeat(80),
          },
        ],
      }),
    );
    const page = document.createElement('div');
    page.style.height = '4000px';
    document.body.append(page);
    const root = document.documentElement;
    const scroller = document.scrollingElement as HTMLElement;
    try {
      const el = launcherInBody();
      el.src = LONG;
      // Closed, the wheel scrolls the page.
      await wheel(100, 300, 300);
      await waitFor(() => scrollY > 0, 'the page scrolls under the wheel');
      scrollTo(0, 0);
      const hadStyle = root.hasAttribute('style');
      const pageBox = page.getBoundingClientRect();

      el.show();
      await opened(el);
      el.openArticle('long');
      const body = await waitFor(
        () =>
          help(el)?.shadowRoot?.querySelector('kb-article')?.shadowRoot?.querySelector('h1') &&
          panel(el)!.shadowRoot!.querySelector<HTMLElement>('[part="body"]'),
        'the long article',
      );
      expect(getComputedStyle(scroller).overflowY).to.equal('hidden');
      const after = page.getBoundingClientRect();
      expect([after.left, after.width], 'nothing on the page moves when its scrollbar goes').to.deep.equal([pageBox.left, pageBox.width]);
      // Over the dimmed page the wheel does nothing; over the panel it scrolls the panel. The
      // second turn is handled after the first: once the panel moved, the page would have too.
      await wheel(100, 300, 300);
      const sheet = dialog(el)!.getBoundingClientRect();
      await wheel(sheet.left + sheet.width / 2, 300, 300);
      await waitFor(() => body.scrollTop > 0, 'the panel scrolls under the wheel');
      expect(scrollY, 'the page behind did not scroll').to.equal(0);

      el.hide();
      expect(getComputedStyle(scroller).overflowY).to.not.equal('hidden');
      expect(root.hasAttribute('style'), 'no style attribute left behind').to.equal(hadStyle);
      await wheel(100, 300, 300);
      await waitFor(() => scrollY > 0, 'the page scrolls again once closed');
      scrollTo(0, 0);

      // The host's own inline overflow, with its priority, comes back exactly; on a phone it is locked too.
      root.style.setProperty('overflow-y', 'auto', 'important');
      await setViewport({ width: 375, height: 667 });
      el.show();
      await opened(el);
      expect(getComputedStyle(scroller).overflowY).to.equal('hidden');
      el.hide();
      expect([
        root.style.getPropertyValue('overflow-y'),
        root.style.getPropertyPriority('overflow-y'),
        root.style.getPropertyValue('overflow-x'),
      ]).to.deep.equal(['auto', 'important', '']);
    } finally {
      root.style.removeProperty('overflow-y');
      page.remove();
      scrollTo(0, 0);
    }
  });

  it('returns focus to its opener when closed from anywhere inside, however deep', async () => {
    const { wrapper, el } = await launcher();
    const before = wrapper.querySelector<HTMLButtonElement>('#before')!;
    await openFrom(el, before);
    // Into an article: focus ends on its title, three shadow roots down.
    const first = await waitFor(
      () => help(el)!.shadowRoot!.querySelector('kb-article-list')?.shadowRoot?.querySelector<HTMLElement>('[part="link"]'),
      'popular articles',
    );
    first.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActive()?.localName === 'h1' && help(el)!.location.view === 'article', 'focus on the article title');
    await sendKeys({ press: 'Escape' });
    expect(el.open).to.be.false;
    expectFocusOn(before, 'the opener');

    // From a link inside the article.
    await openFrom(el, button(el));
    const article = await waitFor(() => help(el)!.shadowRoot!.querySelector('kb-article'), 'article');
    const breadcrumb = await waitFor(() => article.shadowRoot!.querySelector<HTMLAnchorElement>('[part="breadcrumb"] a'), 'breadcrumb');
    breadcrumb.focus();
    await sendKeys({ press: 'Escape' });
    expect(el.open).to.be.false;
    expectFocusOn(button(el), 'the Help button');
  });

  it('keeps a "/" pressed in the panel away from a search box behind it', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div><kb-search id="behind" hotkey src=${SRC}></kb-search></div>`);
    const behind = wrapper.querySelector('kb-search')!;
    const el = launcherInBody();
    await openFrom(el, button(el));
    const link = await waitFor(
      () => help(el)!.shadowRoot!.querySelector('kb-article-list')?.shadowRoot?.querySelector<HTMLElement>('[part="link"]'),
      'a link in the panel',
    );
    link.focus();
    await sendKeys({ press: '/' });
    expect(behind.shadowRoot!.activeElement === null, `the search box behind stays unfocused (focus: ${describeNode(deepActive())})`).to.be
      .true;
    expect(isInside(el, deepActive()), `focus stays in the panel (focus: ${describeNode(deepActive())})`).to.be.true;
  });

  it('returns focus to what had it before (not only the button), and the close button closes', async () => {
    const { wrapper, el } = await launcher();
    const before = wrapper.querySelector<HTMLButtonElement>('#before')!;
    await openFrom(el, before);
    panel(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!.click();
    expect(el.open).to.be.false;
    expectFocusOn(before, 'the opener');

    // If that element is gone (or hidden) by the time the panel closes, the button takes focus.
    await openFrom(el, before);
    before.hidden = true;
    el.hide();
    expect(deepActive()).to.equal(button(el));
  });

  it('is a full-screen sheet on a phone', async () => {
    await setViewport({ width: 375, height: 667 });
    const { el } = await launcher();
    el.show();
    await opened(el);
    const sheet = dialog(el)!.getBoundingClientRect();
    expect([sheet.left, sheet.top, sheet.width, sheet.height].map(Math.round)).to.deep.equal([0, 0, 375, 667]);
    expect(button(el).textContent).to.contain('Help');
    await expect(el).to.be.accessible(AXE);
  });

  for (const width of [320, 390]) {
    it(`fits a ${width} px phone (mobile emulation) beside a top bar with a search box; header and close stay in view`, async () => {
      const undo = await emulatePhone(width, 568);
      await waitFor(() => matchMedia('(pointer: coarse)').matches, 'a phone');
      try {
        const wrapper = await fixture<HTMLElement>(html`<div>
          <header class="topbar"><strong>Skyhost</strong><kb-search src=${SRC} hotkey></kb-search><button>Account</button></header>
          <p>Page content.</p>
        </div>`);
        const topbar = wrapper.querySelector<HTMLElement>('.topbar')!;
        topbar.style.display = 'flex';
        topbar.style.alignItems = 'center';
        topbar.style.gap = '8px';
        const el = launcherInBody();
        await waitFor(() => wrapper.querySelector('kb-search')!.shadowRoot!.querySelector('input'), 'search box');
        expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(width);
        expect(innerWidth, "the layout viewport stays the phone's width").to.equal(width);
        const launch = button(el).getBoundingClientRect();
        expect(launch.right, 'the Help button is on screen').to.be.at.most(width);
        expect(launch.bottom).to.be.at.most(innerHeight);
        el.show();
        await opened(el);
        const sheet = dialog(el)!.getBoundingClientRect();
        expect([sheet.left, sheet.top, sheet.width].map(Math.round)).to.deep.equal([0, 0, width]);
        const close = panel(el)!.shadowRoot!.querySelector<HTMLElement>('[part="close"]')!.getBoundingClientRect();
        expect(close.right, 'the close button is in view').to.be.at.most(width);
        expect(close.left).to.be.at.least(0);
        expect(close.top).to.be.at.least(0);
        // The header stays while the content scrolls.
        panel(el)!.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!.scrollTop = 10_000;
        expect(Math.round(panel(el)!.shadowRoot!.querySelector<HTMLElement>('[part="header"]')!.getBoundingClientRect().top)).to.equal(0);
      } finally {
        await undo();
      }
    });
  }

  it('opens on the side of its button on a right-to-left page; its English words read left to right', async () => {
    document.documentElement.dir = 'rtl';
    document.documentElement.lang = 'ar';
    try {
      const { el } = await launcher();
      expect(Math.round(innerWidth - button(el).getBoundingClientRect().right)).to.equal(20);
      // The button has no Arabic words: "Help" is marked English, its "?" before the word.
      expect([button(el).lang, getComputedStyle(button(el)).direction]).to.deep.equal(['en', 'ltr']);
      expect(button(el).querySelector('i')!.getBoundingClientRect().left).to.be.lessThan(
        button(el).querySelector('span')!.getBoundingClientRect().left,
      );
      el.show();
      await opened(el);
      expect(Math.round(dialog(el)!.getBoundingClientRect().right), 'bottom-right: the panel is on the right too').to.equal(innerWidth);
      el.hide();
      el.setAttribute('position', 'bottom-left');
      el.show();
      await opened(el);
      expect(Math.round(dialog(el)!.getBoundingClientRect().left)).to.equal(0);
      el.hide();
    } finally {
      document.documentElement.removeAttribute('dir');
      document.documentElement.removeAttribute('lang');
    }
  });

  it('sizes its label in rem, so text zoom makes it larger', async () => {
    const { el } = await launcher();
    const normal = parseFloat(getComputedStyle(button(el)).fontSize);
    document.documentElement.style.fontSize = '200%';
    try {
      expect(parseFloat(getComputedStyle(button(el)).fontSize)).to.be.closeTo(normal * 2, 0.5);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('takes a corner and a z-index', async () => {
    const { el } = await launcher('position="top-left" z-index="42"');
    const box = button(el).getBoundingClientRect();
    expect([Math.round(box.left), Math.round(box.top)]).to.deep.equal([20, 20]);
    expect(getComputedStyle(el).zIndex).to.equal('42');
    el.show();
    await opened(el);
    expect(Math.round(dialog(el)!.getBoundingClientRect().left)).to.equal(0);
    el.hide();
    el.removeAttribute('z-index');
    expect(getComputedStyle(el).zIndex, 'without z-index: the default').to.equal('2147483000');
  });

  it('loads the help code only on intent: hover or focus starts it, not page load', async () => {
    let calls = 0;
    KbLauncher.loadElements = () => {
      calls++;
      return Promise.resolve();
    };
    const { el } = await launcher();
    await quiet();
    expect(calls).to.equal(0);
    expect(panel(el)).to.equal(null);
    button(el).dispatchEvent(new PointerEvent('pointerenter'));
    await waitFor(() => panel(el), 'panel made ahead of the first open');
    expect(calls).to.equal(1);
    expect(panel(el)!.hidden).to.be.true;
    el.show();
    expect(calls).to.equal(1);
    await opened(el);
  });

  it('says so by the button, with a retry, when the help code cannot be loaded', async () => {
    let fail = true;
    KbLauncher.loadElements = () => (fail ? Promise.reject(new Error('404')) : Promise.resolve());
    const { el } = await launcher();
    el.show();
    const alert = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part="alert"]'), 'alert');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Help could not be loaded.');
    expect(el.open).to.be.false;
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(deepActive()).to.equal(retry);
    await expect(el).to.be.accessible();
    fail = false;
    await sendKeys({ press: 'Enter' });
    await opened(el);
    expect(el.shadowRoot!.querySelector('[part="alert"]')).to.equal(null);
  });

  for (const [name, src] of [
    ['a bundle URL that answers 404', '/no/such/kb.json'],
    ['a network failure', 'http://localhost:1/kb.json'],
    ['a bundle of another format version', bundleUrl({ ...makeBundle({ categories: [], articles: [] }), version: 999 })],
  ] as const) {
    it(`shows ${name} in the panel with a retry, and throws nothing into the page`, async () => {
      const errors = await pageErrorsDuring(async () => {
        const wrapper = await fixture<HTMLElement>(html`<div></div>`);
        wrapper.innerHTML = `<kb-launcher src="${src}"></kb-launcher>`;
        const el = wrapper.firstElementChild as KbLauncher;
        el.show();
        await waitFor(() => dialog(el), 'panel');
        finishAnimations(el);
        const retry = await waitFor(() => help(el)?.shadowRoot?.querySelector<HTMLButtonElement>('[part="retry"]'), 'retry', 5000);
        expect(help(el)!.shadowRoot!.textContent).to.contain('Help could not be loaded.');
        retry.click();
        await waitFor(() => help(el)?.shadowRoot?.querySelector('[part="retry"]'), 'retry again', 5000);
        await expect(el).to.be.accessible();
      });
      expect(errors).to.deep.equal([]);
    });
  }

  it('shows a timeout in the panel with a retry, and throws nothing into the page', async () => {
    // A server that never answers, and the 30 s load timeout shortened to 50 ms.
    const realFetch = window.fetch;
    const realSetTimeout = window.setTimeout;
    window.fetch = ((_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof fetch;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) =>
      realSetTimeout(fn, ms !== undefined && ms >= 30_000 ? 50 : ms, ...args)) as typeof setTimeout;
    try {
      const errors = await pageErrorsDuring(async () => {
        const wrapper = await fixture<HTMLElement>(html`<div></div>`);
        wrapper.innerHTML = '<kb-launcher src="/never/answers/kb.json"></kb-launcher>';
        const el = wrapper.firstElementChild as KbLauncher;
        el.show();
        await waitFor(() => help(el)?.shadowRoot?.querySelector('[part="retry"]'), 'retry', 5000);
        expect(help(el)!.shadowRoot!.textContent).to.contain('took too long');
      });
      expect(errors).to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
      window.setTimeout = realSetTimeout;
    }
  });

  it('opens an article, a search or home through its methods, even before the help code loaded', async () => {
    const { el } = await launcher();
    el.openArticle('archive-storage', 'retention-period');
    await opened(el).catch(() => {});
    await waitFor(() => help(el)?.location.view === 'article', 'article view');
    expect(help(el)!.location.id).to.equal('archive-storage');
    el.search('spam');
    await waitFor(() => help(el)?.location.view === 'search', 'search view');
    el.home();
    await waitFor(() => help(el)?.location.view === 'home', 'home view');
    el.hide();
  });

  it('openArticle() with an id the bundle lacks: "not found" in the panel, and one console warning naming the closest ids', async () => {
    const { el } = await launcher();
    el.show();
    await opened(el);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      el.openArticle('quarantin');
      const article = await waitFor(() => help(el)!.shadowRoot!.querySelector('kb-article'), 'article view');
      await waitFor(() => article.shadowRoot!.querySelector('.kb-state--empty'), '"not found"');
      el.openArticle('quarantin');
      await waitFor(() => help(el)!.location.view === 'article', 'article view again');
    } finally {
      console.warn = warn;
    }
    const messages = warnings.map((w) => String(w[0])).filter((m) => m.includes('quarantin'));
    expect(messages).to.have.length(1);
    expect(messages[0]).to.match(/openArticle\(\).*"quarantin".*"quarantine"/);
  });

  it('keeps its button and panel visible in forced colors', async () => {
    const { el } = await launcher();
    await emulateForcedColors(true);
    try {
      const style = getComputedStyle(button(el));
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.borderTopColor, 'the button has an edge of its own').not.to.equal(style.backgroundColor);
      el.show();
      await opened(el);
      const box = getComputedStyle(dialog(el)!);
      expect(box.borderLeftStyle).to.equal('solid');
      expect(box.borderLeftColor, 'the panel is set off from the page').not.to.equal(box.backgroundColor);
      el.hide();
    } finally {
      await emulateForcedColors(false);
    }
  });

  it('shows one launcher when there are two', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML = `<kb-launcher src="${SRC}"></kb-launcher><kb-launcher src="${SRC}"></kb-launcher>`;
    const [first, second] = wrapper.querySelectorAll('kb-launcher');
    expect(first!.hasAttribute('duplicate')).to.be.false;
    expect(second!.hasAttribute('duplicate')).to.be.true;
    expect(getComputedStyle(second!).display).to.equal('none');
    second!.show();
    expect(second!.open).to.be.false;
  });

  it('opens and closes 200 times without piling up nodes or panels', async () => {
    const { el } = await launcher();
    el.show();
    await opened(el);
    const count = () => el.shadowRoot!.querySelectorAll('*').length + panel(el)!.shadowRoot!.querySelectorAll('*').length;
    const before = count();
    for (let i = 0; i < 200; i++) el.toggle();
    expect(el.open).to.be.true;
    expect(count()).to.equal(before);
    expect(el.shadowRoot!.querySelectorAll('kb-launcher-panel')).to.have.length(1);
    el.hide();
  });

  it('keeps its own strings equal to the shared string table', () => {
    for (const [lang, table] of Object.entries(launcherStrings)) {
      const shared = stringsFor(lang);
      for (const [key, value] of Object.entries(table)) expect(value, `${lang}.${key}`).to.equal(shared[key as 'retry']);
    }
  });

  it('reports the package version', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});

/** Whether `node` is inside `host`'s shadow tree, at any depth. */
function isInside(host: Element, node: Element | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n === host) return true;
  }
  return false;
}
