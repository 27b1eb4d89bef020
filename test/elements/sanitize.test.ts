import { expect } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import { isUnsafeUrl } from '../../src/core/sanitize-policy';
import { hideStyleNames, restoreStyleNames } from '../../src/elements/shared/hide-style-names';
import { sanitizeHtml } from '../../src/elements/shared/sanitize';
import { loadFrame, waitFor } from './support/frame';
import { STYLE_HIDING_MARKUP } from './support/style-hiding-markup';

/** Sanitizes into a detached container and returns it, for inspection. */
function clean(html: string, options?: Parameters<typeof sanitizeHtml>[1]) {
  const box = document.createElement('div');
  box.append(sanitizeHtml(html, options));
  return box;
}

describe('sanitize', () => {
  it('returns a fragment of nodes owned by this document', () => {
    const fragment = sanitizeHtml('<p>Hello <strong>world</strong></p>');
    expect(fragment).to.be.instanceOf(DocumentFragment);
    expect(fragment.firstElementChild?.outerHTML).to.equal('<p>Hello <strong>world</strong></p>');
    expect(fragment.ownerDocument).to.equal(document);
  });

  it('keeps what articles need: headings with ids, tables, code with language classes, details', () => {
    const box = clean(
      '<h2 id="setup">Setup</h2><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>' +
        '<pre><code class="language-sh">dig  MX example.com\n  indented</code></pre><details><summary>More</summary>x</details>' +
        '<blockquote class="alert alert-note"><p>Note</p></blockquote><ul><li><input type="checkbox" checked> done</li></ul>',
    );
    expect(box.querySelector('h2')!.id).to.equal('setup');
    expect(box.querySelector('table td')!.textContent).to.equal('1');
    expect(box.querySelector('code')!.className).to.equal('language-sh');
    expect(box.querySelector('code')!.textContent).to.equal('dig  MX example.com\n  indented');
    expect(box.querySelector('details summary')).to.exist;
    expect(box.querySelector('blockquote')!.className).to.equal('alert alert-note');
    const checkbox = box.querySelector('input')!;
    expect(checkbox.type).to.equal('checkbox');
    expect(checkbox.checked).to.equal(true);
    expect(checkbox.disabled).to.equal(true);
  });

  it('removes scripts, handlers, styles, forms, frames, SVG and MathML', () => {
    const box = clean(
      '<script>window.bad=1</script><img src="x.png" onerror="window.bad=1"><p onclick="x()" style="color:red">t</p>' +
        '<style>p{}</style><form action="/x"><input name="q"><button>go</button></form><iframe src="/"></iframe>' +
        '<svg><script>1</script><a href="javascript:1"><text>x</text></a></svg><math><mi xlink:href="javascript:1">x</mi></math>' +
        '<object data="x"></object><embed src="x"><base href="http://evil/"><meta http-equiv="refresh" content="0">',
    );
    for (const tag of ['script', 'style', 'form', 'button', 'iframe', 'svg', 'math', 'object', 'embed', 'base', 'meta']) {
      expect(box.querySelector(tag), tag).to.equal(null);
    }
    expect(box.querySelector('input'), 'text input').to.equal(null);
    const p = box.querySelector('p')!;
    expect(p.hasAttribute('onclick')).to.equal(false);
    expect(p.hasAttribute('style')).to.equal(false);
    expect(box.querySelector('img')!.hasAttribute('onerror')).to.equal(false);
  });

  it('drops javascript:, data: and other schemes, however they are disguised', () => {
    const hrefs = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'DATA:image/png;base64,AAAA',
      'blob:http://x/1',
      'file:///etc/passwd',
    ];
    for (const href of hrefs) {
      const box = clean(`<a href="${href}">x</a><img src="${href}" alt="">`);
      expect(box.querySelector('a')!.hasAttribute('href'), href).to.equal(false);
      expect(box.querySelector('img')!.hasAttribute('src'), href).to.equal(false);
    }
    for (const href of [
      'https://example.com/',
      'mailto:help@example.com',
      'tel:+31201234567',
      '/help',
      '../x',
      '#top',
      'a:b/c'.replace(':', '%3A'),
    ]) {
      expect(isUnsafeUrl(href), href).to.equal(false);
    }
  });

  it('opens links to another origin in a new tab without opener or referrer', () => {
    const box = clean(
      '<a href="https://example.org/docs" target="_self" rel="opener">ext</a><a href="/local">local</a><a href="mailto:a@b.c">mail</a>',
    );
    const [external, local, mail] = box.querySelectorAll('a');
    expect(external.target).to.equal('_blank');
    expect(external.rel).to.equal('noopener noreferrer');
    expect(local.hasAttribute('target')).to.equal(false);
    expect(mail.hasAttribute('target')).to.equal(false);
  });

  it('marks article links for in-widget navigation and nothing an author writes can fake that', () => {
    const box = clean('<a href="other.md#part">a</a><a href="https://example.org/">b</a><a data-kb-article="x" href="/y">c</a>', {
      baseUrl: 'http://kb.test/help/kb.json',
      articleLink: (href) => {
        const m = href.match(/\/([^/]+)\.md(?:#(.*))?$/);
        return m ? { articleId: m[1], sectionId: m[2], href: `#kb/${m[1]}` } : undefined;
      },
    });
    const [article, external, fake] = box.querySelectorAll('a');
    expect(article.dataset.kbArticle).to.equal('other');
    expect(article.dataset.kbSection).to.equal('part');
    expect(article.getAttribute('href')).to.equal('#kb/other');
    expect(article.hasAttribute('target')).to.equal(false);
    expect(external.hasAttribute('data-kb-article')).to.equal(false);
    expect(fake.hasAttribute('data-kb-article')).to.equal(false);
  });

  it('resolves relative media against the base URL and makes images lazy, with an alt', () => {
    const box = clean('<img src="assets/a.png"><img src="https://cdn.test/b.png" alt="B">', { baseUrl: 'http://kb.test/help/kb.json' });
    const [a, b] = box.querySelectorAll('img');
    expect(a.getAttribute('src')).to.equal('http://kb.test/help/assets/a.png');
    expect(b.getAttribute('src')).to.equal('https://cdn.test/b.png');
    expect(a.loading).to.equal('lazy');
    expect(a.getAttribute('alt')).to.equal('');
    expect(b.getAttribute('alt')).to.equal('B');
  });

  it("media load only from the bundle's folder or another site: anything else on the bundle's or the page's origin loses its URL", () => {
    const base = 'http://kb.test/help/kb.json';
    const page = location.origin;
    const outside = [
      '../../api/secret',
      '../help-other/x.png',
      '/api/secret',
      '%2e%2e/%2e%2e/api/secret',
      'assets/../../api/secret',
      'assets/..%2f..%2fapi/secret',
      '..\\..\\api\\secret',
      ' ../api/secret ',
      'http://kb.test/api/secret',
      '//kb.test/api/secret',
      'HTTP://KB.TEST/admin',
      `${page}/api/secret`,
      `${page}/help/assets/a.png`,
    ];
    for (const src of outside) {
      const box = clean(
        `<img src="${src}" alt="x"><video src="${src}" poster="${src}"><source src="${src}"><track src="${src}"></video><audio src="${src}"></audio>`,
        { baseUrl: base },
      );
      for (const el of box.querySelectorAll('img, video, source, track, audio')) {
        expect(
          [...el.attributes].map((a) => a.name).filter((n) => n === 'src' || n === 'poster'),
          `${el.localName} ${src}`,
        ).to.deep.equal([]);
      }
      expect(box.querySelector('img')!.alt, 'the image itself stays, with its text').to.equal('x');
    }
    const inside: [string, string][] = [
      ['assets/a.png', 'http://kb.test/help/assets/a.png'],
      ['./assets/a.png?v=2#top', 'http://kb.test/help/assets/a.png?v=2#top'],
      ['http://kb.test/help/assets/a.png', 'http://kb.test/help/assets/a.png'],
      ['https://cdn.test/b.png', 'https://cdn.test/b.png'],
      ['//cdn.test/b.png', 'http://cdn.test/b.png'],
    ];
    for (const [src, loaded] of inside) {
      const box = clean(`<img src="${src}"><video poster="${src}"></video>`, { baseUrl: base });
      expect(box.querySelector('img')!.getAttribute('src'), src).to.equal(loaded);
      expect(box.querySelector('video')!.getAttribute('poster'), src).to.equal(loaded);
    }
    // The folder of the files is meta.baseUrl's when the knowledge base has one (kb.baseUrl).
    expect(clean('<img src="x.png">', { baseUrl: 'https://cdn.test/kb/' }).querySelector('img')!.src).to.equal('https://cdn.test/kb/x.png');
    expect(clean('<img src="../x.png">', { baseUrl: 'https://cdn.test/kb/' }).querySelector('img')!.hasAttribute('src')).to.equal(false);
  });

  it("links are followed only by the user: a relative link out of the bundle's folder stays (into the host application, say)", () => {
    const box = clean('<a href="../../settings/dns">DNS</a><a href="/admin">Admin</a>', { baseUrl: 'http://kb.test/help/kb.json' });
    expect([...box.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'http://kb.test/settings/dns',
      'http://kb.test/admin',
    ]);
  });

  it('keeps out attributes that reach into the host page and our own class names', () => {
    const box = clean('<p part="base" slot="x" tabindex="1" popover class="note kb-copy" data-x="1" id="p">x</p>');
    const p = box.querySelector('p')!;
    expect([...p.attributes].map((a) => a.name).sort()).to.deep.equal(['class', 'id']);
    expect(p.className).to.equal('note');
  });

  it('neutralises mutation-XSS strings without a second parse', () => {
    (window as unknown as { mxss: number }).mxss = 0;
    const payloads = [
      '<noscript><p title="</noscript><img src=x onerror=window.mxss++>">',
      '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=window.mxss++&gt;">',
      '<form><math><mtext></form><form><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=window.mxss++ src=1>">',
      '<svg></p><style><a id="</style><img src=1 onerror=window.mxss++>">',
      '<math><mi><mglyph><svg><mtext><textarea><a title="</textarea><img src=1 onerror=window.mxss++>">',
    ];
    for (const payload of payloads) {
      const box = clean(payload);
      document.body.append(box);
      expect(box.querySelectorAll('[onerror]').length, payload).to.equal(0);
      box.remove();
    }
    expect((window as unknown as { mxss: number }).mxss).to.equal(0);
  });

  it('leaves the global DOMPurify the page may use without our hooks', () => {
    const out = DOMPurify.sanitize('<a href="https://example.org/">x</a>');
    expect(out).to.equal('<a href="https://example.org/">x</a>');
  });

  it('treats non-string input as text', () => {
    expect(clean(undefined as unknown as string).innerHTML).to.equal('');
    expect(clean(42 as unknown as string).innerHTML).to.equal('42');
  });

  it('keeps the kb- namespace to the elements: no kb- ids, names, classes or id references from articles', () => {
    const box = clean(
      '<p id="kb-live" class="note KB-Copy kb-x">a</p><p id="Kb-Label">b</p><a name="kb-top" id="top">c</a>' +
        '<label for="kb-search-input">d</label><span aria-labelledby="kb-feedback-q own" aria-describedby="KB-tip">e</span>' +
        '<table><tr><td headers="kb-h">f</td></tr></table><p id="okb-x" class="kbd">g</p>',
    );
    expect(box.querySelectorAll('[id^="kb-" i], [name^="kb-" i]').length).to.equal(0);
    const [first, second] = box.querySelectorAll('p');
    expect(first.className).to.equal('note');
    expect(second.hasAttribute('id')).to.equal(false);
    expect(box.querySelector('a')!.id).to.equal('top');
    expect(box.querySelector('label')!.hasAttribute('for')).to.equal(false);
    const span = box.querySelector('span')!;
    expect(span.getAttribute('aria-labelledby')).to.equal('own');
    expect(span.hasAttribute('aria-describedby')).to.equal(false);
    expect(box.querySelector('td')!.hasAttribute('headers')).to.equal(false);
    expect(box.querySelector('#okb-x')!.className, 'only the kb- prefix is reserved').to.equal('kbd');
  });

  describe('inline styles never reach the parser (so a strict CSP has nothing to report)', () => {
    it('hides every "style", in any case, and restores it exactly', () => {
      const samples = [
        '<p style="color:red" STYLE=x sTyLe>',
        '<style>p{}</style><STYLE>',
        'stylesheet Style',
        'no match here',
        'styl e',
        'sstyle',
      ];
      for (const html of samples) {
        expect(hideStyleNames(html), html).to.not.match(/style/i);
        expect(restoreStyleNames(hideStyleNames(html)), html).to.equal(html);
      }
      expect(hideStyleNames('plain text')).to.equal('plain text');
    });

    it('drops style attributes and <style> elements wherever the markup hides them', () => {
      for (const html of STYLE_HIDING_MARKUP) {
        const box = clean(html);
        expect(box.querySelectorAll('[style], style').length, html).to.equal(0);
        expect(box.innerHTML, html).to.not.match(/[\uE001\uE002]/);
      }
      expect(clean('<p>a</p><style>p { color: red }</style><p>b</p>').textContent, 'a <style> goes with its content').to.equal('ab');
    });

    it("records no violation under style-src 'self' for any of it (a bare DOMParser parse does, in this Chromium)", async () => {
      const { frame, win } = await loadFrame('/test/elements/pages/csp/sanitize.html?csp');
      const page = win as typeof win & { sanitized?: boolean; cspViolations: string[]; controlParse(): void };
      try {
        await waitFor(() => page.sanitized, 'page sanitized its markup', 5000);
        expect(page.document.querySelectorAll('[style], style').length).to.equal(0);
        expect(page.document.body.textContent).to.contain('breaks out of SVG');
        expect(page.cspViolations).to.deep.equal([]);
        page.controlParse();
        await waitFor(() => page.cspViolations.length, 'the control parse is reported', 5000);
        expect(page.cspViolations[0]).to.match(/^style-src/);
      } finally {
        frame.remove();
      }
    });

    it('leaves the word "style" alone in text, code and attribute values', () => {
      const box = clean(
        '<p title="Style guide">Set style="x" in the config, or STYLE.</p><pre><code>&lt;p style="x"&gt;</code></pre><a href="/css/style.css">sheet</a>',
      );
      expect(box.querySelector('p')!.textContent).to.equal('Set style="x" in the config, or STYLE.');
      expect(box.querySelector('p')!.title).to.equal('Style guide');
      expect(box.querySelector('code')!.textContent).to.equal('<p style="x">');
      expect(box.querySelector('a')!.getAttribute('href')).to.equal('/css/style.css');
    });
  });
});
