/**
 * The help elements on a page served with the real header
 * `Content-Security-Policy: script-src 'self'; style-src 'self'` (the test server's cspPlugin
 * adds it to pages requested with `?csp`): they render styled, work when used, and the page
 * records no violation, even for an article whose HTML carries style attributes, a <style>
 * element and inline handlers.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadFrame, waitFor } from './support/frame';

type Win = Window & typeof globalThis & { cspViolations: string[]; kbReady?: boolean };
const PAGE = '/test/elements/pages/csp/elements.html?csp';

const shadow = (root: ParentNode, selector: string) => root.querySelector(selector)?.shadowRoot ?? undefined;

describe('strict Content-Security-Policy', () => {
  it('serves the test page with the strict policy', async () => {
    const response = await fetch(PAGE);
    expect(response.headers.get('content-security-policy')).to.contain("script-src 'self'; style-src 'self'");
  });

  it('renders every help element styled, works, and causes no violation', async () => {
    const { frame, win: w } = await loadFrame(PAGE);
    const win = w as Win;
    try {
      await waitFor(() => win.kbReady, 'page script ran', 5000);
      const doc = win.document;
      const help = await waitFor(() => shadow(doc, 'kb-help')?.querySelector('[part="header"]') && shadow(doc, 'kb-help'), 'kb-help rendered');
      const article = await waitFor(() => shadow(doc, 'kb-article')?.querySelector('h1') && shadow(doc, 'kb-article'), 'kb-article rendered');

      // Styles arrive through adoptedStyleSheets, which style-src 'self' allows.
      expect(win.getComputedStyle(help.querySelector('[part="header"]')!).display).to.equal('flex');
      expect(win.getComputedStyle(doc.querySelector('kb-help')!).backgroundColor).to.equal('rgb(22, 27, 34)');
      expect(win.getComputedStyle(article.querySelector('pre')!).whiteSpace).to.equal('pre');

      // The article's own style attributes, <style> and handlers were dropped by the sanitizer.
      const body = article.querySelector('.body')!;
      expect(body.querySelectorAll('[style], style, [onclick], [onerror]').length).to.equal(0);
      expect(win.getComputedStyle(body.querySelector('p')!).color).to.not.equal('rgb(255, 0, 0)');

      // Use them: search by keyboard, open an article in kb-help, follow the TOC, copy code.
      shadow(doc, 'kb-search')!.querySelector('input')!.focus();
      await sendKeys({ type: 'spam' });
      await waitFor(() => shadow(doc, 'kb-search')!.querySelectorAll('[role="option"]').length, 'search results');
      await sendKeys({ press: 'Escape' });
      (doc.querySelector('kb-help') as HTMLElement & { open(id: string): void }).open('dns-records');
      await waitFor(() => shadow(help, 'kb-article')?.querySelector('h1'), 'article in kb-help');
      (article.querySelector('[part="toc"] a') as HTMLElement).click();
      (article.querySelector('.kb-copy') as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 100));

      expect(win.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
