import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { KnowledgeBase } from '../../src/core/index';
import '../../src/elements/kb-tip/kb-tip';
import type { KbTip } from '../../src/elements/kb-tip/kb-tip';
import { sectionContent, shorten } from '../../src/elements/kb-tip/section-text';
import type { KbArticleOpenEvent } from '../../src/elements/shared/events';
import { bundleUrl, makeBundle } from './support/bundles';
import { axNames, axNode, emulateForcedColors, paintedPixels, type AxNode } from './support/ax';
import { waitFor } from './support/frame';

const bundle = makeBundle({
  title: 'Skyhost help',
  categories: [{ id: 'email', title: 'Email' }],
  articles: [
    {
      id: 'archive-storage',
      title: 'How long the archive keeps mail',
      category: 'email',
      context: ['settings.archive', '/settings/archive'],
      intro: 'The archive stores every message for the retention period you choose.',
      sections: [
        { heading: 'Retention period', text: 'Choose between one and ten years of retention.' },
        { heading: 'Storage limits', text: 'Archive storage is unlimited on business plans.' },
      ],
    },
    {
      id: 'spam-filter-threshold',
      title: 'Set the spam filter threshold',
      category: 'email',
      context: ['settings.spam-filter'],
      intro: 'The threshold decides how strict the spam filter is.',
    },
  ],
});
const kb = KnowledgeBase.from(bundle);

const popover = (el: KbTip) => el.shadowRoot!.querySelector<HTMLElement>('.popover')!;
const trigger = (el: KbTip) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.trigger')!;
const readMore = (el: KbTip) => el.shadowRoot!.querySelector<HTMLElement>('.read-more')!;
const isOpen = (el: KbTip) => popover(el).matches(':popover-open');

/** Polls Chromium's accessibility tree until `ready` holds for the node (the tree updates after layout). */
async function waitForAx(get: () => Promise<AxNode | null>, ready: (node: AxNode) => boolean): Promise<AxNode> {
  let node: AxNode | null = null;
  const start = performance.now();
  while (performance.now() - start < 5000) {
    node = await get();
    if (node && ready(node)) return node;
  }
  throw new Error(`accessibility tree never got there: ${JSON.stringify(node)}`);
}

async function tip(template: ReturnType<typeof html>) {
  const el = await fixture<KbTip>(template);
  await el.updateComplete;
  return el;
}

describe('<kb-tip>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('shows a "?" button named after the article, and a popover with title, excerpt and "Learn more"', async () => {
    const el = await tip(html`<kb-tip article="archive-storage" .knowledgeBase=${kb}></kb-tip>`);
    expect(trigger(el).getAttribute('aria-label')).to.equal('More about How long the archive keeps mail');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
    trigger(el).click();
    await el.updateComplete;
    expect(isOpen(el)).to.be.true;
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    const text = popover(el).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('How long the archive keeps mail');
    expect(text).to.contain('The archive stores every message');
    expect(readMore(el).textContent).to.contain('Learn more');
    await expect(el).to.be.accessible();
  });

  it('finds the article by context key', async () => {
    const el = await tip(html`<kb-tip context="settings.spam-filter" .knowledgeBase=${kb}></kb-tip>`);
    el.show();
    await el.updateComplete;
    expect(popover(el).textContent).to.contain('Set the spam filter threshold');
  });

  it('shows a chosen section instead of the excerpt', async () => {
    const el = await tip(html`<kb-tip article="archive-storage" section="storage-limits" .knowledgeBase=${kb}></kb-tip>`);
    el.show();
    await waitFor(() => popover(el).textContent!.includes('unlimited on business plans'), 'section text');
    expect(el.shadowRoot!.querySelector('[part="section"]')!.textContent).to.equal('Storage limits');
    expect(popover(el).textContent).not.to.contain('retention period you choose');
    await expect(el).to.be.accessible();
  });

  it('works by keyboard: Enter opens, Tab reaches "Learn more", Esc closes and returns focus', async () => {
    const el = await tip(html`<kb-tip article="archive-storage" .knowledgeBase=${kb}></kb-tip>`);
    trigger(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(readMore(el));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(trigger(el));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.true;
  });

  it('closes on a click outside and when focus leaves it', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="elsewhere">elsewhere</button>
      <kb-tip article="archive-storage" .knowledgeBase=${kb}></kb-tip>
    </div>`);
    const el = wrapper.querySelector('kb-tip')!;
    await el.updateComplete;
    el.show();
    await el.updateComplete;
    const far = wrapper.querySelector('#elsewhere')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(far.x + 5), Math.round(far.y + 5)] });
    await el.updateComplete;
    expect(el.open).to.be.false;

    trigger(el).click();
    await el.updateComplete;
    readMore(el).focus();
    (wrapper.querySelector('#elsewhere') as HTMLButtonElement).focus();
    await el.updateComplete;
    expect(el.open).to.be.false;
  });

  it('gives the `for` field a real computed description (the help text), and takes it away when gone', async () => {
    const form = await fixture<HTMLElement>(html`<form>
      <label for="retention">Retention</label>
      <select id="retention" aria-describedby="hint"><option>1 year</option></select>
      <span id="hint">Applies to new mail.</span>
      <kb-tip for="retention" context="settings.archive" .knowledgeBase=${kb}></kb-tip>
    </form>`);
    const el = form.querySelector('kb-tip')!;
    await el.updateComplete;
    const field = await waitForAx(
      () => axNode('#retention'),
      (n) => n.description.includes('How long'),
    );
    expect(field.name).to.equal('Retention');
    expect(field.description).to.equal(
      'Applies to new mail. How long the archive keeps mail. The archive stores every message for the retention period you choose.',
    );
    // Nothing of it is read twice: the description is not in the page's reading order.
    const names = (await axNames()).map((n) => n.name);
    expect(names.filter((name) => name.includes('How long the archive keeps mail.'))).to.deep.equal([]);
    await expect(form).to.be.accessible();
    el.remove();
    expect((await axNode('#retention'))!.description).to.equal('Applies to new mail.');
    expect(form.querySelector('#retention')!.getAttribute('aria-describedby')).to.equal('hint');
  });

  it('describes a field inside the same shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div id="tip-host"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<label>Limit <input id="limit"></label><kb-tip for="limit" article="archive-storage"></kb-tip>';
    const el = root.querySelector('kb-tip')!;
    el.knowledgeBase = kb;
    await el.updateComplete;
    const field = await waitForAx(
      () => axNode('#tip-host', '#limit'),
      (n) => !!n.description,
    );
    expect(field.name.trim()).to.equal('Limit');
    expect(field.description).to.contain('How long the archive keeps mail.');
  });

  it('stays on screen at the right edge and flips above the button at the bottom edge', async () => {
    await setViewport({ width: 360, height: 500 });
    const corner = await fixture<HTMLElement>(html`<div class="corner"></div>`);
    const el = document.createElement('kb-tip');
    el.article = 'archive-storage';
    el.knowledgeBase = kb;
    // A real page would place the tip with CSS; the test pins it into each corner in turn.
    corner.append(el);
    for (const [x, y] of [
      ['right', 'top'],
      ['right', 'bottom'],
      ['left', 'bottom'],
    ] as const) {
      el.style.position = 'fixed';
      el.style.inset = 'auto';
      el.style[x] = '2px';
      el.style[y] = '2px';
      el.show();
      await el.updateComplete;
      const box = popover(el).getBoundingClientRect();
      expect(box.left, `${x} ${y}: left`).to.be.at.least(0);
      expect(box.right, `${x} ${y}: right`).to.be.at.most(360);
      expect(box.top, `${x} ${y}: top`).to.be.at.least(0);
      expect(box.bottom, `${x} ${y}: bottom`).to.be.at.most(500);
      const button = trigger(el).getBoundingClientRect();
      if (y === 'bottom') expect(box.bottom).to.be.at.most(button.top);
      else expect(box.top).to.be.at.least(button.bottom);
      el.hide();
      await el.updateComplete;
      el.removeAttribute('style');
    }
  });

  it('"Learn more" fires a cancelable kb-article-open, then opens the article in the named <kb-help>', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kb-tip article="archive-storage" section="retention-period" help="#host-help" .knowledgeBase=${kb}></kb-tip>
      <div id="host-help"></div>
    </div>`);
    const el = page.querySelector('kb-tip')!;
    const hostHelp = page.querySelector('#host-help') as HTMLElement & { open?: (id: string, s?: string) => void };
    const opened: [string, string | undefined][] = [];
    hostHelp.open = (id, section) => opened.push([id, section]);
    const events: KbArticleOpenEvent[] = [];
    page.addEventListener('kb-article-open', (e) => events.push(e));
    await el.updateComplete;

    el.show();
    await el.updateComplete;
    readMore(el).click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ articleId: 'archive-storage', sectionId: 'retention-period' }]);
    expect(opened).to.deep.equal([['archive-storage', 'retention-period']]);
    expect(el.open).to.be.false;
    // Focus waits on "?", where a launcher panel opened by Learn more will return it.
    expect(el.shadowRoot!.activeElement).to.equal(trigger(el));

    const cancel = (e: Event) => e.preventDefault();
    page.addEventListener('kb-article-open', cancel);
    el.show();
    await el.updateComplete;
    readMore(el).click();
    expect(events).to.have.length(2);
    expect(opened).to.have.length(1);
    page.removeEventListener('kb-article-open', cancel);
  });

  it('renders "Learn more" as a real link with article-url', async () => {
    const el = await tip(html`<kb-tip article="archive-storage" article-url="/help/{id}#{section}" .knowledgeBase=${kb}></kb-tip>`);
    el.show();
    await el.updateComplete;
    expect(readMore(el).tagName).to.equal('A');
    expect(readMore(el).getAttribute('href')).to.equal('/help/archive-storage');
  });

  it('loads its bundle from `src`, and says so when the bundle fails, with a retry', async () => {
    const el = await tip(html`<kb-tip article="archive-storage" src=${bundleUrl(bundle)}></kb-tip>`);
    await waitFor(() => trigger(el).getAttribute('aria-label')!.startsWith('More about'), 'loaded');

    const broken = await tip(html`<kb-tip article="archive-storage" src="/no/such/kb.json"></kb-tip>`);
    broken.show();
    await waitFor(() => broken.shadowRoot!.querySelector('[part="retry"]'), 'error with retry');
    expect(popover(broken).textContent).to.contain('Help could not be loaded.');
    await expect(broken).to.be.accessible();
  });

  it('says "not found" for an unknown article, and warns and shows nothing without article or context', async () => {
    const missing = await tip(html`<kb-tip article="no-such-article" .knowledgeBase=${kb}></kb-tip>`);
    missing.show();
    await missing.updateComplete;
    expect(popover(missing).textContent).to.contain('does not exist');

    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const empty = await tip(html`<kb-tip></kb-tip>`);
      expect(empty.shadowRoot!.querySelector('button')).to.equal(null);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0]?.[0])).to.match(/needs `article`.*or `context`/);
  });

  it('closes its popover when its button scrolls out of view, instead of staying pinned', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div class="scroller">
      <p>Setting</p>
      <kb-tip article="archive-storage" .knowledgeBase=${kb}></kb-tip>
      <div class="spacer"></div>
    </div>`);
    const scroller = wrapper;
    scroller.style.height = '200px';
    scroller.style.overflow = 'auto';
    wrapper.querySelector<HTMLElement>('.spacer')!.style.height = '2000px';
    const el = wrapper.querySelector('kb-tip')!;
    await el.updateComplete;
    trigger(el).focus();
    el.show();
    await el.updateComplete;
    expect(isOpen(el)).to.be.true;
    scroller.scrollTop = 40;
    await waitFor(() => popover(el).getBoundingClientRect().top > 0, 'popover follows a small scroll');
    expect(el.open, 'open while its button is in view').to.be.true;
    scroller.scrollTop = 1000;
    await waitFor(() => !el.open, 'popover closed once the button scrolled away');
    expect(isOpen(el)).to.be.false;
  });

  it('keeps the "?" of an open tip visible in forced colors', async () => {
    const el = await tip(html`<kb-tip article="archive-storage" .knowledgeBase=${kb}></kb-tip>`);
    el.style.setProperty('--kb-tip-size', '2.5rem');
    await emulateForcedColors(true);
    try {
      expect(matchMedia('(forced-colors: active)').matches, 'forced colors emulated').to.be.true;
      const mark = trigger(el).querySelector('span')!;
      await sendMouse({ type: 'move', position: [0, 0] });
      for (const open of [false, true]) {
        el.open = open;
        await el.updateComplete;
        // A glyph is visible when most of its box is painted in another colour. Forced colors paint
        // a Canvas-coloured backplate behind text: a Canvas-coloured "?" fills its box with one colour.
        const [r, g, b] = getComputedStyle(mark).color.match(/\d+/g)!.map(Number) as [number, number, number];
        const pixels = await paintedPixels(mark.getBoundingClientRect());
        let glyphColoured = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (Math.abs(pixels[i]! - r) + Math.abs(pixels[i + 1]! - g) + Math.abs(pixels[i + 2]! - b) < 60) glyphColoured++;
        }
        expect(glyphColoured / (pixels.length / 4), `open=${open}: the "?" stands out from what is behind it`).to.be.lessThan(0.6);
      }
    } finally {
      el.open = false;
      await emulateForcedColors(false);
    }
  });

  it('warns in the console, once, naming an unknown article id and the closest ones', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const first = await tip(html`<kb-tip article="archive-storag" .knowledgeBase=${kb}></kb-tip>`);
      first.show();
      await first.updateComplete;
      expect(popover(first).textContent).to.contain('does not exist');
      const second = await tip(html`<kb-tip article="archive-storag" .knowledgeBase=${kb}></kb-tip>`);
      second.show();
      await second.updateComplete;
    } finally {
      console.warn = warn;
    }
    const messages = warnings.map((w) => String(w[0])).filter((m) => m.includes('archive-storag'));
    expect(messages).to.have.length(1);
    expect(messages[0]).to.contain('"archive-storag"');
    expect(messages[0]).to.contain('archive-storage');
  });
});

describe('section content', () => {
  const text = (fragment: DocumentFragment | undefined) => fragment && [...fragment.children].map((c) => c.textContent).join(' | ');

  it('takes the blocks under a heading up to the next heading of the same level, sanitized', () => {
    const body =
      '<p>Intro</p><h2 id="a">A</h2><p>One <img src=x onerror="window.__x=1"></p><table><tr><td>cell</td></tr></table><h3 id="a1">A1</h3><p>Two</p><h2 id="b">B</h2><p>Three</p>';
    expect(text(sectionContent(body, 'a'))).to.equal('One  | cell | A1 | Two');
    expect(sectionContent(body, 'a')!.querySelector('img')!.hasAttribute('onerror')).to.be.false;
    expect(text(sectionContent(body, 'a1'))).to.equal('Two');
    expect(text(sectionContent(body, 'b'))).to.equal('Three');
    expect(sectionContent(body, 'missing')).to.equal(undefined);
  });

  it('shortens at a word boundary', () => {
    expect(shorten('one two three four', 12)).to.equal('one two…');
    expect(shorten('  short  ', 12)).to.equal('short');
  });
});
