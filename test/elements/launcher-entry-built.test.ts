/**
 * The built `kb-elements/launcher` (dist/launcher.js) in a module page under the strict CSP:
 * the page loads the launcher and no help code (no dist/index.js, no lit) until the page uses
 * another `kb-*` element; and the same in a Vite-built React app (examples/react/launcher.html).
 * Needs dist/ and examples/react/dist (npm test builds both first).
 */
import { expect } from '@open-wc/testing';
import { cspReports } from './support/csp';
import { quiet } from './support/dom';
import { loadFrame, waitFor } from './support/frame';

type HostWindow = Window &
  typeof globalThis & {
    hostErrors: string[];
    cspViolations: string[];
    kb?: typeof import('../../src/launcher');
  };

const HELP_DEPENDENCY = /\/(lit|@lit|lit-html|lit-element|dompurify|minisearch)\//;
const requested = (win: Window) => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);

describe('kb-elements/launcher, built (dist/launcher.js)', () => {
  it('loads no help code before it is needed, then loads it for a <kb-tip> the app adds', async () => {
    const { frame, win } = (await loadFrame('/test/elements/pages/launcher-module/index.html?csp')) as {
      frame: HTMLIFrameElement;
      win: HostWindow;
    };
    await waitFor(() => win.kb && win.customElements.get('kb-launcher'), 'entry loaded');
    const launcher = win.document.querySelector('kb-launcher')!;
    await waitFor(() => launcher.shadowRoot?.querySelector('[part="button"]'), 'button');
    await quiet(win);

    const before = requested(win);
    expect(before).to.include('/dist/launcher.js');
    expect(before, 'the elements chunk').not.to.include('/dist/index.js');
    expect(
      before.filter((p) => HELP_DEPENDENCY.test(p)),
      'lit, dompurify, minisearch',
    ).to.deep.equal([]);
    expect(
      before.filter((p) => p.endsWith('kb.json')),
      'no bundle before intent',
    ).to.deep.equal([]);
    expect(win.customElements.get('kb-help')).to.equal(undefined);

    const tip = win.document.createElement('kb-tip');
    tip.setAttribute('for', 'retention');
    tip.setAttribute('src', '/test/fixtures/generated/demo/kb.json');
    tip.setAttribute('context', 'settings.archive');
    win.document.querySelector('main')!.append(tip);
    await waitFor(() => win.customElements.get('kb-tip') && win.customElements.get('kb-help'), 'elements loaded for the tip', 5000);
    expect(requested(win)).to.include('/dist/index.js');
    expect(
      requested(win).some((p) => HELP_DEPENDENCY.test(p)),
      'lit loaded with the elements',
    ).to.be.true;
    await waitFor(() => tip.shadowRoot?.querySelector('button'), 'tip rendered', 5000);

    win.kb!.openArticle('getting-started');
    const help = await waitFor(
      () => launcher.shadowRoot!.querySelector('kb-launcher-panel')?.shadowRoot?.querySelector<HTMLElement>('kb-help'),
      'help center',
      5000,
    );
    await waitFor(() => help.shadowRoot?.querySelector('kb-article'), 'article shown', 5000);
    expect(win.kbElements, 'window.kbElements is not set').to.equal(undefined);
    expect(win.hostErrors).to.deep.equal([]);
    expect(await cspReports(win)).to.deep.equal([]);
    frame.remove();
  });
});

describe('kb-elements/launcher in a Vite-built React app (examples/react/launcher.html)', () => {
  it('ships the help code as a separate chunk, fetched when the app opens an article', async () => {
    const response = await fetch('/examples/react/dist/launcher.html');
    expect(response.ok, 'examples/react/dist is missing: run node examples/build.mjs').to.be.true;
    const { frame, win } = await loadFrame('/examples/react/dist/launcher.html');
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(String(e.message)));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    const doc = win.document;
    const launcher = await waitFor(
      () => doc.querySelector('kb-launcher')?.shadowRoot?.querySelector('[part="button"]') && doc.querySelector('kb-launcher'),
      'launcher',
      5000,
    );
    await quiet(win);
    const scriptsAtLoad = requested(win).filter((p) => p.endsWith('.js'));
    expect(win.customElements.get('kb-help'), 'help elements not defined before use').to.equal(undefined);

    doc.querySelector<HTMLButtonElement>('#dns-help')!.click();
    const help = await waitFor(
      () =>
        launcher
          .shadowRoot!.querySelector('kb-launcher-panel')
          ?.shadowRoot?.querySelector<HTMLElement & { location: { id?: string } }>('kb-help'),
      'help center',
      5000,
    );
    await waitFor(() => help.location.id === 'dns-records' && help.shadowRoot?.querySelector('kb-article'), 'article shown', 5000);
    const chunks = requested(win).filter((p) => p.endsWith('.js') && !scriptsAtLoad.includes(p));
    expect(chunks, 'the help code came as a chunk of its own').to.have.length.greaterThan(0);
    await waitFor(() => doc.querySelector('#opens')?.textContent === '1', 'on("open") handler ran');
    expect(errors).to.deep.equal([]);
    frame.remove();
  });
});
