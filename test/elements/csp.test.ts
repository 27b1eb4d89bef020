/**
 * The help elements on a page served with the real header
 * `Content-Security-Policy: script-src 'self'; style-src 'self'` (the test server's cspPlugin
 * adds it to pages requested with `?csp`): they render styled, work when used, and nothing of
 * an article whose HTML carries style attributes, a <style> element and inline handlers runs
 * or applies. The page's only CSP reports may be those this browser makes for merely parsing
 * that hostile markup (support/csp.ts); pages with plain bundles must cause none at all.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cspReports, cspReportsBeyondParsing } from './support/csp';
import { loadFrame, waitFor } from './support/frame';
import { STYLED_ARTICLE_HTML } from './pages/csp/styled-article';

type Win = Window & typeof globalThis & { kbReady?: boolean; kbCanary?: string };
const PAGE = '/test/elements/pages/csp/elements.html?csp';

const shadow = (root: ParentNode, selector: string) => root.querySelector(selector)?.shadowRoot ?? undefined;

/** Searches by keyboard in kb-search, then opens an article in kb-help. */
async function searchAndOpen(doc: Document, help: ShadowRoot) {
  shadow(doc, 'kb-search')!.querySelector('input')!.focus();
  await sendKeys({ type: 'spam' });
  await waitFor(() => shadow(doc, 'kb-search')!.querySelectorAll('[role="option"]').length, 'search results');
  await sendKeys({ press: 'Escape' });
  (doc.querySelector('kb-help') as HTMLElement & { open(id: string): void }).open('dns-records');
  await waitFor(() => shadow(help, 'kb-article')?.querySelector('h1'), 'article in kb-help');
}

describe('strict Content-Security-Policy', () => {
  it('serves the test page with the strict policy', async () => {
    const response = await fetch(PAGE);
    const policy = response.headers.get('content-security-policy');
    expect(policy).to.match(/(^|; )script-src 'self'( 'report-sample')?;/);
    expect(policy).to.match(/(^|; )style-src 'self'( 'report-sample')?;/);
  });

  it('renders every help element styled, works, and nothing of a hostile article runs or applies', async () => {
    const { frame, win: w } = await loadFrame(PAGE);
    const win = w as Win;
    try {
      await waitFor(() => win.kbReady, 'page script ran', 5000);
      const doc = win.document;
      const help = await waitFor(
        () => shadow(doc, 'kb-help')?.querySelector('[part="header"]') && shadow(doc, 'kb-help'),
        'kb-help rendered',
      );
      const article = await waitFor(
        () => shadow(doc, 'kb-article')?.querySelector('h1') && shadow(doc, 'kb-article'),
        'kb-article rendered',
      );

      // Styles arrive through adoptedStyleSheets, which style-src 'self' allows.
      expect(win.getComputedStyle(help.querySelector('[part="header"]')!).display).to.equal('flex');
      expect(win.getComputedStyle(doc.querySelector('kb-help')!).backgroundColor).to.equal('rgb(22, 27, 34)');
      expect(win.getComputedStyle(article.querySelector('pre')!).whiteSpace).to.equal('pre');

      // The article's own style attributes, <style> and handlers were dropped by the sanitizer,
      // and none of them applied or ran.
      const body = article.querySelector('.body')!;
      expect(body.querySelectorAll('[style], style, [onclick], [onerror]').length).to.equal(0);
      expect(win.getComputedStyle(body.querySelector('p')!).color).to.not.be.oneOf(['rgb(255, 0, 0)', 'rgb(0, 0, 255)']);
      expect(body.querySelector('table')!.getBoundingClientRect().width).to.be.below(2000);
      (body.querySelector('td') as HTMLElement).click();

      // Use them: search by keyboard, open an article in kb-help, follow the TOC, copy code.
      await searchAndOpen(doc, help);
      (article.querySelector('[part="toc"] a') as HTMLElement).click();
      (article.querySelector('.kb-copy') as HTMLElement).click();

      const { reports, unexplained } = await cspReportsBeyondParsing(win, STYLED_ARTICLE_HTML);
      expect(unexplained, 'CSP reports beyond parsing the hostile markup').to.deep.equal([]);
      // Authored styles are cut from the string before it is parsed: not even a parsing report.
      expect(reports.filter((report) => report.startsWith('style-src'))).to.deep.equal([]);
      expect(win.kbCanary).to.equal(undefined);
    } finally {
      frame.remove();
    }
  });

  it('causes no report at all on the same page without the hostile article', async () => {
    const { frame, win: w } = await loadFrame(`${PAGE}&plain`);
    const win = w as Win;
    try {
      await waitFor(() => win.kbReady, 'page script ran', 5000);
      const doc = win.document;
      const help = await waitFor(
        () => shadow(doc, 'kb-help')?.querySelector('[part="header"]') && shadow(doc, 'kb-help'),
        'kb-help rendered',
      );
      await waitFor(() => shadow(doc, 'kb-article')?.querySelector('h1'), 'kb-article rendered');
      await searchAndOpen(doc, help);
      expect(await cspReports(win)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
