/**
 * The script-tag files as a host page uses them (built dist/kb-elements.js and
 * dist/kb-launcher.js, under the strict CSP): launcher from data-* attributes, the
 * window.kbElements queue, lazy loading, failures, and the files included twice.
 */
import { expect } from '@open-wc/testing';
import type { KbLauncher } from '../../src/elements/kb-launcher/kb-launcher';
import { bundleUrl, makeBundle } from './support/bundles';
import { cspReports } from './support/csp';
import { quiet } from './support/dom';
import { loadFrame, waitFor } from './support/frame';

type HostWindow = Window &
  typeof globalThis & {
    hostErrors: string[];
    cspViolations?: string[];
    seen: string[];
    keptReference: unknown;
  };

const BUNDLE = bundleUrl(
  makeBundle({
    categories: [{ id: 'settings', title: 'Settings' }],
    articles: [
      {
        id: 'archive-storage',
        title: 'How long the archive keeps mail',
        category: 'settings',
        context: ['settings.archive', '/settings/archive'],
        intro: 'Retention.',
      },
      {
        id: 'spam-filter-threshold',
        title: 'Set the spam filter threshold',
        category: 'settings',
        context: ['settings.spam-filter'],
        intro: 'Threshold.',
      },
      { id: 'add-a-domain', title: 'Add a domain', category: 'settings', context: ['/domains'], intro: 'Domains.' },
    ],
  }),
);

const scripts = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/') || p.startsWith('/no/'));

const launcherOf = (win: Window) => win.document.querySelector('kb-launcher:not([duplicate])') as KbLauncher | null;
const button = (launcher: KbLauncher) => launcher.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]');
const helpOf = (launcher: KbLauncher) =>
  launcher.shadowRoot!.querySelector('kb-launcher-panel')?.shadowRoot?.querySelector<HTMLElement>('kb-help') ?? null;

async function page(name: string) {
  const { frame, win } = await loadFrame(`/test/elements/pages/embed/${name}.html?csp`);
  return { frame, win: win as HostWindow };
}

describe('script tag: kb-elements.js with data-launcher', () => {
  it('shows the launcher from the data-* options, replays the queued calls, and defers the other elements', async () => {
    const { frame, win } = await page('launcher');
    const launcher = await waitFor(() => launcherOf(win), 'launcher');
    expect(button(launcher)!.textContent).to.contain('Help center');
    expect(launcher.getAttribute('position')).to.equal('bottom-left');
    expect(win.getComputedStyle(launcher).zIndex).to.equal('500');
    expect(launcher.src).to.equal(new URL('/test/fixtures/generated/demo/kb.json', location.href).href);

    // The stub object was upgraded in place; the queued suggest() ran.
    expect(win.kbElements === win.keptReference, 'stub upgraded in place').to.be.true;
    expect(win.kbElements!.version).to.match(/^\d+\.\d+\.\d+/);
    expect((win as unknown as Record<symbol, { keys: string[] }>)[Symbol.for('kb-elements.route-context')]!.keys).to.deep.equal([
      'settings.archive',
    ]);

    // Only the launcher ran: the help elements wait for intent.
    expect(win.customElements.get('kb-help')).to.equal(undefined);
    expect(win.customElements.get('kb-search')).to.equal(undefined);
    expect(scripts(win)).to.deep.equal(['/dist/kb-elements.js']);

    launcher.src = BUNDLE;
    win.kbElements!.open();
    await waitFor(() => helpOf(launcher)?.shadowRoot?.querySelector('h1'), 'help center open');
    expect(win.customElements.get('kb-help')).to.not.equal(undefined);
    const api = await (win as unknown as { kbElementsBundle: { load(): Promise<Record<string, unknown>> } }).kbElementsBundle.load();
    expect(typeof api.KnowledgeBase).to.equal('function');
    // "Suggested for this page" from the suggest() key queued before load.
    await waitFor(() => helpOf(launcher)!.shadowRoot!.textContent!.includes('How long the archive keeps mail'), 'suggestion');
    win.kbElements!.close();
    expect(win.seen).to.deep.equal(['kb-launcher-open', 'kb-launcher-close']);
    expect(win.hostErrors).to.deep.equal([]);
    expect(await cspReports(win)).to.deep.equal([]);
    frame.remove();
  });

  it("locks the page's scroll while the panel is open through the CSSOM: no report under style-src 'self'", async () => {
    const { frame, win } = await page('launcher');
    const launcher = await waitFor(() => launcherOf(win), 'launcher');
    launcher.src = BUNDLE;
    const doc = win.document;
    doc.body.style.minHeight = '4000px';
    const hadStyle = doc.documentElement.hasAttribute('style');
    launcher.show();
    await waitFor(() => helpOf(launcher)?.shadowRoot?.querySelector('h1'), 'help center open');
    expect(win.getComputedStyle(doc.scrollingElement!).overflowY).to.equal('hidden');
    launcher.hide();
    expect(win.getComputedStyle(doc.scrollingElement!).overflowY).to.equal('visible');
    expect(doc.documentElement.hasAttribute('style')).to.equal(hadStyle);
    expect(await cspReports(win)).to.deep.equal([]);
    expect(win.hostErrors).to.deep.equal([]);
    frame.remove();
  });

  it('updates "Suggested for this page" on SPA navigation, with no call from the host', async () => {
    const { frame, win } = await page('launcher');
    const launcher = await waitFor(() => launcherOf(win), 'launcher');
    launcher.src = BUNDLE;
    win.kbElements!.suggest(null);
    win.history.pushState(null, '', '/domains');
    launcher.show();
    const help = await waitFor(() => helpOf(launcher)?.shadowRoot?.querySelector('h1') && helpOf(launcher), 'help');
    await waitFor(() => help.shadowRoot!.textContent!.includes('Add a domain'), 'suggestion for /domains');
    win.history.pushState(null, '', '/settings/archive');
    await waitFor(
      () => help.shadowRoot!.querySelector('#suggested')?.parentElement?.textContent?.includes('How long the archive keeps mail'),
      'suggestion for /settings/archive',
    );
    win.location.hash = '#/domains';
    await waitFor(
      () => help.shadowRoot!.querySelector('#suggested')?.parentElement?.textContent?.includes('Add a domain'),
      'suggestion for #/domains',
    );
    expect(win.hostErrors).to.deep.equal([]);
    frame.remove();
  });

  it('defines <kb-tip> at once when the page uses one', async () => {
    const { frame, win } = await page('tip');
    await waitFor(() => win.customElements.get('kb-tip'), 'kb-tip defined');
    const field = win.document.querySelector('#retention')!;
    await waitFor(() => field.getAttribute('aria-describedby'), 'field described');
    // The tip has no src: it uses the bundle of the launcher the script tag added.
    const tip = win.document.querySelector('kb-tip') as HTMLElement & { src: string; show(): void; shadowRoot: ShadowRoot };
    await waitFor(() => tip.src, 'tip src');
    expect(tip.src).to.equal(new URL('/test/fixtures/generated/demo/kb.json', location.href).href);

    // Learn more opens the article in the launcher panel; closing it returns focus to the "?".
    const launcher = launcherOf(win)!;
    launcher.src = BUNDLE;
    tip.src = BUNDLE;
    const tipEl = tip;
    await waitFor(() => tipEl.shadowRoot.querySelector('button')?.getAttribute('aria-label')?.startsWith('More about'), 'tip loaded');
    tipEl.show();
    (await waitFor(() => tipEl.shadowRoot.querySelector<HTMLElement>('.read-more'), 'Learn more')).click();
    await waitFor(() => helpOf(launcher)?.shadowRoot?.querySelector('kb-article'), 'article in the panel');
    launcher.hide();
    // (compared as a boolean: chai's failure message for elements of another window never ends)
    expect(tipEl.shadowRoot.activeElement === tipEl.shadowRoot.querySelector('button.trigger'), 'focus on "?"').to.be.true;
    expect(win.hostErrors).to.deep.equal([]);
    frame.remove();
  });
});

describe('script tag: kb-launcher.js (launcher first)', () => {
  it('loads kb-elements.js only on intent, then opens the help center', async () => {
    const { frame, win } = await page('split');
    const launcher = await waitFor(() => launcherOf(win), 'launcher');
    await waitFor(() => button(launcher), 'button');
    expect(scripts(win)).to.deep.equal(['/dist/kb-launcher.js']);
    expect((win as unknown as Record<symbol, { keys: string[] }>)[Symbol.for('kb-elements.route-context')]!.keys).to.deep.equal([
      'settings.spam-filter',
      'dashboard',
    ]);

    launcher.src = BUNDLE;
    button(launcher)!.dispatchEvent(new PointerEvent('pointerenter'));
    await waitFor(() => win.customElements.get('kb-help'), 'elements loaded on hover');
    expect(scripts(win)).to.deep.equal(['/dist/kb-launcher.js', '/dist/kb-elements.js']);
    win.kbElements!.openArticle('spam-filter-threshold');
    await waitFor(() => helpOf(launcher)?.shadowRoot?.querySelector('kb-article'), 'article shown');
    expect(win.hostErrors).to.deep.equal([]);
    expect(await cspReports(win)).to.deep.equal([]);
    frame.remove();
  });

  it('says so with a retry when kb-elements.js cannot be loaded, and throws nothing into the page', async () => {
    const { frame, win } = await page('split-broken');
    const launcher = await waitFor(() => launcherOf(win), 'launcher');
    win.kbElements!.open();
    const alert = await waitFor(() => launcher.shadowRoot!.querySelector('[part="alert"]'), 'alert');
    expect(alert.textContent).to.contain('Help could not be loaded.');
    launcher.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitFor(() => scripts(win).filter((s) => s.startsWith('/no/')).length === 2, 'retried');
    await waitFor(() => launcher.shadowRoot!.querySelector('[part="alert"]'), 'alert again');
    expect(win.hostErrors).to.deep.equal([]);
    frame.remove();
  });
});

describe('script tag included twice', () => {
  it('makes one launcher, defines the elements once, and throws nothing', async () => {
    const { frame, win } = await page('twice');
    await waitFor(() => win.customElements.get('kb-search') && win.document.querySelector('kb-search')?.shadowRoot, 'kb-search');
    await quiet(win);
    const launchers = [...win.document.querySelectorAll('kb-launcher')];
    expect(launchers.filter((l) => !l.hasAttribute('duplicate'))).to.have.length(1);
    expect(launchers).to.have.length(1);
    expect(win.hostErrors).to.deep.equal([]);
    frame.remove();
  });
});
