/**
 * Hostile and broken input (issue 10): one bad file is an error for that file and every other
 * article is built; kb.config cannot crash or stall the build; keys from content never reach
 * a prototype; raw HTML comes out safe with a warning on its line; the elements' `kb-`
 * namespace stays theirs. Each case asserts the safe outcome and the diagnostic.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectArticles, type CollectResult } from '../../src/build/collect';
import { main } from '../../src/build/cli';
import { messagesOf, png, tempContent, tempDir } from './helpers';

const report = (kb: CollectResult) => messagesOf(kb.diagnostics);
const sources = (kb: CollectResult) => kb.articles.map((a) => a.source).sort();

describe('one bad file never loses the others', () => {
  it('a file nested too deep for the converter, quotes or lists, is an error with its line; the others are built', async () => {
    const kb = await collectArticles(
      tempContent({
        'quotes.md': `# Quotes\n\n${'>'.repeat(100_000)} x\n`,
        'lists.md': `# Lists\n\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')}\n`,
        'fence.md': `# Fence\n\n\`\`\`\n${' '.repeat(300)}indented code is fine\n\`\`\`\n`,
        'ok.md': '# OK\n',
      }),
    );
    assert.deepEqual(sources(kb), ['fence.md', 'ok.md']);
    assert.deepEqual(report(kb), [
      'lists.md:104 error unreadable: could not be read or converted: a line indented 202 columns: lists nested that deep are not converted (at most 200 columns); left out of the bundle.',
      'quotes.md:3 error unreadable: could not be read or converted: 100000 quote markers (">") on a line: quotes nested that deep are not converted (at most 100); left out of the bundle.',
    ]);
  });

  it('the CLI prints such a failure as file:line: error, with the stack only under --verbose', async () => {
    const content = tempContent({ 'deep.md': `${'>'.repeat(1000)} x\n`, 'ok.md': '# OK\n' });
    const run = async (...extra: string[]) => {
      const err: string[] = [];
      const status = await main(['build', content, '--out', tempDir(), ...extra], { out: () => {}, err: (line) => err.push(line) });
      return { status, stderr: err.join('\n') };
    };
    const plain = await run();
    assert.equal(plain.status, 1);
    assert.match(plain.stderr, /deep\.md:1: error: could not be read or converted: 1000 quote markers/);
    assert.doesNotMatch(plain.stderr, /\n\s+at /);
    const verbose = await run('--verbose');
    assert.match(
      verbose.stderr,
      /deep\.md:1: error: could not be read or converted: 1000 quote markers[^\n]*\nContentLimitError: 1000 quote markers[^\n]*\n\s+at /,
    );
  });

  it('an unreadable file is an error for that file', { skip: process.getuid?.() === 0 && 'root reads any file' }, async () => {
    const { chmodSync } = await import('node:fs');
    const content = tempContent({ 'locked.md': '# Locked\n', 'ok.md': '# OK\n' });
    chmodSync(join(content, 'locked.md'), 0);
    const kb = await collectArticles(content);
    assert.deepEqual(sources(kb), ['ok.md']);
    assert.deepEqual(report(kb), [
      'locked.md:- error unreadable: could not be read or converted: permission denied; left out of the bundle.',
    ]);
  });

  it('front matter nested 100,000 deep, or of megabytes, is an error; the article is kept without it', async () => {
    const kb = await collectArticles(
      tempContent({
        'deep.md': `---\ntitle: ${'['.repeat(100_000)}\n---\n# Deep\n`,
        'big.md': `---\ntitle: Big\nexcerpt: ${'x'.repeat(300 * 1024)}\n---\n# Big body\n`,
        'ok.md': '# OK\n',
      }),
    );
    assert.deepEqual(sources(kb), ['big.md', 'deep.md', 'ok.md']);
    assert.equal(kb.articles.find((a) => a.source === 'big.md')!.title, 'Big body');
    assert.deepEqual(report(kb), [
      'big.md:2 error front-matter-yaml: front matter not read: it is 300 KB (at most 256 KB is read); ignored it.',
      'deep.md:2 error front-matter-yaml: front matter not read: values nested more than 64 deep; ignored it.',
    ]);
  });
});

describe('kb.config cannot crash or stall the build', () => {
  const laughs = () => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    return `${lines.join('\n')}\ntitle: Laughs\n`;
  };

  it('a billion laughs: one error naming the file, the defaults, every article built', async () => {
    const kb = await collectArticles(tempContent({ 'kb.config.yaml': laughs(), 'a.md': '# A\n' }));
    assert.equal(kb.config.title, 'Help Center');
    assert.deepEqual(sources(kb), ['a.md']);
    assert.deepEqual(report(kb), [
      'kb.config.yaml:- error config-syntax: could not be read: Excessive alias count indicates a resource exhaustion attack (YAML aliases); used the defaults.',
    ]);
  });

  it('a 100,000-deep exclude value, in YAML or JSON, and 100,001 patterns are errors naming the file', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const yaml = await collectArticles(tempContent({ 'kb.config.yaml': `exclude: ${deep}\n`, 'a.md': '# A\n' }));
    assert.deepEqual(report(yaml), ['kb.config.yaml:1 error config-syntax: not read: values nested more than 64 deep; used the defaults.']);
    const json = await collectArticles(tempContent({ 'kb.config.json': `{ "exclude": ${deep} }`, 'a.md': '# A\n' }));
    assert.deepEqual(report(json), ['kb.config.json:1 error config-syntax: not read: values nested more than 64 deep; used the defaults.']);
    const many = await collectArticles(
      tempContent({ 'kb.config.json': JSON.stringify({ exclude: Array.from({ length: 100_001 }, (_, i) => `d${i}`) }), 'a.md': '# A\n' }),
    );
    assert.deepEqual(sources(many), ['a.md']);
    assert.equal(
      report(many)[0],
      'kb.config.json:1 error config-type: setting "exclude" has 100,001 patterns; at most 1,000 are read (use "**" and folder patterns).',
    );
  });

  it('a config of megabytes is not read', async () => {
    const kb = await collectArticles(tempContent({ 'kb.config.json': `{ "title": "${'x'.repeat(2 * 1024 * 1024)}" }`, 'a.md': '# A\n' }));
    assert.equal(kb.config.title, 'Help Center');
    assert.match(
      report(kb)[0],
      /^kb\.config\.json:- error config-syntax: is 2,097,16\d bytes; a config file may have at most 1,048,576\. Used the defaults\.$/,
    );
  });

  it('settings of the wrong type are warnings with the default used', async () => {
    const kb = await collectArticles(
      tempContent({
        'kb.config.json': '{ "title": ["x"], "rootCategory": { "id": 3, "title": {} }, "categoryOrder": "a" }',
        'a.md': '# A\n',
      }),
    );
    assert.deepEqual(report(kb), [
      'kb.config.json:- warning config-type: setting "categoryOrder" should be a list of category ids; used the default.',
      'kb.config.json:- warning config-type: setting "rootCategory.id" should be a non-empty text; used the default.',
      'kb.config.json:- warning config-type: setting "rootCategory.title" should be a non-empty text; used the default.',
      'kb.config.json:- warning config-type: setting "title" should be a non-empty text; used the default.',
    ]);
  });

  it('an exclude pattern made to backtrack (*a*a*a...) against long names ends at once', async () => {
    const pattern = `${'*a'.repeat(12)}*b`;
    const content = tempContent({ 'kb.config.json': JSON.stringify({ exclude: [pattern] }), 'ok.md': '# OK\n' });
    for (let i = 0; i < 20; i++) writeFileSync(join(content, `${'a'.repeat(200)}${i}.md`), '# A\n');
    const started = performance.now();
    const kb = await collectArticles(content);
    assert.ok(performance.now() - started < 30_000, `took ${performance.now() - started} ms`);
    assert.equal(kb.articles.length, 21);
  });
});

describe('keys from content never reach a prototype', () => {
  it('__proto__, constructor and prototype in front matter are unknown fields like any other: no "repeated key", nothing set through a prototype', async () => {
    const kb = await collectArticles(
      tempContent({
        'a.md': '---\ntitle: A\n__proto__: {views: 99, polluted: yes}\nconstructor: x\nprototype: y\n---\nText.\n',
        'docs/_category.md': '---\n__proto__: {title: Evil, icon: constructor}\n---\n',
        'docs/b.md': '# B\n\n!!! constructor "Callout"\n\n    body\n',
      }),
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(kb.articles.find((a) => a.source === 'a.md')!.views, 0);
    assert.deepEqual(
      kb.categories.map((c) => [c.title, c.icon]),
      [
        ['Docs', undefined],
        ['General', undefined],
      ],
    );
    assert.match(kb.articles.find((a) => a.source === 'docs/b.md')!.html, /<div class="alert alert-note">/);
    assert.deepEqual(report(kb), [
      'a.md:3 warning front-matter-unknown: unknown front matter field "__proto__"; ignored it.',
      'a.md:4 warning front-matter-unknown: unknown front matter field "constructor"; ignored it.',
      'a.md:5 warning front-matter-unknown: unknown front matter field "prototype"; ignored it.',
      'docs/_category.md:2 warning front-matter-unknown: unknown front matter field "__proto__"; ignored it.',
    ]);
  });

  it('an explicit id wins over an id made from a path; the warning names both files', async () => {
    const kb = await collectArticles(tempContent({ 'a/b.md': '# Made from the path\n', 'z.md': '---\nid: a-b\n---\n# Written\n' }));
    assert.deepEqual(kb.articles.map((a) => `${a.id} ${a.source}`).sort(), ['a-b z.md', 'a-b-2 a/b.md']);
    assert.deepEqual(report(kb), [
      'a/b.md:- warning duplicate-id: default id (from the path) "a-b" is the id z.md sets in its front matter, which wins; this article got the id "a-b-2". Give one of them another id.',
    ]);
  });
});

describe('raw HTML and URLs in articles', () => {
  it('<noscript><p title="</noscript><img src=x onerror=...>"> comes out safe, with a warning on its line', async () => {
    const kb = await collectArticles(
      tempContent({ 'a.md': '# A\n\nText.\n\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n' }),
    );
    assert.doesNotMatch(kb.articles[0].html, /onerror|<img|noscript/i);
    assert.deepEqual(report(kb), [
      'a.md:5 warning unsafe-html: removed <noscript> from the raw HTML: the bundle never carries what the elements would not show.',
      'a.md:5 warning unsafe-html: removed the title attribute of <p> from the raw HTML: the bundle never carries what the elements would not show.',
    ]);
  });

  it('raw media that would load from outside the bundle lose their URL, with a warning on the line; relative images, other sites and links stay', async () => {
    const kb = await collectArticles(
      tempContent({
        'guide/a.md': [
          '# A',
          '',
          '<img src="/api/secret" alt="s">',
          '',
          '<video src="../../admin/logout" poster="/static/poster.png"><source src="https://cdn.example.com/v.mp4"><track src="../captions.vtt"></video>',
          '',
          '<img src="../shared/logo.png" alt="logo"> <img src="https://cdn.example.com/b.png" alt="b"> <a href="/settings/dns">DNS settings</a> <a href="../../admin">admin</a>',
          '',
        ].join('\n'),
        'shared/logo.png': png(),
      }),
    );
    const { html } = kb.articles[0];
    assert.doesNotMatch(html, /api\/secret|admin\/logout|poster|captions/);
    assert.match(html, /<img alt="s">/);
    assert.match(html, /<source src="https:\/\/cdn\.example\.com\/v\.mp4">/);
    assert.match(html, /<img src="assets\/logo\.[0-9a-f]+\.png" alt="logo">/);
    assert.match(html, /<img src="https:\/\/cdn\.example\.com\/b\.png" alt="b">/);
    assert.match(html, /<a href="\/settings\/dns">DNS settings<\/a>/);
    const outside = (what: string, line: number) =>
      `guide/a.md:${line} warning unsafe-html: removed ${what} (it loads from outside the bundle: media load only from the bundle's own files or from another site) from the raw HTML: the bundle never carries what the elements would not show.`;
    const lines = report(kb);
    for (const expected of [
      outside('the src "/api/secret" of <img>', 3),
      outside('the src "../../admin/logout" of <video>', 5),
      outside('the poster "/static/poster.png" of <video>', 5),
      outside('the src "../captions.vtt" of <track>', 5),
    ]) {
      assert.ok(lines.includes(expected), `${expected}\nin:\n${lines.join('\n')}`);
    }
  });

  it('javascript: hidden behind character references in a Markdown link is dropped with a warning', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '# A\n\n[click](&#106;avascript:alert(1)) [tab](java&Tab;script:alert(1))\n' }));
    assert.doesNotMatch(kb.articles[0].html, /href/);
    assert.deepEqual(report(kb), [
      'a.md:3 warning unsafe-url: link to "&#106;avascript:alert(1)": not a web address the elements follow (only http:, https:, mailto:, tel: and relative ones); the link is shown as text.',
      'a.md:3 warning unsafe-url: link to "java&Tab;script:alert(1)": not a web address the elements follow (only http:, https:, mailto:, tel: and relative ones); the link is shown as text.',
    ]);
  });

  it("ids, names and classes in the elements' kb- namespace: raw ones removed with a warning, headings renamed, links to them follow", async () => {
    const kb = await collectArticles(
      tempContent({
        'a.md':
          '# A\n\n## KB basics\n\n## Feedback {#kb-feedback-q}\n\n<p class="kb-live note" id="kb-label">x</p>\n\nSee [basics](#kb-basics).\n',
      }),
    );
    const { html, headings } = kb.articles[0];
    assert.deepEqual(
      headings.map((h) => h.id),
      ['section-kb-basics', 'feedback'],
    );
    assert.doesNotMatch(html, /(?:id|class)="kb-|\skb-live/);
    assert.match(html, /<a href="#section-kb-basics">basics<\/a>/);
    assert.deepEqual(report(kb), [
      'a.md:5 warning reserved-id: heading id "kb-feedback-q": ids starting with "kb-" belong to the elements\' own parts; gave this heading another id.',
      'a.md:7 warning unsafe-html: removed "kb-live" from the class of <p> (the kb- namespace is the elements\' own) from the raw HTML: the bundle never carries what the elements would not show.',
      'a.md:7 warning unsafe-html: removed id="kb-label" (the kb- namespace is the elements\' own) from the raw HTML: the bundle never carries what the elements would not show.',
    ]);
  });
});
