import { expect } from '@open-wc/testing';
import { cspReports } from './support/csp';
import { loadFrame, waitFor } from './support/frame';

/** Requests the page made, less the test server's own live-reload socket and the CSP recorder. */
function pageRequests(win: Window) {
  return win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => !path.startsWith('/__web-dev-server') && !path.endsWith('/csp-recorder.js'));
}

describe('single-file script-tag bundle', () => {
  it('renders the elements from one <script> tag and requests nothing else', async () => {
    const { frame, win } = await loadFrame('/test/elements/pages/standalone.html?csp');
    const field = await waitFor(
      () => win.document.querySelector('kb-search')?.shadowRoot?.querySelector('input'),
      'kb-search rendered its field',
    );
    expect(field).to.exist;
    expect(pageRequests(win)).to.deep.equal(['/dist/kb-elements.js']);
    frame.remove();
  });

  it('runs under a strict Content-Security-Policy without violations', async () => {
    const { frame, win } = await loadFrame('/test/elements/pages/standalone.html?csp');
    await waitFor(() => win.document.querySelector('kb-search')?.shadowRoot, 'kb-search rendered');
    expect(await cspReports(win)).to.deep.equal([]);
    frame.remove();
  });
});

describe('single-file script-tag bundle: languages', () => {
  type HostWindow = Window & typeof globalThis & { cspViolations: string[]; hostErrors: string[] };
  const distFiles = (win: Window) => pageRequests(win).filter((path) => path.startsWith('/dist/'));

  it('on a lang="de" page loads the German file from its own folder once and re-renders in German, under the strict CSP', async () => {
    const { frame, win } = await loadFrame('/test/elements/pages/standalone-de.html?csp');
    const host = win as HostWindow;
    const search = await waitFor(() => win.document.querySelector('kb-search'), 'kb-search');
    await waitFor(() => search.shadowRoot?.querySelector('input')?.placeholder === 'Hilfeartikel durchsuchen', 'German placeholder');
    expect(distFiles(win)).to.deep.equal(['/dist/kb-elements.js', '/dist/kb-elements.de.js']);

    // A German element added later renders German at once; nothing is fetched again.
    const later = win.document.createElement('kb-search');
    win.document.body.append(later);
    await (later as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(later.shadowRoot!.querySelector('input')!.getAttribute('aria-label')).to.equal('Hilfe durchsuchen');
    // Switching the page to Dutch fetches Dutch.
    win.document.documentElement.lang = 'nl';
    await waitFor(() => later.shadowRoot!.querySelector('input')!.getAttribute('aria-label') === 'Help doorzoeken', 'Dutch');
    expect(distFiles(win)).to.deep.equal(['/dist/kb-elements.js', '/dist/kb-elements.de.js', '/dist/kb-elements.nl.js']);
    // A page's own wording, through the script tag's global.
    (win as unknown as { kbElementsBundle: { registerStrings(lang: string, strings: object): void } }).kbElementsBundle.registerStrings(
      'nl',
      { searchLabel: 'Zoek in de help' },
    );
    await waitFor(() => later.shadowRoot!.querySelector('input')!.getAttribute('aria-label') === 'Zoek in de help', 'own Dutch wording');
    expect(later.shadowRoot!.querySelector('input')!.placeholder).to.equal('Helpartikelen doorzoeken');
    expect(await cspReports(win)).to.deep.equal([]);
    expect(host.hostErrors).to.deep.equal([]);
    frame.remove();
  });

  it('takes a language file the page added itself, even before kb-elements.js, and fetches nothing more', async () => {
    const { frame, win } = await loadFrame('/test/elements/pages/standalone-de-preloaded.html?csp');
    const host = win as HostWindow;
    const field = await waitFor(() => win.document.querySelector('kb-search')?.shadowRoot?.querySelector('input'), 'kb-search rendered');
    expect(field.placeholder).to.equal('Hilfeartikel durchsuchen');
    expect(distFiles(win)).to.deep.equal(['/dist/kb-elements.de.js', '/dist/kb-elements.js']);
    expect(await cspReports(win)).to.deep.equal([]);
    expect(host.hostErrors).to.deep.equal([]);
    frame.remove();
  });

  it('through kb-launcher.js on a de-CH page: the panel speaks German, the language file comes from the same folder', async () => {
    const { frame, win } = await loadFrame('/test/elements/pages/launcher-de.html?csp');
    const host = win as HostWindow;
    const launcher = await waitFor(() => win.document.querySelector('kb-launcher'), 'launcher');
    await waitFor(() => launcher.shadowRoot?.querySelector('[part="button"]'), 'button');
    expect(distFiles(win)).to.deep.equal(['/dist/kb-launcher.js']);
    win.kbElements!.open();
    const help = await waitFor(
      () => launcher.shadowRoot!.querySelector('kb-launcher-panel')?.shadowRoot?.querySelector('kb-help'),
      'help center open',
    );
    await waitFor(() => help.shadowRoot?.textContent?.includes('Kategorien'), 'German help center', 5000);
    expect(distFiles(win)).to.deep.equal(['/dist/kb-launcher.js', '/dist/kb-elements.js', '/dist/kb-elements.de.js']);
    expect(await cspReports(win)).to.deep.equal([]);
    expect(host.hostErrors).to.deep.equal([]);
    frame.remove();
  });
});

describe('strict CSP test pages', () => {
  it('really enforce the policy (an inline script is blocked and reported)', async () => {
    const { frame, win } = await loadFrame('/test/elements/pages/csp-probe.html?csp');
    await waitFor(() => (win as unknown as { cspViolations: string[] }).cspViolations.length, 'a violation');
    expect((win as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
    frame.remove();
  });
});
