/**
 * The XSS suite: hostile markup in every field of a bundle (knowledge-base title, category
 * titles, descriptions and intros, article titles, excerpts, tags, headings, bodies, and the
 * snippets search makes of them), shown by every element in every view. Nothing may run (a
 * global canary stays unset) and no shadow root may hold an `on*` attribute, a script URL,
 * a script, an SVG or MathML element of the content, or a `style` attribute in article content.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { KnowledgeBase } from '../../src/core/index';
import '../../src/elements/kb-article-list/kb-article-list';
import '../../src/elements/kb-article/kb-article';
import type { KbArticle } from '../../src/elements/kb-article/kb-article';
import '../../src/elements/kb-categories/kb-categories';
import '../../src/elements/kb-help/kb-help';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-search/kb-search';
import '../../src/elements/kb-tip/kb-tip';
import { setContextKeys } from '../../src/elements/shared/route-context';
import { KbNavigateEvent } from '../../src/elements/shared/events';
import { hostileBundle, makeBundle, XSS_PAYLOADS, type ArticleSpec } from './support/bundles';
import { allElements, imagesSettled, scriptTraces, settled } from './support/dom';
import { waitFor } from './support/frame';

declare global {
  interface Window {
    __kbXss?: unknown;
  }
}

/** More ways in: other elements, attribute obfuscation, SVG/MathML, mutation XSS, CSS. */
const BODY_PAYLOADS = [
  ...XSS_PAYLOADS,
  '<iframe src="javascript:window.__kbXss=1"></iframe><iframe srcdoc="<script>parent.__kbXss=1</script>"></iframe>',
  '<object data="javascript:window.__kbXss=1"></object><embed src="javascript:window.__kbXss=1">',
  '<form action="javascript:window.__kbXss=1"><button formaction="javascript:window.__kbXss=1">go</button></form>',
  '<a href="  jAvAsCrIpT:window.__kbXss=1">spaced</a><a href="java&#x09;script:window.__kbXss=1">tab</a>',
  '<a href="javascript&colon;window.__kbXss=1">colon entity</a><a href="&#106;avascript:window.__kbXss=1">char ref</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19rYlhzcz0xPC9zY3JpcHQ+">data link</a>',
  '<img src="data:image/svg+xml,<svg onload=window.__kbXss=1>"><img srcset="x 1x, javascript:window.__kbXss=1 2x">',
  '<svg><animate onbegin="window.__kbXss=1" attributeName="x" dur="1s"></animate></svg>',
  '<svg><a xlink:href="javascript:window.__kbXss=1"><text x="20" y="20">svg link</text></a></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=window.__kbXss=1 /></svg>#x"></use></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:window.__kbXss=1">math link</maction></math>',
  '<details open ontoggle="window.__kbXss=1"><summary>s</summary>x</details>',
  '<video><source onerror="window.__kbXss=1"></video><audio src=x onerror="window.__kbXss=1"></audio>',
  '<body onload="window.__kbXss=1"><input autofocus onfocus="window.__kbXss=1"><select autofocus onfocus=window.__kbXss=1></select>',
  '<style>@import "javascript:window.__kbXss=1"; p { color: red }</style><div style="background:url(javascript:window.__kbXss=1)">styled</div>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__kbXss=1"><base href="javascript:window.__kbXss=1//">',
  '<template><img src=x onerror=window.__kbXss=1></template><marquee onstart=window.__kbXss=1>m</marquee>',
  '<svg></p><style><a id="</style><img src=1 onerror=window.__kbXss=1>">',
  '<form><math><mtext></form><form><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=window.__kbXss=1 src=1>">',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=window.__kbXss=1&gt;">',
  '<a href="#kb/&quot;&gt;&lt;img src=x onerror=window.__kbXss=1&gt;">widget link</a>',
  '<h2 id="x&quot;&gt;&lt;img src=x onerror=window.__kbXss=1&gt;">Heading payload</h2><p>Under it.</p>',
  '<a href="x" target="_top" rel="opener" ping="https://evil.test/">target</a><p part="base" slot="x" tabindex="1" class="kb-copy">parts</p>',
  '<pre><code>&lt;script&gt;window.__kbXss=1&lt;/script&gt;</code></pre>',
  '<table><tr><td background="javascript:window.__kbXss=1">cell</td></tr></table>',
];

/** The article whose body, headings and tags hold every payload above. */
const EVERYTHING: ArticleSpec = {
  id: 'everything',
  title: `Payload everything ${XSS_PAYLOADS[1]}`,
  category: 'evil',
  excerpt: `Everything payload ${XSS_PAYLOADS[6]}`,
  tags: [...XSS_PAYLOADS],
  views: 99999,
  related: ['hostile-1', 'hostile-2'],
  intro: `Payload intro ${XSS_PAYLOADS.join(' ')}`,
  sections: [
    { heading: `Heading payload ${XSS_PAYLOADS[0]}`, text: `payload ${XSS_PAYLOADS[2]}`, id: 'h1' },
    { heading: `Heading payload ${XSS_PAYLOADS[3]}`, text: `payload ${XSS_PAYLOADS[4]}`, id: '"><img src=x onerror=window.__kbXss=1>' },
    { heading: `Heading payload ${XSS_PAYLOADS[5]}`, text: `payload ${XSS_PAYLOADS[7]}`, id: 'h3' },
  ],
  html: BODY_PAYLOADS.map((p, i) => `<h3 id="p${i}">Part ${i}</h3>${p}`).join('\n'),
};

/**
 * hostileBundle (a payload in every text field) plus EVERYTHING, indexed together so search
 * titles and snippets come from hostile text too; every article has a context key.
 */
function hostileKb(): KnowledgeBase {
  const base = hostileBundle();
  const bundle = makeBundle({
    title: base.meta.title,
    categories: base.categories.map(({ articleCount: _a, totalCount: _t, ...c }) => c),
    articles: [
      EVERYTHING,
      ...base.articles.map((a) => ({
        ...a,
        context: ['settings.archive'],
        sections: a.headings.map((h) => ({ heading: h.text, text: `payload text ${XSS_PAYLOADS.join(' ')}`, id: h.id })),
        html: base.bodies![a.id]!,
      })),
    ],
  });
  return KnowledgeBase.from(bundle);
}

const kb = hostileKb();

/** Fails with what was found when the canary was touched or a trace is in the DOM. */
async function expectClean(el: Element, where: string) {
  const root = el.shadowRoot!;
  await imagesSettled(root); // image errors, autofocus and animation events have fired, if anything was left
  expect(window.__kbXss, `${where}: a payload ran`).to.equal(undefined);
  expect(scriptTraces(root), where).to.deep.equal([]);
  // Article content must not carry style attributes (a strict CSP would block them). Our own
  // templates may set styles through the CSSOM (styleMap), which CSP allows.
  const styled = allElements(root).filter((node) => node.hasAttribute('style') && node.closest('[part~="body"]'));
  expect(
    styled.map((node) => node.localName),
    `${where}: style attributes in content`,
  ).to.deep.equal([]);
}

describe('XSS suite', () => {
  beforeEach(() => {
    window.__kbXss = undefined;
  });

  it('the hostile knowledge base really carries the payloads (the suite tests something)', async () => {
    const article = await kb.article('everything');
    expect(article!.html).to.contain('onerror=window.__kbXss=1');
    expect(kb.meta.title).to.contain('<script>');
    expect(kb.search('payload').length).to.be.greaterThan(5);
    expect(kb.search('payload')[0]!.snippet).to.match(/<|onerror|javascript/);
  });

  it('<kb-article>: every hostile article, body, headings, related', async () => {
    for (const meta of kb.articles()) {
      const el = await fixture(html`<kb-article .knowledgeBase=${kb} article-id=${meta.id}></kb-article>`);
      await settled(el as never);
      await waitFor(() => el.shadowRoot!.querySelector('h1'), `${meta.id} shown`);
      expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal(meta.title);
      await expectClean(el, `kb-article ${meta.id}`);
    }
  });

  it('<kb-search>: hits with hostile titles, categories and snippets', async () => {
    const el = await fixture(html`<kb-search .knowledgeBase=${kb} storage-key=""></kb-search>`);
    await settled(el as never);
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'payload' });
    await waitFor(() => el.shadowRoot!.querySelectorAll('[role="option"]').length, 'options');
    await expectClean(el, 'kb-search popup');
    (el as unknown as { clear(): void }).clear();
    await sendKeys({ type: 'zzzqqq' });
    await waitFor(() => el.shadowRoot!.querySelector('.empty__title')?.textContent?.includes('zzzqqq'), 'no results');
    await expectClean(el, 'kb-search no results');
  });

  it('<kb-categories> and <kb-article-list>: hostile names, descriptions, intros, excerpts', async () => {
    const categories = await fixture(html`<kb-categories .knowledgeBase=${kb}></kb-categories>`);
    await settled(categories as never);
    await expectClean(categories, 'kb-categories');
    for (const id of ['evil', 'nested-evil']) {
      (categories as unknown as { selected: string }).selected = id;
      await settled(categories as never);
      await expectClean(categories, `kb-categories selected ${id}`);
    }
    for (const category of [undefined, 'evil', 'nested-evil']) {
      const list = await fixture(html`<kb-article-list .knowledgeBase=${kb} category=${category ?? ''} sortable></kb-article-list>`);
      await settled(list as never);
      await expectClean(list, `kb-article-list ${category ?? 'popular'}`);
    }
  });

  it('<kb-help>: home, suggested, categories, search results and every article', async () => {
    setContextKeys('settings.archive');
    const el = await fixture<KbHelp>(html`<kb-help .knowledgeBase=${kb}></kb-help>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('#suggested')).to.exist;
    await expectClean(el, 'kb-help home');
    setContextKeys(null);
    el.search('payload');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="hit"]').length).to.be.greaterThan(5);
    await expectClean(el, 'kb-help search results');
    for (const id of ['evil', 'nested-evil']) {
      // The user picks the category (an element inside asks to go there).
      el.shadowRoot!.querySelector('kb-search')!.dispatchEvent(new KbNavigateEvent('category', id));
      await el.updateComplete;
      await settled(el.shadowRoot!.querySelector('kb-categories') as never);
      await expectClean(el, `kb-help category ${id}`);
    }
    for (const meta of kb.articles()) {
      el.open(meta.id);
      await el.updateComplete;
      const article = el.shadowRoot!.querySelector('kb-article')!;
      await waitFor(() => article.shadowRoot!.querySelector('h1')?.textContent === meta.title, `${meta.id} in kb-help`);
      await expectClean(el, `kb-help article ${meta.id}`);
    }
  });

  it('<kb-tip>: hostile title, excerpt and section text in the popover', async () => {
    for (const [article, section] of [
      ['everything', ''],
      ['everything', 'h1'],
      ['hostile-3', 's3'],
    ] as const) {
      const el = await fixture<LitElement & { show(): void }>(
        html`<kb-tip .knowledgeBase=${kb} article=${article} section=${section}></kb-tip>`,
      );
      await settled(el);
      el.show();
      await el.updateComplete;
      await waitFor(() => el.shadowRoot!.textContent!.includes('payload'), 'tip content shown');
      await expectClean(el, `kb-tip ${article} ${section}`);
    }
  });

  it('<kb-help routing="hash">: hostile deep links (article id, category, query) stay text', async () => {
    const hashes = [
      `#kb/${encodeURIComponent(XSS_PAYLOADS[1])}`,
      `#kb/everything/${encodeURIComponent(XSS_PAYLOADS[4])}`,
      `#kb?category=${encodeURIComponent(XSS_PAYLOADS[2])}`,
      `#kb?q=${encodeURIComponent(XSS_PAYLOADS[6])}`,
      `#kb?q=${encodeURIComponent('payload ' + XSS_PAYLOADS[7])}`,
    ];
    try {
      for (const hash of hashes) {
        history.replaceState(null, '', hash);
        const el = await fixture<KbHelp>(html`<kb-help .knowledgeBase=${kb} routing="hash"></kb-help>`);
        await settled(el);
        const article = el.shadowRoot!.querySelector('kb-article');
        if (article) await waitFor(() => article.shadowRoot!.querySelector('h1, .kb-state--empty'), `${hash} shown`);
        await expectClean(el, `deep link ${hash}`);
      }
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('following hostile widget links and anchors neither runs code nor leaves the page', async () => {
    const el = await fixture<KbArticle>(html`<kb-article .knowledgeBase=${kb} article-id="everything"></kb-article>`);
    await settled(el as never);
    await waitFor(() => el.shadowRoot!.querySelector('h1'), 'shown');
    for (const link of el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.body a:not([target])')) {
      const href = link.getAttribute('href') ?? '';
      if (!href.startsWith('#')) continue; // a real page link would unload the test page
      link.click();
      await el.updateComplete;
    }
    await expectClean(el, 'after clicks');
  });
});
