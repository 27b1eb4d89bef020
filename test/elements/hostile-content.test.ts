/**
 * Hostile bundles and hostile host pages (issue 10, the runtime side), in a real browser: what
 * the elements request (only the bundle's folder, no cookies unless asked, redirects followed
 * to the right folder), what they say when a part fails, content values that are names of
 * Object.prototype or hold lone surrogates, article HTML that names the elements' own ids and
 * classes, and a page whose markup clobbers our global. Every test also listens on `window` for
 * `error` and `unhandledrejection`: nothing may reach them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { bodyFilePath, KnowledgeBase, type KbBundle } from '../../src/core/index';
import '../../src/index';
import type { KbArticle } from '../../src/elements/kb-article/kb-article';
import type { KbCategories } from '../../src/elements/kb-categories/kb-categories';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import type { KbLauncher } from '../../src/elements/kb-launcher/kb-launcher';
import type { KbTip } from '../../src/elements/kb-tip/kb-tip';
import { clearSharedLoads } from '../../src/elements/shared/kb-source';
import { makeBundle, type ArticleSpec } from './support/bundles';
import { $, $$ } from './support/dom';
import { loadFrame, waitFor as waitUntil } from './support/frame';
import { pageErrorsDuring } from './support/page-errors';

/** This run's folder on the test server (test/elements/support/test-routes.mjs). */
const RUN = `r${Math.random().toString(36).slice(2, 10)}`;
const folder = (name: string) => `/kb-test/${RUN}/${name}/`;

async function put(path: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(path, { method: 'PUT', body, headers: { 'content-type': 'text/html', ...headers } });
  if (response.status !== 204) throw new Error(`PUT ${path}: ${response.status}`);
}

/** What the server saw of this run: request paths, and whether each carried a cookie. */
async function serverLog(): Promise<{ path: string; cookie: boolean }[]> {
  return (await fetch(`/kb-test-log/${RUN}`)).json();
}

/** The server's log once it holds a request for `path` (an image is requested when the browser gets to it). */
async function serverLogWith(path: string): Promise<{ path: string; cookie: boolean }[]> {
  let log = await serverLog();
  for (const start = performance.now(); !log.some((r) => r.path === path); log = await serverLog()) {
    if (performance.now() - start > 10_000) throw new Error(`timed out: waiting for a request for ${path}`);
  }
  return log;
}

const ARTICLES: ArticleSpec[] = [
  {
    id: 'one',
    title: 'Release quarantined mail',
    category: 'mail',
    intro: 'Open the quarantine.',
    html: '<p>Open the quarantine.</p><p><img src="assets/pic.png" alt="The quarantine list"></p>',
  },
  { id: 'two', title: 'Spam threshold', category: 'mail', intro: 'Lower catches more.' },
];

/** A bundle with split bodies, and its files by path inside its folder. */
function splitBundle(articles = ARTICLES, meta: Partial<KbBundle['meta']> = {}): { bundle: KbBundle; files: Record<string, string> } {
  const bundle = makeBundle({ categories: [{ id: 'mail', title: 'Mail' }], articles });
  const files: Record<string, string> = {};
  bundle.bodyFiles = {};
  for (const [id, body] of Object.entries(bundle.bodies!)) {
    bundle.bodyFiles[id] = bodyFilePath(id);
    files[bodyFilePath(id)] = body;
  }
  delete bundle.bodies;
  Object.assign(bundle.meta, meta);
  return { bundle, files };
}

/** Puts a bundle and its files (unless `only` says otherwise) under `at`; returns the bundle URL. */
async function publish(at: string, bundle: KbBundle, files: Record<string, string> = {}): Promise<string> {
  await put(`${at}kb.json`, JSON.stringify(bundle), { 'content-type': 'application/json' });
  for (const [path, body] of Object.entries(files)) await put(`${at}${path}`, body);
  return `${at}kb.json`;
}

/** Waits for a condition with a deadline generous enough for a busy machine. */
const waitFor = <T>(check: () => T, message: string, timeout = 10_000) => waitUntil(check, message, timeout);

const errorBox = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('.kb-state--error');
const bodyOf = (el: KbArticle) => $(el, '[part~="body"]');

async function noPageErrors(body: () => Promise<void>): Promise<void> {
  const errors = await pageErrorsDuring(body);
  expect(errors.map(String), 'reached window.onerror / unhandledrejection').to.deep.equal([]);
}

before(() => {
  // A cookie the bundle's folder would get with every request that sends cookies.
  document.cookie = `kbTestSecret=1; path=/kb-test/${RUN}/`;
});

afterEach(() => clearSharedLoads());

describe('hostile content: what the elements fetch', function () {
  this.timeout(60_000);
  it('fetches a bundle and its parts without cookies, only inside its folder; a body path outside is refused before any request', async () => {
    await noPageErrors(async () => {
      const { bundle, files } = splitBundle();
      const help = await publish(folder('help'), bundle, { ...files, 'assets/pic.png': 'not really a png' });
      const el = await fixture<KbHelp>(html`<kb-help src=${help}></kb-help>`);
      await waitFor(() => el.shadowRoot?.querySelector('kb-categories'), 'help center');
      el.open('one');
      const article = await waitFor(() => el.shadowRoot!.querySelector<KbArticle>('kb-article'), 'article');
      await waitFor(() => bodyOf(article)?.textContent?.includes('Open the quarantine.'), 'body shown');

      // A bundle whose body file climbs out of its folder, to a file that exists there.
      const evil = splitBundle();
      evil.bundle.bodyFiles!.one = '../secret/one.html';
      await put(`${folder('secret')}one.html`, '<p>The API answered with a secret</p>');
      const evilUrl = await publish(folder('evil'), evil.bundle);
      const refused = await fixture<KbArticle>(html`<kb-article src=${evilUrl} article-id="one"></kb-article>`);
      const box = await waitFor(() => errorBox(refused), 'error shown');
      expect(box.querySelector('.kb-state__detail')!.textContent).to.equal('The help content is damaged or was made for another version.');
      expect(box.title).to.match(/bodyFiles\["one"\] must be a path inside the bundle's folder/);

      const log = await serverLogWith(`${folder('help')}assets/pic.png`);
      // Images are the browser's own requests: like every <img> of the page, they carry its cookies (docs/embedding.md#security).
      expect(
        log.filter((r) => r.cookie && !r.path.includes('/assets/')),
        'no fetch carried the cookie',
      ).to.deep.equal([]);
      expect(log.map((r) => r.path).filter((p) => !p.startsWith(folder('help')) && !p.startsWith(folder('evil')))).to.deep.equal([]);
      expect(log.map((r) => r.path)).to.include.members([
        `${folder('help')}kb.json`,
        `${folder('help')}articles/one.html`,
        `${folder('help')}assets/pic.png`,
        `${folder('evil')}kb.json`,
      ]);
    });
  });

  it("media in an article load only from the bundle's folder: images, posters and tracks that climb out are never requested", async () => {
    await noPageErrors(async () => {
      const secret = folder('media-secret');
      const body = [
        `<p><img src="../media-secret/relative.png" alt="one"><img src="${secret}root.png" alt="two"><img src="${location.origin}${secret}absolute.png" alt="three"></p>`,
        '<video poster="../media-secret/poster.png"><track src="../media-secret/captions.vtt"></video>',
        '<p><a href="../media-secret/page.html">a page</a> <img src="assets/pic.png" alt="inside"></p>',
      ].join('');
      const { bundle, files } = splitBundle([{ id: 'one', title: 'Media', category: 'mail', intro: 'Media.', html: body }]);
      const url = await publish(folder('media'), bundle, { ...files, 'assets/pic.png': 'not really a png' });
      const el = await fixture<KbArticle>(html`<kb-article src=${url} article-id="one"></kb-article>`);
      const shown = await waitFor(() => bodyOf(el)?.querySelector('img[alt="inside"]'), 'body shown');
      expect(shown.getAttribute('src')).to.equal(`${location.origin}${folder('media')}assets/pic.png`);
      for (const alt of ['one', 'two', 'three']) expect($(el, `img[alt="${alt}"]`).hasAttribute('src'), alt).to.equal(false);
      expect($(el, 'video').hasAttribute('poster')).to.equal(false);
      expect($(el, 'track').hasAttribute('src')).to.equal(false);
      // A link is the user's to follow: it stays.
      expect($<HTMLAnchorElement>(el, '[part~="body"] a[href$="page.html"]').href).to.equal(`${location.origin}${secret}page.html`);
      const log = await serverLogWith(`${folder('media')}assets/pic.png`);
      expect(log.filter((r) => r.path.startsWith(secret))).to.deep.equal([]);
    });
  });

  it('sends cookies when the host sets credentials="include"', async () => {
    await noPageErrors(async () => {
      const { bundle, files } = splitBundle();
      const url = await publish(folder('private'), bundle, files);
      const el = await fixture<KbArticle>(html`<kb-article src=${url} credentials="include" article-id="one"></kb-article>`);
      await waitFor(() => bodyOf(el)?.textContent?.includes('Open the quarantine.'), 'body shown');
      const log = (await serverLog()).filter((r) => r.path.startsWith(folder('private')) && !r.path.includes('/assets/'));
      expect(log.map((r) => [r.path.slice(folder('private').length), r.cookie])).to.deep.equal([
        ['kb.json', true],
        ['articles/one.html', true],
      ]);
    });
  });

  it('after a redirect, body files and images resolve against the URL the bundle came from', async () => {
    await noPageErrors(async () => {
      const { bundle, files } = splitBundle();
      await publish(folder('new/help'), bundle, files);
      await put(`${folder('old')}kb.json`, '', { 'x-redirect': `${folder('new/help')}kb.json` });
      const el = await fixture<KbArticle>(html`<kb-article src=${`${folder('old')}kb.json`} article-id="one"></kb-article>`);
      await waitFor(() => bodyOf(el)?.textContent?.includes('Open the quarantine.'), 'body shown');
      expect(bodyOf(el).querySelector('img')!.src).to.equal(new URL(`${folder('new/help')}assets/pic.png`, location.href).href);
      const paths = (await serverLog()).map((r) => r.path).filter((p) => p.startsWith(folder('old')) || p.startsWith(folder('new')));
      expect(paths).to.include.members([
        `${folder('old')}kb.json`,
        `${folder('new/help')}kb.json`,
        `${folder('new/help')}articles/one.html`,
      ]);
      expect(paths.filter((p) => p.startsWith(`${folder('old')}articles`))).to.deep.equal([]);
    });
  });

  it('says what failed: a body that times out, one another origin does not allow (CORS), an HTTP error, a redirect out of the folder', async () => {
    const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const cases: [string, Partial<KbBundle['meta']>, (files: Record<string, string>, at: string) => Promise<void>, string, RegExp][] = [
      [
        'slow',
        {},
        async (_f, at) => put(`${at}articles/one.html`, '', { 'x-hang': '1' }),
        'The server took too long to answer.',
        /timed out after 1000 ms/,
      ],
      [
        'cors',
        { baseUrl: `${location.protocol}//${otherHost}:${location.port}${folder('cors-files')}` },
        async (f) => void (await put(`${folder('cors-files')}articles/one.html`, f['articles/one.html']!)),
        'Check your connection and try again.',
        /Could not reach .*CORS/,
      ],
      ['missing', {}, async () => undefined, 'The server answered with error 404.', /HTTP 404/],
      [
        'login',
        {},
        async (_f, at) => {
          await put(`${folder('account')}sign-in`, '<form>Sign in</form>');
          await put(`${at}articles/one.html`, '', { 'x-redirect': `${folder('account')}sign-in?next=one` });
        },
        'The help content is damaged or was made for another version.',
        /redirected to .*sign-in\?next=one, outside/,
      ],
    ];
    await noPageErrors(async () => {
      for (const [name, meta, serve, message, detail] of cases) {
        const { bundle, files } = splitBundle(ARTICLES, meta);
        const at = folder(name);
        const url = await publish(at, bundle);
        await serve(files, at);
        // The bundle as the page would have it, with a short timeout for the body requests only.
        const kb = KnowledgeBase.from(bundle, { baseUrl: new URL(url, location.href).href, timeout: 1000 });
        const el = await fixture<KbArticle>(html`<kb-article .knowledgeBase=${kb} article-id="one"></kb-article>`);
        const box = await waitFor(() => errorBox(el), `${name}: error shown`);
        expect(box.querySelector('.kb-state__detail')!.textContent, name).to.equal(message);
        expect(box.title, name).to.match(detail);
        expect(box.title, name).to.match(/article "one"/);
      }
    });
    const cors = (await serverLog()).filter((r) => r.path.startsWith(folder('cors-files')));
    expect(
      cors.every((r) => !r.cookie),
      'nor to the other origin',
    ).to.be.true;
  });
});

describe('hostile content: values from the bundle', function () {
  this.timeout(60_000);
  it('category icons named like Object.prototype members render as unknown icons, every category shown', async () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    await noPageErrors(async () => {
      const bundle = makeBundle({
        categories: names.map((id) => ({ id, title: `Category ${id}`, icon: id, description: `About ${id}` })),
        articles: names.map((id) => ({ id: `a-${id}`, title: `Article ${id}`, category: id })),
      });
      const el = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${KnowledgeBase.from(bundle)}></kb-categories>`);
      await el.updateComplete;
      const cards = $$(el, '[part~="category"]');
      expect(cards.map((c) => c.querySelector('[part~="link"]')!.textContent!.trim()).sort()).to.deep.equal(
        names.map((n) => `Category ${n}`).sort(),
      );
      for (const card of cards) {
        const icon = card.querySelector('[part~="icon"]')!;
        expect(icon.querySelector('svg'), icon.getAttribute('part')!).to.equal(null);
      }
      expect($(el, '[part~="icon-constructor"]')).to.exist;
    });
  });

  it('lone surrogates in ids, queries and the address bar never throw; the article is still found', async () => {
    const hash = location.hash;
    await noPageErrors(async () => {
      const bundle = makeBundle({
        categories: [{ id: 'c\uDBFF', title: 'Half' }],
        articles: [{ id: 'bad\uD800id', title: 'Half pair article', category: 'c\uDBFF', intro: 'Quarantine text.' }],
      });
      const kb = KnowledgeBase.from(JSON.parse(JSON.stringify(bundle)));
      const el = await fixture<KbHelp>(html`<kb-help .knowledgeBase=${kb} routing="hash"></kb-help>`);
      el.open('bad\uD800id');
      const article = await waitFor(() => el.shadowRoot!.querySelector<KbArticle>('kb-article'), 'article');
      await waitFor(() => $(article, 'h1')?.textContent === 'Half pair article', 'article shown');
      expect(() => decodeURIComponent(location.hash)).not.to.throw();
      expect(location.hash).to.equal('#kb/bad%EF%BF%BDid');

      el.search('half\uD800 pair');
      await waitFor(() => location.hash.startsWith('#kb?q='), 'search in the hash');
      expect(decodeURIComponent(location.hash)).to.equal('#kb?q=half\uFFFD pair');

      location.hash = '#kb/%ED%A0%80';
      await waitFor(
        () => article.shadowRoot!.querySelector('.kb-state--empty') || el.shadowRoot!.querySelector('[part~="view"]'),
        'a malformed escape is just not found',
      );

      const search = await fixture(html`<kb-search .knowledgeBase=${kb}></kb-search>`);
      const input = $<HTMLInputElement>(search, 'input');
      input.focus();
      input.value = 'half\uDC00';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await sendKeys({ type: ' pair' });
      await sendKeys({ press: 'Enter' });
    });
    history.replaceState(null, '', hash || location.pathname);
  });
});

describe("hostile content: article HTML cannot take over the elements' own ids and classes", function () {
  this.timeout(60_000);
  const impostor =
    '<p class="live">content live region</p><p id="feedback-q">Not the question</p><p id="title">Not the title</p>' +
    '<p id="toc-title">Not the contents</p><p id="related-title">Not related</p><p id="reason">Not the label</p>' +
    '<div class="toc"><a href="#s1">fake contents link</a></div><div class="body">inner body</div>' +
    '<h2 id="s1">One</h2><p>a</p><h2 id="s2">Two</h2><pre><code>copy me</code></pre><h2 id="s3">Three</h2><p>c</p>';

  it('<kb-article>: the title, contents, question and live region stay its own', async () => {
    await noPageErrors(async () => {
      const bundle = makeBundle({
        categories: [{ id: 'mail', title: 'Mail' }],
        articles: [
          {
            id: 'impostor',
            title: 'The real title',
            category: 'mail',
            html: impostor,
            sections: [
              { heading: 'One', text: 'a', id: 's1' },
              { heading: 'Two', text: 'b', id: 's2' },
              { heading: 'Three', text: 'c', id: 's3' },
            ],
          },
          { id: 'other', title: 'Impostor related', category: 'mail', intro: 'The real title related.' },
        ],
      });
      const el = await fixture<KbArticle>(
        html`<kb-article .knowledgeBase=${KnowledgeBase.from(bundle)} article-id="impostor"></kb-article>`,
      );
      await waitFor(() => bodyOf(el)?.textContent?.includes('copy me'), 'body shown');

      const snapshot = (await a11ySnapshot({})) as unknown as { name: string; role: string; children: never[] };
      const named = (role: string, name: string) =>
        findAccessibilityNode<{ name: string; role: string }>(snapshot, (n) => n.role === role && n.name === name);
      expect(named('heading', 'The real title'), 'its own title').to.exist;
      expect(named('navigation', 'On this page'), 'contents named by its own heading').to.exist;
      expect(named('region', 'Was this article helpful?'), 'the feedback box named by its own question').to.exist;
      expect(named('navigation', 'Related articles'), 'related named by its own heading').to.exist;
      expect(
        findAccessibilityNode<{ name: string }>(
          snapshot,
          (n) => /^Not /.test(n.name) && (n as { role?: string }).role !== 'StaticText' && (n as { role?: string }).role !== 'paragraph',
        ),
        'nothing named by the impostors',
      ).to.equal(null);

      // The contents follow the article's own headings only.
      expect($$<HTMLAnchorElement>(el, '[part~="toc"] a').map((a) => a.textContent!.trim())).to.deep.equal(['One', 'Two', 'Three']);

      // "Copied" goes to the element's own live region, not the article's `.live`.
      const original = navigator.clipboard.writeText;
      navigator.clipboard.writeText = async () => undefined;
      try {
        $<HTMLButtonElement>(el, '.kb-copy').click();
        await waitFor(() => $(el, '.kb-live')?.textContent === 'Copied', 'announced in the own live region');
        expect(bodyOf(el).querySelector('.live')!.textContent).to.equal('content live region');
      } finally {
        navigator.clipboard.writeText = original;
      }

      // "No" opens the reason form, labelled by its own label.
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="feedback"] button')].find((b) => b.textContent === 'No')!.click();
      await el.updateComplete;
      const textarea = $<HTMLTextAreaElement>(el, '[part~="feedback"] textarea');
      expect(el.shadowRoot!.activeElement).to.equal(textarea);
      expect(textarea.labels?.[0]?.textContent).to.equal('What was missing or wrong?');
    });
  });

  it('<kb-categories> intro and <kb-tip> section cannot rename the category heading or the popover', async () => {
    await noPageErrors(async () => {
      const bundle = makeBundle({
        categories: [
          { id: 'mail', title: 'Mail settings', introHtml: '<p id="current-title">Not the heading</p><p id="kb-popover">x</p>' },
        ],
        articles: [
          {
            id: 'one',
            title: 'Spam threshold',
            category: 'mail',
            html: '<h2 id="s">Section</h2><div id="popover" class="popover trigger">Impostor popover</div><p>Text.</p>',
            sections: [{ heading: 'Section', text: 'Text.', id: 's' }],
          },
        ],
      });
      const kb = KnowledgeBase.from(bundle);
      const categories = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${kb} selected="mail"></kb-categories>`);
      const section = $(categories, 'section[aria-labelledby]');
      expect(categories.shadowRoot!.getElementById(section.getAttribute('aria-labelledby')!)!.textContent).to.equal('Mail settings');

      const tip = await fixture<KbTip>(html`<kb-tip .knowledgeBase=${kb} article="one" section="s"></kb-tip>`);
      tip.show();
      await waitFor(() => tip.shadowRoot!.textContent?.includes('Impostor popover'), 'section shown');
      const trigger = $(tip, '[part~="button"]');
      expect(tip.shadowRoot!.getElementById(trigger.getAttribute('aria-controls')!)).to.equal($(tip, '[part~="popover"]'));
    });
  });
});

describe('hostile content: errors stay inside the elements', function () {
  this.timeout(60_000);
  it('a clipboard that refuses, a bundle that is not there, a knowledge base that throws while rendering: nothing reaches the page', async () => {
    const consoleError = console.error;
    const logged: unknown[] = [];
    await noPageErrors(async () => {
      const bundle = makeBundle({
        categories: [{ id: 'mail', title: 'Mail' }],
        articles: [{ id: 'one', title: 'Code', category: 'mail', html: '<pre><code>x</code></pre>' }],
      });
      const kb = KnowledgeBase.from(bundle);
      const article = await fixture<KbArticle>(html`<kb-article .knowledgeBase=${kb} article-id="one"></kb-article>`);
      await waitFor(() => $(article, '.kb-copy'), 'copy button');
      const { writeText } = navigator.clipboard;
      const execCommand = document.execCommand;
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      document.execCommand = () => {
        throw new Error('no');
      };
      try {
        $<HTMLButtonElement>(article, '.kb-copy').click();
        await new Promise((r) => setTimeout(r, 50));
        expect($(article, '.kb-copy').textContent).to.equal('Copy');
      } finally {
        navigator.clipboard.writeText = writeText;
        document.execCommand = execCommand;
      }

      for (const tag of ['kb-search', 'kb-categories', 'kb-article-list', 'kb-help', 'kb-article']) {
        const el = document.createElement(tag);
        el.setAttribute('src', `${folder('nowhere')}kb.json`);
        el.setAttribute('article-id', 'one');
        document.body.append(el);
        await waitFor(() => errorBox(el), `${tag}: error shown`);
        el.remove();
      }

      console.error = (...args: unknown[]) => void logged.push(args);
      const broken = KnowledgeBase.from(bundle);
      broken.categories = () => {
        throw new Error('broken knowledge base');
      };
      const categories = await fixture<KbCategories>(html`<kb-categories .knowledgeBase=${broken}></kb-categories>`);
      await categories.updateComplete;
    }).finally(() => {
      console.error = consoleError;
    });
    expect(logged.length, 'the render error is logged for the developer').to.equal(1);
  });
});

describe('hostile host page: DOM clobbering of our names', function () {
  this.timeout(60_000);
  it('window.kbElements is ours whatever the markup names, and the bundle URL comes from our own script tag', async () => {
    const { win } = await loadFrame('/test/elements/pages/embed/clobbered.html?csp');
    const host = win as unknown as Window & {
      hostErrors: string[];
      cspViolations: string[];
      clobberedBefore: { kbElements: string; currentScriptIsImg: boolean };
      keptReference: unknown;
      kbElements: { version: string; open(): void; on(e: string, h: unknown): () => void };
    };
    expect(host.clobberedBefore.kbElements, 'the page really clobbers the name').to.match(/HTML|object/);
    expect(host.clobberedBefore.currentScriptIsImg, 'and document.currentScript').to.be.true;

    const api = host.kbElements;
    expect(api instanceof win.Node, 'not an element').to.be.false;
    expect(api).to.equal(host.keptReference, 'the stub, upgraded in place');
    expect(api.version).to.match(/^\d+\.\d+\.\d+$/);
    // Assigning the global (the snippet run again, in strict code) neither throws nor replaces it.
    expect(() => {
      'use strict';
      (win as unknown as { kbElements: unknown }).kbElements = { q: [] };
    }).not.to.throw();
    expect(host.kbElements).to.equal(api);
    expect(api.on('open', 'not a function')).to.be.a('function');

    const launcher = await waitFor(() => win.document.querySelector<KbLauncher>('kb-launcher:not([duplicate])'), 'launcher');
    expect(launcher.src).to.equal(new URL('/test/fixtures/generated/demo/kb.json', location.href).href);
    expect(launcher.getAttribute('position')).to.equal('bottom-left');
    expect(launcher.parentElement).to.equal(win.document.documentElement.querySelector('body'));
    api.open();
    const panel = await waitFor(() => (launcher.open ? launcher.shadowRoot!.querySelector('kb-launcher-panel') : null), 'panel open');
    await waitFor(() => panel.shadowRoot?.querySelector('kb-help')?.shadowRoot?.querySelector('kb-categories'), 'help center shown');
    // The launcher started the bundle request (without cookies); the help center took that response.
    expect(
      win.performance.getEntriesByType('resource').filter((e) => e.name === launcher.src),
      'kb.json fetched once',
    ).to.have.length(1);
    expect(host.hostErrors).to.deep.equal([]);
    expect(host.cspViolations).to.deep.equal([]);
  });
});
