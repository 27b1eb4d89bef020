import { expect } from '@open-wc/testing';
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
    expect((win as unknown as { cspViolations: string[] }).cspViolations).to.deep.equal([]);
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
