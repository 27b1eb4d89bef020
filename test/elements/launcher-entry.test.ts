/**
 * `kb-elements/launcher` (src/launcher.ts), the lazy launcher for bundler apps: importing it
 * defines only `<kb-launcher>`; the help elements load with `import('./index')` on first use.
 * The order matters: the first tests run before the help elements are loaded.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineOnce } from '../../src/elements/kb-launcher/elements-claim';
import { VERSION } from '../../src/elements/kb-launcher/version';
import * as entry from '../../src/launcher';
import { KbLauncher, loadElements } from '../../src/launcher';
import { quiet, record } from './support/dom';
import { waitFor } from './support/frame';
import { pageErrorsDuring } from './support/page-errors';

const DEMO = '/test/fixtures/generated/demo/kb.json';
/** axe takes `<kb-help>`'s `#kb/...` route links for broken skip links (see kb-launcher.test.ts). */
const AXE = { ignoredRules: ['skip-link'] };

const button = (el: KbLauncher) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
const panel = (el: KbLauncher) => el.shadowRoot!.querySelector<HTMLElement>('kb-launcher-panel');
const dialog = (el: KbLauncher) => panel(el)?.shadowRoot?.querySelector<HTMLElement>('[part="dialog"]');
const help = (el: KbLauncher) => panel(el)?.shadowRoot?.querySelector<HTMLElement & { location: { view: string; id?: string } }>('kb-help');
const alert = (el: KbLauncher) => el.shadowRoot!.querySelector<HTMLElement>('[part="alert"]');

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function launcher(): Promise<KbLauncher> {
  const wrapper = await fixture<HTMLElement>(html`<div><button id="before">before</button><div id="slot"></div></div>`);
  wrapper.querySelector('#slot')!.outerHTML = `<kb-launcher src="${DEMO}"></kb-launcher>`;
  return wrapper.querySelector('kb-launcher') as KbLauncher;
}

/** Waits for the open panel showing the demo help center's home. */
async function helpCenterShown(el: KbLauncher) {
  await waitFor(() => dialog(el) && !panel(el)!.hidden, 'panel open', 5000);
  const title = await waitFor(() => help(el)?.shadowRoot?.querySelector('h1'), 'help center loaded', 5000);
  for (const animation of dialog(el)!.getAnimations()) animation.finish();
  return title;
}

describe('kb-elements/launcher (ES module entry)', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    KbLauncher.loadElements = loadElements;
    for (const el of document.querySelectorAll('kb-launcher')) el.remove();
  });

  it('defines <kb-launcher> at import, and none of the help elements', async () => {
    expect(customElements.get('kb-launcher')).to.equal(KbLauncher);
    for (const tag of ['kb-help', 'kb-search', 'kb-article', 'kb-tip', 'kb-launcher-panel']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
    expect(KbLauncher.loadElements).to.equal(loadElements);
    // The window.kbElements methods, as named exports; the global itself is left alone.
    for (const name of ['open', 'close', 'toggle', 'openArticle', 'search', 'suggest', 'on', 'installGlobalApi'] as const) {
      expect(entry[name], name).to.be.a('function');
    }
    expect(entry.version).to.equal(VERSION);
    expect(window.kbElements).to.equal(undefined);

    const el = await launcher();
    await expect(el).to.be.accessible();
    await quiet();
    expect(customElements.get('kb-help'), 'nothing loads before intent').to.equal(undefined);
  });

  it('says so with a retry when the help code cannot be loaded, throws nothing, and the retry loads it', async () => {
    // The entry's loader with a chunk that does not exist: a real failed dynamic import. (The
    // retry below imports another URL: Chromium would not fetch a failed module URL again.)
    KbLauncher.loadElements = () => defineOnce(() => import(/* @vite-ignore */ `${'/no/such/chunk.js'}`));
    let el!: KbLauncher;
    const errors = await pageErrorsDuring(async () => {
      el = await launcher();
      button(el).focus();
      await sendKeys({ press: 'Enter' });
      const box = await waitFor(() => alert(el), 'alert');
      expect(box.getAttribute('role')).to.equal('alert');
      expect(box.textContent).to.contain('Help could not be loaded.');
      expect(el.open).to.be.false;
      expect(button(el).getAttribute('aria-expanded')).to.equal('false');
      expect(deepActive(), 'focus on "Try again"').to.equal(el.shadowRoot!.querySelector('[part="retry"]'));
      await expect(el).to.be.accessible();
    });
    expect(errors).to.deep.equal([]);
    expect(customElements.get('kb-help')).to.equal(undefined);

    // The failed claim was given up: the entry's own loader (import('./index')) runs on retry.
    KbLauncher.loadElements = loadElements;
    await sendKeys({ press: 'Enter' });
    await helpCenterShown(el);
    expect(alert(el)).to.equal(null);
    expect(customElements.get('kb-help')).to.be.ok;
    expect(customElements.get('kb-tip')).to.be.ok;
  });

  it('opens with Enter and Space, shows the demo help center, and Esc returns focus to the button', async () => {
    const el = await launcher();
    const opens = record(el, 'kb-launcher-open');
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    const title = await helpCenterShown(el);
    expect(title.textContent).to.contain('Skyhost');
    const search = () => help(el)?.shadowRoot?.querySelector('kb-search')?.shadowRoot?.querySelector('input');
    await waitFor(() => deepActive() === search(), 'the cursor in the search field');
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible(AXE);

    await sendKeys({ press: 'Escape' });
    expect(el.open).to.be.false;
    expect(deepActive()).to.equal(button(el));

    await sendKeys({ press: 'Space' });
    await helpCenterShown(el);
    expect(el.open).to.be.true;
    await sendKeys({ press: 'Escape' });
    expect(deepActive()).to.equal(button(el));
    expect(opens).to.have.length(2);
  });

  it('opens on click, and the named exports drive it like window.kbElements', async () => {
    const el = await launcher();
    const events: string[] = [];
    const off = entry.on('open', (e) => events.push(e.type));
    button(el).click();
    await helpCenterShown(el);
    entry.close();
    expect(el.open).to.be.false;
    entry.openArticle('getting-started');
    await waitFor(() => help(el)?.location.view === 'article' && help(el)!.location.id === 'getting-started', 'article view', 5000);
    entry.search('dns');
    await waitFor(() => help(el)?.location.view === 'search', 'search view', 5000);
    entry.toggle();
    expect(el.open).to.be.false;
    off();
    entry.open();
    expect(events).to.deep.equal(['kb-launcher-open', 'kb-launcher-open']);
    entry.close();
  });
});
