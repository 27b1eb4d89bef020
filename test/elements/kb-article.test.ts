import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { KbError, KnowledgeBase } from '../../src/core/index';
import '../../src/elements/kb-article/kb-article';
import '../../src/elements/locales/de';
import '../../src/elements/locales/nl';
import './support/arabic';
import type { KbArticle } from '../../src/elements/kb-article/kb-article';
import type { KbArticleOpenEvent, KbArticleViewEvent, KbFeedbackEvent, KbNavigateEvent } from '../../src/elements/shared/events';
import { bundleUrl, makeBundle, smallBundle } from './support/bundles';
import { $, $$, deepActiveElement, describeNode, quiet, record, scriptTraces, settled } from './support/dom';
import { axNames, axNode } from './support/ax';
import { waitFor } from './support/frame';
import { expectFollowsSystemScheme, forcedColorRules } from './support/styles';

const WIDE_ROW = Array.from({ length: 14 }, (_, i) => `<td>column-${i}-with-long-content</td>`).join('');
const LONG_TEXT = 'Filler text that makes the article long enough to scroll. '.repeat(40);

function richBundle() {
  return makeBundle({
    title: 'Rich help',
    categories: [
      { id: 'email', title: 'Email filtering', order: 1 },
      { id: 'spam', title: 'Spam filter', parent: 'email', order: 1 },
    ],
    articles: [
      {
        id: 'rich',
        title: 'A rich article',
        category: 'spam',
        updated: '2026-03-01',
        related: ['plain'],
        sections: [
          { heading: 'Setup', text: LONG_TEXT },
          { heading: 'Code', text: LONG_TEXT },
          { heading: 'Tables', text: LONG_TEXT },
          { heading: 'Far away', text: 'The end.' },
        ],
        html: `<p>Intro with <a href="../other/plain.md#step-two">a link to plain</a>, <a href="https://example.org/docs">an external site</a>,
          <a href="javascript:window.__kbArticleXss=1">bad</a>, <a href="data:text/html,x">bad data</a> and <a href="#far-away">a jump</a>.</p>
          <p><img src="assets/diagram.png" alt="Diagram"></p>
          <h2 id="setup">Setup</h2><p>${LONG_TEXT}</p>
          <h2 id="code">Code</h2><pre><code class="language-sh">dig +short MX example.com
  indented   line</code></pre><p>${LONG_TEXT}</p>
          <h2 id="tables">Tables</h2><table><thead><tr><th>A</th></tr></thead><tbody><tr>${WIDE_ROW}</tr></tbody></table><p>${LONG_TEXT}</p>
          <h2 id="far-away">Far away</h2><p>The end.</p>`,
      },
      {
        id: 'plain',
        title: 'A plain article',
        category: 'email',
        sections: [
          { heading: 'Step one', text: 'First.' },
          { heading: 'Step two', text: 'Second.' },
        ],
        html: '<p>Plain body.</p><h2 id="step-one">Step one</h2><p>First.</p><h2 id="step-two">Step two</h2><p>Second.</p><p><a href="missing-article.md">Broken link</a></p>',
      },
    ],
  });
}

const richData = richBundle();
richData.meta.baseUrl = 'http://kb.test/help/';
const rich = KnowledgeBase.from(richData);

async function show(id: string, extra = '', kb: KnowledgeBase = rich) {
  const el = await fixture<KbArticle>(html`<kb-article .knowledgeBase=${kb} article-id=${id} section-id=${extra}></kb-article>`);
  await settled(el);
  await waitFor(() => $(el, 'h1') ?? $(el, '.kb-state--empty'), 'article shown');
  return el;
}

const link = (el: KbArticle, text: string) => $$<HTMLAnchorElement>(el, 'a').find((a) => a.textContent!.includes(text))!;
const focused = (el: KbArticle) => el.shadowRoot!.activeElement;
/** The element's polite live regions (a status role or aria-live="polite"). */
const politeRegions = (el: Element) => $$(el, '[role="status"], [aria-live="polite"]');

describe('<kb-article>', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows breadcrumb, title, date and the sanitized body, and is accessible', async () => {
    const el = await show('rich');
    expect($$(el, '[part="breadcrumb"] a').map((a) => a.textContent!.trim())).to.deep.equal([
      'Help home',
      'Email filtering',
      'Spam filter',
    ]);
    expect($(el, '[part="title"]').textContent).to.equal('A rich article');
    expect($(el, 'time').getAttribute('datetime')).to.equal('2026-03-01');
    expect($(el, '[part="meta"]').textContent).to.contain('Updated Mar 1, 2026');
    expect(scriptTraces(el.shadowRoot!)).to.deep.equal([]);
    expect(link(el, 'bad').hasAttribute('href')).to.equal(false);
    expect(link(el, 'bad data').hasAttribute('href')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('lists the headings of a long article in a table of contents that moves focus there, by keyboard', async () => {
    const el = await show('rich');
    const toc = $$<HTMLAnchorElement>(el, '[part="toc"] a');
    expect(toc.map((a) => a.textContent!.trim())).to.deep.equal(['Setup', 'Code', 'Tables', 'Far away']);
    toc[3]!.focus();
    await sendKeys({ press: 'Enter' });
    const heading = $(el, '#far-away');
    expect(focused(el)).to.equal(heading);
    const box = heading.getBoundingClientRect();
    expect(box.top).to.be.within(-1, window.innerHeight);
    // the entry of the section being read is marked as the current location, following scrolling
    $(el, '#code').scrollIntoView();
    await waitFor(() => toc[1]!.getAttribute('aria-current') === 'location', 'current section marked');
    expect(toc.filter((a) => a.hasAttribute('aria-current'))).to.have.length(1);
    $(el, '#setup').scrollIntoView();
    await waitFor(() => toc[0]!.getAttribute('aria-current') === 'location', 'marker follows scrolling');
    const short = await show('plain');
    expect($(short, '[part="toc"]')).to.equal(null);
  });

  it('gives headings anchors and follows in-article links inside the shadow root', async () => {
    const el = await show('rich');
    const anchor = $<HTMLAnchorElement>(el, '#setup + .kb-anchor');
    expect(anchor.getAttribute('href')).to.equal('#setup');
    const node = await axNode('kb-article', '#setup + .kb-anchor');
    expect(node).to.include({ role: 'link', name: 'Link to this section', description: 'Setup' });
    link(el, 'a jump').click();
    expect(focused(el)).to.equal($(el, '#far-away'));
  });

  it('scrolls to the section it was opened at', async () => {
    const el = await show('rich', 'far-away');
    await waitFor(() => $(el, '#far-away').getBoundingClientRect().top < window.innerHeight, 'section in view');
    expect($(el, '#far-away').getBoundingClientRect().top).to.be.within(-1, window.innerHeight);
  });

  it('opens article links inside the element after a cancelable kb-article-open, then kb-article-view', async () => {
    const el = await show('rich');
    const opens = record<KbArticleOpenEvent>(el, 'kb-article-open');
    const views = record<KbArticleViewEvent>(el, 'kb-article-view');
    const toPlain = link(el, 'a link to plain');
    expect(toPlain.getAttribute('href')).to.equal('#kb/plain/step-two');
    toPlain.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $(el, 'h1')?.textContent === 'A plain article', 'plain shown');
    await waitFor(() => views.length, 'kb-article-view');
    expect(opens.map((e) => e.detail)).to.deep.equal([{ articleId: 'plain', sectionId: 'step-two' }]);
    expect(views.map((e) => e.articleId)).to.deep.equal(['plain']);
    expect(el.articleId).to.equal('plain');
    expect(focused(el)).to.equal($(el, '#step-two'));
  });

  it('leaves the navigation to the host when it cancels kb-article-open', async () => {
    const el = await show('rich');
    el.addEventListener('kb-article-open', (e) => e.preventDefault());
    const views = record(el, 'kb-article-view');
    link(el, 'a link to plain').click();
    await quiet();
    expect(el.articleId).to.equal('rich');
    expect(views).to.have.length(0);
  });

  it('fires no kb-article-view when the host sets article-id', async () => {
    const el = await show('rich');
    const views = record(el, 'kb-article-view');
    el.articleId = 'plain';
    await settled(el);
    await waitFor(() => $(el, 'h1')?.textContent === 'A plain article', 'plain shown');
    expect(views).to.have.length(0);
  });

  it('opens external links in a new tab without opener or referrer, and says so', async () => {
    const el = await show('rich');
    const external = link(el, 'an external site');
    expect(external.target).to.equal('_blank');
    expect(external.rel).to.equal('noopener noreferrer');
    expect(external.querySelector('.visually-hidden')!.textContent).to.equal(' (opens in a new tab)');
  });

  it('keeps code formatting and copies it with a keyboard-operable button that announces "Copied"', async () => {
    const el = await show('rich');
    const copied: string[] = [];
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    try {
      const button = $<HTMLButtonElement>(el, '.kb-copy');
      expect(button.textContent).to.equal('Copy');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => copied.length, 'copied');
      expect(copied[0]).to.equal('dig +short MX example.com\n  indented   line');
      expect(getComputedStyle($(el, 'pre')).whiteSpace).to.equal('pre');
      await waitFor(() => $(el, '.kb-live').textContent === 'Copied', 'announced');
      expect(button.textContent).to.equal('Copied');
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('scrolls wide tables inside the article, focusable for the keyboard', async () => {
    const el = await show('rich');
    el.style.width = '320px';
    await waitFor(() => $(el, '.kb-table').tabIndex === 0, 'table box focusable');
    const box = $(el, '.kb-table');
    expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
  });

  it('shows content tabs and footnotes as the build writes them, with working footnote links', async () => {
    const kb = KnowledgeBase.from(
      makeBundle({
        categories: [{ id: 'c', title: 'C' }],
        articles: [
          {
            id: 'tabbed',
            title: 'Tabbed',
            category: 'c',
            html: `<p>Install it<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>.</p>
              <div class="tabs"><div class="tab" id="docker"><p class="tab-label">Docker</p><p>docker run</p></div>
              <div class="tab" id="podman"><p class="tab-label">Podman</p><p>podman run</p></div></div>
              <section class="footnotes"><ol><li id="fn-1">A note. <a href="#fnref-1" class="footnote-backref">↩</a></li></ol></section>`,
          },
        ],
      }),
    );
    const el = await show('tabbed', '', kb);
    const label = $(el, '.tab-label');
    expect(getComputedStyle(label).fontWeight).to.equal('600');
    expect(getComputedStyle($(el, '.tabs')).borderTopStyle).to.equal('solid');
    expect(getComputedStyle($(el, '.footnotes')).borderTopStyle).to.equal('solid');
    $<HTMLAnchorElement>(el, '.footnote-ref a').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => el.shadowRoot!.activeElement?.id === 'fn-1' || el.shadowRoot!.activeElement?.closest?.('#fn-1'),
      'focus at the footnote',
    );
    await expect(el).to.be.accessible();
  });

  it('loads images lazily, resolved against the bundle URL', async () => {
    const el = await show('rich');
    const img = $<HTMLImageElement>(el, '.body img');
    expect(img.loading).to.equal('lazy');
    expect(img.getAttribute('src')).to.equal('http://kb.test/help/assets/diagram.png');
  });

  it('asks "Was this article helpful?": Yes fires kb-feedback at once', async () => {
    const el = await show('rich');
    const feedback = record<KbFeedbackEvent>(el, 'kb-feedback');
    const yes = $$<HTMLButtonElement>(el, '[part="feedback"] button')[0]!;
    yes.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(feedback.map((e) => e.detail)).to.deep.equal([{ articleId: 'rich', helpful: true }]);
    expect($(el, '[part="feedback"]').textContent).to.contain('Thank you');
  });

  it('after No asks for an optional reason and sends it with kb-feedback', async () => {
    const el = await show('rich');
    const feedback = record<KbFeedbackEvent>(el, 'kb-feedback');
    $$<HTMLButtonElement>(el, '[part="feedback"] button')[1]!.click();
    await el.updateComplete;
    await waitFor(() => focused(el)?.localName === 'textarea', 'reason field focused');
    expect(feedback).to.have.length(0);
    await sendKeys({ type: 'The DKIM step is missing' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(feedback.map((e) => e.detail)).to.deep.equal([{ articleId: 'rich', helpful: false, reason: 'The DKIM step is missing' }]);
    await expect(el).to.be.accessible();
  });

  it('after Yes, and after No then Send, focus stays in the feedback box and the thanks is announced', async () => {
    for (const answer of ['yes', 'no'] as const) {
      sessionStorage.clear();
      const el = await show('rich');
      const live = politeRegions(el);
      expect(live, 'one polite live region').to.have.length(1);
      const [yes, no] = $$<HTMLButtonElement>(el, '[part="feedback"] button');
      if (answer === 'yes') {
        yes!.focus();
        await sendKeys({ press: 'Enter' });
      } else {
        no!.focus();
        await sendKeys({ press: 'Enter' });
        await waitFor(() => focused(el)?.localName === 'textarea', 'reason field focused');
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Enter' });
      }
      await el.updateComplete;
      const feedback = $(el, '[part="feedback"]');
      await waitFor(
        () => feedback.contains(focused(el)),
        `${answer}: focus in the feedback box, not on the page (${describeNode(deepActiveElement())})`,
      );
      expect(focused(el)!.textContent).to.contain('Thank you for your feedback.');
      await waitFor(
        () => live[0]!.textContent!.includes('Thank you for your feedback.'),
        `${answer}: thanks announced by the live region that was there`,
      );
      expect(politeRegions(el)).to.have.length(1);
    }
  });

  it('asks once per article and session: an answered article thanks instead', async () => {
    const el = await show('rich');
    $$<HTMLButtonElement>(el, '[part="feedback"] button')[0]!.click();
    await el.updateComplete;
    const again = await show('rich');
    expect($(again, '[part="feedback"]').textContent).to.contain('Thank you');
    const other = await show('plain');
    expect($(other, '[part="feedback"]').textContent).to.contain('Was this article helpful?');
  });

  it('counts a No whose reason was never sent once the user moves on', async () => {
    const el = await show('rich');
    const feedback = record<KbFeedbackEvent>(el, 'kb-feedback');
    $$<HTMLButtonElement>(el, '[part="feedback"] button')[1]!.click();
    await el.updateComplete;
    el.articleId = 'plain';
    await settled(el);
    expect(feedback.map((e) => e.detail)).to.deep.equal([{ articleId: 'rich', helpful: false }]);
  });

  it('lists related articles and opens them', async () => {
    const el = await show('rich');
    const related = $$<HTMLAnchorElement>(el, '[part="related"] a');
    expect(related.map((a) => a.textContent!.trim())).to.contain('A plain article');
    related.find((a) => a.textContent!.includes('A plain article'))!.click();
    await waitFor(() => $(el, 'h1')?.textContent === 'A plain article', 'related opened');
    expect(focused(el)).to.equal($(el, 'h1'));
  });

  it('says "not found" for a missing article, with a way back', async () => {
    const el = await show('plain');
    const broken = link(el, 'Broken link');
    expect(broken.dataset.kbArticle).to.equal('missing-article');
    broken.click();
    await waitFor(() => $(el, '.kb-state--empty'), 'not found');
    expect($(el, '[part="state"]').textContent).to.contain('This article does not exist or was removed.');
    const back = $$<HTMLButtonElement>(el, '.kb-state--empty button')[0]!;
    expect(back.textContent).to.equal('Back');
    await expect(el).to.be.accessible();
    back.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $(el, 'h1')?.textContent === 'A plain article', 'back at plain');
  });

  it('offers "Help home" (kb-navigate) when the article id the host set does not exist', async () => {
    const missing = await show('no-such-article');
    expect($(missing, '[part="state"]').textContent).to.contain('This article does not exist or was removed.');
    expect($$(missing, '.kb-state--empty button')).to.have.length(0);
    const navigations = record<KbNavigateEvent>(missing, 'kb-navigate');
    link(missing, 'Help home').focus();
    await sendKeys({ press: 'Enter' });
    expect(navigations.map((e) => e.detail)).to.deep.equal([{ view: 'home' }]);
    await expect(missing).to.be.accessible();
  });

  it('shows loading, then a clear error with retry for a bundle that cannot be read', async () => {
    const el = await fixture<KbArticle>(html`<kb-article src=${bundleUrl('{ not json')} article-id="rich"></kb-article>`);
    await waitFor(() => $(el, '.kb-state--error'), 'error state');
    expect($(el, '[part="retry"]').textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
  });

  it('shows an error with retry when an article body cannot be fetched, and recovers', async () => {
    let fail = true;
    const kb = KnowledgeBase.from(
      makeBundle({ categories: [{ id: 'c', title: 'C' }], articles: [{ id: 'a', title: 'Split', category: 'c', intro: 'Body text.' }] }),
      {
        loadBody: async () => {
          if (fail) throw new Error('offline');
          return '<p>Fetched body.</p>';
        },
      },
    );
    // force the split path: no inline body
    (kb as unknown as { article: KnowledgeBase['article'] }).article = async (id: string) => {
      if (fail) throw Object.assign(new Error('offline'), { kind: 'network' });
      return { ...kb.articleMeta(id)!, html: '<p>Fetched body.</p>' };
    };
    const el = await fixture<KbArticle>(html`<kb-article .knowledgeBase=${kb} article-id="a"></kb-article>`);
    await waitFor(() => $(el, '.kb-state--error'), 'error state');
    expect($(el, '.kb-state--error').textContent).to.contain('Check your connection');
    fail = false;
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await waitFor(() => $(el, '.body')?.textContent?.includes('Fetched body.'), 'recovered');
  });

  it('a body that fails says the article could not be loaded (not the whole help), with why, in the UI language', async () => {
    const failures: [KbError, string][] = [
      [new KbError('timeout', 'timed out'), 'The server took too long to answer.'],
      [new KbError('network', 'offline'), 'Check your connection and try again.'],
      [new KbError('http', 'HTTP 503', { status: 503 }), 'The server answered with error 503.'],
      [new KbError('format', 'refused'), 'The help content is damaged or was made for another version.'],
    ];
    for (const [error, detail] of failures) {
      const kb = KnowledgeBase.from(
        makeBundle({ categories: [{ id: 'c', title: 'C' }], articles: [{ id: 'a', title: 'Split', category: 'c', intro: 'Body.' }] }),
      );
      (kb as unknown as { article: KnowledgeBase['article'] }).article = () => Promise.reject(error);
      const box = await fixture<HTMLDivElement>(html`<div><kb-article .knowledgeBase=${kb} article-id="a"></kb-article></div>`);
      const el = box.querySelector('kb-article')!;
      const state = await waitFor(() => $(el, '.kb-state--error'), `error state (${error.kind})`);
      expect($(el, '.kb-state__title').textContent, error.kind).to.equal('This article could not be loaded.');
      expect($(el, '.kb-state__detail').textContent, error.kind).to.equal(detail);
      expect(state.getAttribute('role')).to.equal('alert');
      for (const [lang, title] of [
        ['de', 'Dieser Artikel konnte nicht geladen werden.'],
        ['nl', 'Dit artikel kon niet worden geladen.'],
      ]) {
        box.setAttribute('lang', lang);
        await waitFor(() => $(el, '.kb-state__title')?.textContent === title, `${lang} title`);
      }
    }
    // A bundle that cannot be loaded at all is still "help" that failed.
    const whole = await fixture<KbArticle>(html`<kb-article src=${bundleUrl('{ not json')} article-id="a"></kb-article>`);
    await waitFor(() => $(whole, '.kb-state--error'), 'bundle error state');
    expect($(whole, '.kb-state__title').textContent).to.equal('Help could not be loaded.');
  });

  it('themes: dark, custom properties, parts, strings and language', async () => {
    const el = await show('rich');
    const lightBg = getComputedStyle(el).backgroundColor;
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(getComputedStyle(el).backgroundColor).to.not.equal(lightBg);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 27, 34)');
    el.style.setProperty('--kb-accent', 'rgb(200, 0, 100)');
    expect(getComputedStyle(link(el, 'a link to plain')).color).to.equal('rgb(200, 0, 100)');
    el.style.removeProperty('--kb-accent');
    el.strings = { helpfulQuestion: 'Did this help?' };
    await el.updateComplete;
    expect($(el, '[part="feedback"]').textContent).to.contain('Did this help?');
    el.strings = undefined;
    el.setAttribute('lang', 'de');
    await el.updateComplete;
    await waitFor(() => $(el, '[part="feedback"]').textContent!.includes('War dieser Artikel hilfreich?'), 'German');
    expect($(el, '.kb-copy').textContent).to.equal('Kopieren');
    await expect(el).to.be.accessible();
  });

  it('follows the system with theme="auto", and keeps everything visible in forced colors', async () => {
    const el = await fixture<KbArticle>(html`<kb-article theme="auto" .knowledgeBase=${rich} article-id="rich"></kb-article>`);
    await settled(el);
    await waitFor(() => $(el, 'h1'), 'shown');
    await expectFollowsSystemScheme(el);
    const forced = forcedColorRules(el);
    expect(forced).to.contain('.kb-anchor');
    expect(forced).to.match(/\.feedback[^}]*canvastext/i);
    expect(forced).to.contain('LinkText');
  });

  it('shows a live "Loading help…" while an article body is on its way', async () => {
    let release!: () => void;
    const kb = KnowledgeBase.from(richData);
    const slow = kb.article.bind(kb);
    kb.article = (id: string) => new Promise((resolve) => (release = () => resolve(slow(id))));
    const el = await fixture<KbArticle>(html`<kb-article .knowledgeBase=${kb} article-id="plain"></kb-article>`);
    const loading = $(el, '.kb-state--loading');
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.textContent).to.contain('Loading help…');
    await expect(el).to.be.accessible();
    release();
    await waitFor(() => $(el, 'h1'), 'loaded');
  });

  it('hide-feedback, hide-related and toc-min-headings shape the page', async () => {
    const el = await fixture<KbArticle>(
      html`<kb-article .knowledgeBase=${rich} article-id="plain" hide-feedback hide-related toc-min-headings="2"></kb-article>`,
    );
    await settled(el);
    await waitFor(() => $(el, 'h1'), 'shown');
    expect($(el, '[part="feedback"]')).to.equal(null);
    expect($(el, '[part="related"]')).to.equal(null);
    expect($$(el, '[part="toc"] a').map((a) => a.textContent!.trim())).to.deep.equal(['Step one', 'Step two']);
  });

  it('marks the content with its own language, apart from the interface', async () => {
    const el = await fixture<HTMLDivElement>(
      html`<div lang="de"><kb-article .knowledgeBase=${rich} article-id="plain"></kb-article></div>`,
    );
    const article = el.querySelector('kb-article')!;
    await settled(article);
    await waitFor(() => $(article, 'h1'), 'shown');
    expect($(article, 'h1').lang).to.equal('en');
    expect($(article, '.body').lang).to.equal('en');
    expect($(article, '[part="feedback"]').textContent).to.contain('War dieser Artikel hilfreich?');
  });

  it('styles through ::part from the page', async () => {
    const style = document.createElement('style');
    style.textContent = 'kb-article::part(title) { color: rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const el = await show('rich');
      expect(getComputedStyle($(el, '[part="title"]')).color).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });

  it('lays out right to left in a right-to-left language', async () => {
    const el = await fixture<KbArticle>(
      html`<div dir="rtl" lang="ar"><kb-article .knowledgeBase=${rich} article-id="rich"></kb-article></div>`,
    );
    const article = el.querySelector('kb-article')!;
    await settled(article);
    await waitFor(() => $(article, 'h1'), 'shown');
    const [first, second] = $$(article, '[part="breadcrumb"] li');
    expect(first!.getBoundingClientRect().left).to.be.greaterThan(second!.getBoundingClientRect().left);
    // code stays left to right, with its copy button at its end
    expect(getComputedStyle($(article, 'pre')).direction).to.equal('ltr');
    const copy = $(article, '.kb-copy').getBoundingClientRect();
    const pre = $(article, 'pre').getBoundingClientRect();
    expect(pre.right - copy.right).to.be.lessThan(copy.left - pre.left);
  });

  it('reads each heading once: its name is its text, the section link is named apart', async () => {
    const el = await show('rich');
    const heading = await axNode('kb-article', '#setup');
    expect(heading).to.include({ role: 'heading', name: 'Setup' });
    const names = (await axNames()).filter((n) => n.name.includes('Setup'));
    expect(
      names.filter((n) => n.name !== 'Setup'),
      'nothing else named after the heading',
    ).to.deep.equal([]);
    expect(names.filter((n) => n.role === 'heading')).to.have.length(1);
    expect($(el, '#setup').textContent).to.equal('Setup');
  });

  it('warns in the console, once, naming an unknown article id and the closest ones', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await show('rcih');
      expect($(el, '[part="state"]').textContent).to.contain('does not exist');
      el.articleId = 'plain';
      await settled(el);
      el.articleId = 'rcih';
      await settled(el);
    } finally {
      console.warn = warn;
    }
    const messages = warnings.map((w) => String(w[0])).filter((m) => m.includes('rcih'));
    expect(messages).to.have.length(1);
    expect(messages[0]).to.match(/"rcih".*"rich"/);
  });

  it('works with the small test bundle end to end (no toc, related from front matter)', async () => {
    const el = await show('getting-started', '', KnowledgeBase.from(smallBundle()));
    expect($(el, 'h1').textContent).to.equal('Getting started with Skyhost');
    expect($(el, '[part="toc"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
