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
import { quiet, record } from './support/dom';
import { waitFor } from './support/frame';
import { pageErrorsDuring } from './support/page-errors';

const SRC = bundleUrl(smallBundle());
/**
 * axe's skip-link rule takes `<kb-help>`'s in-widget `#kb/...` links for broken skip links
 * (it looks for an element with that id); they are routes, not skip links.
 */
const AXE = { ignoredRules: ['skip-link'] };

const button = (el: KbLauncher) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
const panel = (el: KbLauncher) => el.shadowRoot!.querySelector<HTMLElement>('kb-launcher-panel');
const dialog = (el: KbLauncher) => panel(el)?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
const help = (el: KbLauncher) => panel(el)?.shadowRoot?.querySelector<HTMLElement & { location: { view: string; id?: string } }>('kb-help');

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

/** Waits for the open panel and its loaded help center; ends the slide-in so boxes and colours are final. */
async function opened(el: KbLauncher) {
  await waitFor(() => dialog(el) && !panel(el)!.hidden, 'panel open');
  await waitFor(() => help(el)?.shadowRoot?.querySelector('h1'), 'help center loaded');
  finishAnimations(el);
}

function finishAnimations(el: KbLauncher) {
  for (const animation of panel(el)?.getAnimations() ?? []) animation.finish();
}

describe('<kb-launcher>', () => {
  const defaultLoader = KbLauncher.loadElements;
  afterEach(async () => {
    KbLauncher.loadElements = defaultLoader;
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

  it('opens a side sheet with the help center, moves focus into it, and Esc returns focus', async () => {
    const { el } = await launcher();
    const openEvents = record(el, 'kb-launcher-open');
    const closeEvents = record(el, 'kb-launcher-close');
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await opened(el);
    expect(el.open).to.be.true;
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(deepActive()).to.equal(dialog(el));
    expect(dialog(el)!.getAttribute('aria-labelledby')).to.equal('title');
    const sheet = panel(el)!.getBoundingClientRect();
    expect(Math.round(sheet.width)).to.equal(440);
    expect(Math.round(sheet.right)).to.equal(innerWidth);
    expect(Math.round(sheet.height)).to.equal(innerHeight);
    await expect(el).to.be.accessible(AXE);

    await sendKeys({ press: 'Escape' });
    expect(el.open).to.be.false;
    expect(panel(el)!.hidden).to.be.true;
    expect(deepActive()).to.equal(button(el));
    expect(openEvents).to.have.length(1);
    expect(closeEvents).to.have.length(1);
  });

  it('returns focus to what had it before (not only the button), and the close button closes', async () => {
    const { wrapper, el } = await launcher();
    const before = wrapper.querySelector<HTMLButtonElement>('#before')!;
    before.focus();
    el.show();
    await opened(el);
    panel(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!.click();
    expect(el.open).to.be.false;
    expect(document.activeElement).to.equal(before);

    // If that element is gone (or hidden) by the time the panel closes, the button takes focus.
    before.focus();
    el.show();
    await opened(el);
    before.hidden = true;
    el.hide();
    expect(deepActive()).to.equal(button(el));
  });

  it('has no keyboard trap: Tab leaves the open panel', async () => {
    const { el } = await launcher();
    el.show();
    await opened(el);
    let left = false;
    for (let i = 0; i < 80 && !left; i++) {
      await sendKeys({ press: 'Tab' });
      left = !el.contains(deepActive()) && !el.shadowRoot!.contains(deepActive()) && !isInside(el, deepActive());
    }
    expect(left, 'focus left the panel').to.be.true;
    expect(el.open, 'the panel stays open (non-modal)').to.be.true;
  });

  it('is full screen on a phone', async () => {
    await setViewport({ width: 375, height: 667 });
    const { el } = await launcher();
    el.show();
    await opened(el);
    const sheet = panel(el)!.getBoundingClientRect();
    expect([sheet.left, sheet.top, sheet.width, sheet.height].map(Math.round)).to.deep.equal([0, 0, 375, 667]);
    expect(button(el).textContent).to.contain('Help');
    await expect(el).to.be.accessible(AXE);
  });

  it('takes a corner and a z-index', async () => {
    const { el } = await launcher('position="top-left" z-index="42"');
    const box = button(el).getBoundingClientRect();
    expect([Math.round(box.left), Math.round(box.top)]).to.deep.equal([20, 20]);
    expect(getComputedStyle(el).zIndex).to.equal('42');
    el.show();
    await opened(el);
    expect(Math.round(panel(el)!.getBoundingClientRect().left)).to.equal(0);
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
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => realSetTimeout(fn, ms !== undefined && ms >= 30_000 ? 50 : ms, ...args)) as typeof setTimeout;
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
