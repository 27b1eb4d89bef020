import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticList, sortDiagnostics, type Diagnostic } from '../../src/build/diagnostics';
import { makeExcerpt } from '../../src/build/excerpt';
import { MarkdownEngine } from '../../src/build/markdown';
import { slugify, slugifyName } from '../../src/build/slug';

function render(markdown: string, locale = 'en') {
  const engine = new MarkdownEngine(locale);
  const diagnostics = new DiagnosticList();
  const prepared = engine.convert(markdown, 1, 'a.md', diagnostics);
  return { html: engine.finish(prepared, () => undefined), prepared, diagnostics: diagnostics.items };
}

describe('Markdown as GitHub writes it', () => {
  it('tables, task lists and fenced code with the language as a class', () => {
    const { html } = render('| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n```sh\nls -la\n```\n');
    assert.match(html, /<table>[\s\S]*<th align="center">b<\/th>/);
    assert.match(html, /<input checked="" disabled="" type="checkbox"> done/);
    assert.match(html, /<pre><code class="language-sh">ls -la\n<\/code><\/pre>/);
  });

  it('GitHub alerts become callouts with a title', () => {
    const { html } = render('> [!WARNING]\n> Mind the **gap**.\n\n> plain quote\n');
    assert.match(
      html,
      /<div class="alert alert-warning"><p class="alert-title">Warning<\/p>\n<p>Mind the <strong>gap<\/strong>.<\/p>\n<\/div>/,
    );
    assert.match(html, /<blockquote>\n<p>plain quote<\/p>/);
  });

  it('alert titles follow the knowledge base language', () => {
    assert.match(render('> [!NOTE]\n> x\n', 'de').html, /<p class="alert-title">Hinweis<\/p>/);
  });

  it('MkDocs admonitions, with titles, no title, and collapsible ones', () => {
    const { html } = render(
      '!!! tip "Use `setup`"\n\n    Body **one**.\n\n    Second paragraph.\n\n!!! danger ""\n\n    No title.\n\n???+ question "Open me"\n\n    Open body.\n\nAfter.\n',
    );
    assert.match(
      html,
      /<div class="alert alert-tip"><p class="alert-title">Use <code>setup<\/code><\/p>\n<p>Body <strong>one<\/strong>.<\/p>\n<p>Second paragraph.<\/p>\n<\/div>/,
    );
    assert.match(html, /<div class="alert alert-danger">\n<p>No title.<\/p>/);
    assert.match(
      html,
      /<details class="alert alert-question" open><summary class="alert-title">Open me<\/summary>\n<p>Open body.<\/p>\n<\/details>/,
    );
    assert.match(html, /<p>After.<\/p>/);
  });

  it('reference links defined at the end resolve inside admonitions', () => {
    const { html } = render('!!! note\n\n    See [the docs][docs].\n\n[docs]: https://example.org/docs\n');
    assert.match(html, /<a href="https:\/\/example.org\/docs">the docs<\/a>/);
  });

  it('an admonition with many blank lines inside is read in linear time', () => {
    const started = performance.now();
    const { html } = render(`!!! note\n\n    First.\n${'\n'.repeat(100_000)}    Last.\n\nAfter.\n`);
    assert.match(html, /First\.[\s\S]*Last\./);
    // A generous guard: tens of milliseconds when quiet; it took minutes when each blank line read all the others again.
    assert.ok(performance.now() - started < 10_000);
  });

  it('MkDocs content tabs are shown one after the other, with their labels', () => {
    const { html, prepared } = render(
      '=== "Docker"\n\n    ```sh\n    docker run x\n    ```\n\n=== "Podman"\n\n    podman run x\n\nAfter.\n',
    );
    assert.match(
      html,
      /<div class="tabs">\n<div class="tab" id="docker"><p class="tab-label">Docker<\/p>\n<pre><code class="language-sh">docker run x\n<\/code><\/pre>\n<\/div>\n<div class="tab" id="podman"><p class="tab-label">Podman<\/p>\n<p>podman run x<\/p>\n<\/div>\n<\/div>/,
    );
    assert.ok(prepared.anchors.has('docker'));
  });

  it('footnotes are numbered in reference order and listed at the end', () => {
    const { html, diagnostics } = render('One[^b] two[^a] again[^b] missing[^x].\n\n[^a]: Note A.\n[^b]: Note B.\n[^c]: Unused.\n');
    assert.match(
      html,
      /One<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1<\/a><\/sup> two<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2<\/a><\/sup> again<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2">1<\/a><\/sup> missing\[\^x\]/,
    );
    assert.match(
      html,
      /<section class="footnotes">\n<ol>\n<li id="fn-1">\n<p>Note B. <a href="#fnref-1" class="footnote-backref"[^>]*>↩<\/a> <a href="#fnref-1-2"/,
    );
    assert.doesNotMatch(html, /Unused/);
    assert.deepEqual(
      diagnostics.map((d) => `${d.severity} ${d.code}`),
      ['warning missing-footnote', 'info unused-footnote'],
    );
  });

  it('heading ids are unique slugs, in any script', () => {
    const { prepared } = render('## Setup\n\n## Setup\n\n## Größe & Maß\n\n## 设置 邮箱\n\n## C++ / C#\n');
    assert.deepEqual(
      prepared.headings.map((h) => h.id),
      ['setup', 'setup-1', 'größe--maß', '设置-邮箱', 'c--c'],
    );
  });

  it('an explicit {#id} on a heading is used and taken out of the text', () => {
    const { prepared, html } = render('## Ports { #ports-table }\n');
    assert.equal(prepared.headings[0].id, 'ports-table');
    assert.equal(prepared.headings[0].text, 'Ports');
    assert.match(html, /<h2 id="ports-table">Ports<\/h2>/);
  });

  it('the title heading is taken out of the body; a title further down stays', () => {
    assert.equal(render('<!-- comment -->\n# Title\n\nText.').prepared.title, 'Title');
    const later = render('Intro.\n\n# Later title\n');
    assert.equal(later.prepared.title, 'Later title');
    assert.match(later.html, /<h1 id="later-title">Later title<\/h1>/);
  });

  it('section text is plain: no markup, entities decoded, code kept', () => {
    const { prepared } = render('## A\n\nUse **bold** &amp; `npm i` <span>html</span>.\n\n```\ncode line\n```\n');
    assert.equal(prepared.sections[1].text, 'Use bold & npm i html.\ncode line');
  });

  it('template syntax is reported with its line, not inside code', () => {
    const { diagnostics } = render('Line one.\nHello {{ name }}.\n\n`{{ code }}`\n\n    {{ indented code }}\n\n{% if x %}\n');
    assert.deepEqual(
      diagnostics.map((d) => `${d.line} ${d.code}`),
      ['2 template-syntax', '8 template-syntax'],
    );
  });

  it('gives links and images their source lines', () => {
    const { prepared } = render('Para.\n\n- item [a](a.md)\n- item\n  [b](b.md)\n\n> ![img](x.png)\n', 'en');
    assert.deepEqual(
      prepared.urls.map((u) => `${u.line} ${u.kind} ${u.href}`),
      ['3 link a.md', '5 link b.md', '7 image x.png'],
    );
  });
});

describe("raw HTML: sanitized with the elements' policy, every removal reported on its line", () => {
  const report = (diagnostics: Diagnostic[]) =>
    sortDiagnostics(diagnostics).map((d) => `${d.line} ${d.severity} ${d.message.replace(/ from the raw HTML.*/, '')}`);

  it('removes scripts, handlers, script URLs and frames, keeps the rest', () => {
    const { html, diagnostics } = render(
      'Intro.\n\n<div class="x" onclick="a()" ONMOUSEOVER=b()>t</div>\n\n<script src="x.js"></script>\n<SCRIPT>evil()</SCRIPT>\n\n' +
        'Inline <a href=" java&#x73;cript:alert(1)">l</a> and <img src="data:text/html,x" alt="i">\n\n<iframe src="https://e.org"></iframe>\n',
    );
    assert.equal(html, '<p>Intro.</p>\n<div class="x">t</div>\n<p>Inline <a>l</a> and <img alt="i"></p>\n\n');
    assert.deepEqual(report(diagnostics), [
      '3 warning removed the event handler onclick',
      '3 warning removed the event handler onmouseover',
      '5 warning removed <script>',
      '6 warning removed <script>',
      '8 warning removed a data: URL in src',
      '8 warning removed a javascript: URL in href',
      '10 warning removed <iframe>',
    ]);
  });

  it('sees through disguised script URLs', () => {
    const { html, diagnostics } = render(
      '<a href="java&Tab;script:alert(1)">a</a>\n<a href="&#106avascript:alert(1)">b</a>\n<a href="&#x6A;avascript&colon;alert(1)">c</a>\n<a href="https://example.org/?q=a&amp;b">safe</a>\n',
    );
    assert.equal(html, '<p><a>a</a>\n<a>b</a>\n<a>c</a>\n<a href="https://example.org/?q=a&amp;b">safe</a></p>\n');
    assert.deepEqual(report(diagnostics), [
      '1 warning removed a javascript: URL in href',
      '2 warning removed a javascript: URL in href',
      '3 warning removed a javascript: URL in href',
    ]);
  });

  it('the raw-text trick: <noscript><p title="</noscript><img onerror>"> comes out safe, with a warning', () => {
    const { html, diagnostics } = render('Before.\n\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n\nAfter.\n');
    assert.equal(html, '<p>Before.</p>\n<p></p><p></p>\n<p>After.</p>\n');
    assert.deepEqual(report(diagnostics), ['3 warning removed <noscript>', '3 warning removed the title attribute of <p>']);
  });

  it("keeps the elements' kb- namespace: no kb- ids, names or classes from articles", () => {
    const { html, diagnostics } = render('<p id="kb-live" class="note kb-copy">x</p>\n\n<label for="kb-search">l</label>\n');
    assert.equal(html, '<p class="note">x</p><p><label>l</label></p>\n');
    assert.deepEqual(report(diagnostics), [
      '1 warning removed "kb-copy" from the class of <p> (the kb- namespace is the elements\' own)',
      '1 warning removed id="kb-live" (the kb- namespace is the elements\' own)',
      '3 warning removed for="kb-search" (the kb- namespace is the elements\' own)',
    ]);
  });

  it('an unknown tag is reported with a hint, inline styles only noted', () => {
    const { html, diagnostics } = render('Press <Ctrl> + C.\n\n<p style="color:red">red</p>\n');
    assert.equal(html, '<p>Press  + C.</p>\n<p>red</p>\n');
    assert.deepEqual(report(diagnostics), [
      '1 warning removed <ctrl> (not an HTML element; to show the text "<ctrl>", write `<ctrl>` in backticks or &lt;ctrl&gt;)',
      '3 info removed the style attribute of <p>',
    ]);
  });

  it('inline scripts split over several tokens leave nothing behind, not even in the search text', () => {
    const { html, prepared } = render('Text <script>alert("x")</script> more <img src="a.png" onerror="x()">.\n');
    assert.equal(html, '<p>Text  more <img src="a.png">.</p>\n');
    assert.equal(prepared.sections[0].text, 'Text more .');
  });

  it('relative raw URLs are resolved like Markdown links; unsafe Markdown URLs are dropped with a warning', () => {
    const engine = new MarkdownEngine();
    const diagnostics = new DiagnosticList();
    const converted = engine.convert(
      '<a title="t" href="b.md">raw</a> [md](&#106;avascript:alert(1)) ![pic](javascript:x)\n',
      1,
      'a.md',
      diagnostics,
    );
    const html = engine.finish(converted, (url) => (url.href === 'b.md' ? { href: '#kb/b' } : undefined));
    assert.equal(html, '<p><a href="#kb/b" title="t">raw</a> md pic</p>\n');
    assert.deepEqual(
      diagnostics.items.map((d) => `${d.line} ${d.code}`),
      ['1 unsafe-url', '1 unsafe-url'],
    );
  });
});

describe('excerpts and slugs', () => {
  it('cuts at a word boundary near 200 characters with an ellipsis', () => {
    const text = 'word '.repeat(60);
    const excerpt = makeExcerpt(text);
    assert.ok(excerpt.length <= 201 && excerpt.length > 150, String(excerpt.length));
    assert.ok(excerpt.endsWith('word…'));
    assert.equal(makeExcerpt('Short text.'), 'Short text.');
  });

  it('cuts text without spaces (Chinese) at 200 characters', () => {
    const excerpt = makeExcerpt('汉'.repeat(300));
    assert.equal(Array.from(excerpt).length, 201);
  });

  it('names spell out the signs that tell them apart', () => {
    assert.equal(slugifyName('clang++'), 'clang-plus-plus');
    assert.equal(slugifyName('c#'), 'c-sharp');
    assert.equal(slugifyName('01 Getting Started.v2'), '01-getting-started-v2');
    assert.equal(slugifyName('$'), 'u24');
  });

  it('slugify keeps letters of any script, digits, _ and -', () => {
    assert.equal(slugify('Hello, World!'), 'hello-world');
    assert.equal(slugify('POSTFIX_INET_PROTOCOLS'), 'postfix_inet_protocols');
    assert.equal(slugify('مرحبا بالعالم'), 'مرحبا-بالعالم');
  });

  it('slugify keeps the ids it has always given (existing links depend on them)', () => {
    assert.equal(slugify('x² + y²'), 'x²--y²');
    assert.equal(slugify('½ cup'), '½-cup');
    assert.equal(slugify('Caf\u0065\u0301'), 'caf\u00e9');
    assert.equal(slugify('a\u{31350}b'), 'a\u{31350}b');
    assert.equal(slugify('  Spaced  '), 'spaced');
    assert.equal(slugify('🚀 Launch'), '-launch');
  });
});
