/**
 * The React 19 and Vue 3 examples of docs/embedding.md, built with Vite and the kb-elements
 * Vite plugin (examples/build.mjs, run by npm test before the browser tests), run in the
 * browser: properties, events, methods and the emitted bundle all work through the framework.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadFrame, waitFor } from './support/frame';

type El = HTMLElement & { shadowRoot: ShadowRoot };

for (const framework of ['react', 'vue']) {
  describe(`${framework} example`, () => {
    it('renders the elements with properties set by the framework and listens to their events', async () => {
      const response = await fetch(`/examples/${framework}/dist/index.html`);
      expect(response.ok, `examples/${framework}/dist is missing: run node examples/build.mjs`).to.be.true;

      sessionStorage.clear(); // kb-search keeps the last query for the session
      const { frame, win } = await loadFrame(`/examples/${framework}/dist/index.html`);
      const doc = win.document;
      const help = await waitFor(() => doc.querySelector('kb-help') as El | null, 'kb-help', 5000);
      // The emitted bundle loads; the `strings` object arrived as a property.
      const input = await waitFor(() => help.shadowRoot.querySelector('kb-search')?.shadowRoot?.querySelector('input'), 'search box', 8000);
      expect(input.getAttribute('placeholder')).to.equal('Ask Skyhost anything');

      // An event handler declared in the framework's template runs (kb-search -> state).
      input.focus();
      await sendKeys({ type: 'quarantine' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => doc.querySelector('#last-search')?.textContent === 'quarantine', 'kb-search handled by the app', 5000);

      // The tip's "Learn more" is cancelled by the app, which calls kb-help's open() method.
      const tip = doc.querySelector('kb-tip') as El & { show(): void };
      expect(doc.querySelector('#threshold')!.getAttribute('aria-describedby')).to.match(/kb-tip-/);
      await waitFor(() => tip.shadowRoot.querySelector('button')?.getAttribute('aria-label')?.startsWith('More about'), 'tip loaded', 5000);
      tip.show();
      const more = await waitFor(() => tip.shadowRoot.querySelector<HTMLElement>('.read-more'), 'Learn more');
      more.click();
      await waitFor(() => doc.querySelector('#opened')?.textContent === 'spam-filter-threshold', 'opened by the app');
      await waitFor(() => help.shadowRoot.querySelector('kb-article'), 'article shown in kb-help', 5000);
      frame.remove();
    });
  });
}
