/**
 * Content size cannot freeze the page: text extraction, snippets, phrase checks and the
 * category tree stay linear on input made to be slow. The limits are generous (CPU time, on a
 * busy machine); the quadratic versions took seconds to minutes. The budgets themselves are
 * measured in bench/speed ("Hostile content").
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assembleBundle, KnowledgeBase, type Category } from '../../src/core/index';
import { htmlToText, sectionTexts } from '../../src/core/html-text';
import { snippet, type Highlighter } from '../../src/core/search/highlight';
import { termSequence, words } from '../../src/core/text/tokenize';
import { article } from './fixtures';

/** CPU milliseconds `run` takes. */
function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const SIZE = 250 * 1024;
const repeat = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length));

test('a 250 KB article of one repeated word keeps every keystroke fast (the first one too)', () => {
  const text = repeat('spam ');
  const kb = KnowledgeBase.from(
    JSON.parse(
      JSON.stringify(
        assembleBundle({
          meta: { title: 'Hostile', locale: 'en' },
          categories: [],
          articles: [
            article({
              id: 'spam',
              title: 'Spam settings',
              html: `<p>${text}</p>`,
              sections: [{ id: '', heading: '', level: 1, parents: [], text }],
            }),
            article({ id: 'filter', title: 'Filter rules', excerpt: 'The spam filter runs first.' }),
          ],
        }),
      ),
    ),
  );
  kb.search('filter rules'); // the code paths warm, not this article's texts
  for (const query of ['spam filter', '"spam spam"', 'spma']) {
    for (let i = 1; i <= query.length; i++) {
      const typed = query.slice(0, i);
      const ms = cpuMs(() => kb.search(typed, { limit: 10 }));
      assert.ok(ms < 1000, `"${typed}" took ${ms.toFixed(0)} ms`);
    }
  }
  const hit = kb.search('spam')[0]!;
  assert.equal(hit.article.id, 'spam');
  assert.ok(hit.snippet.length < 200 && hit.snippetHtml.startsWith('<mark>spam</mark> <mark>spam</mark>'), hit.snippetHtml.slice(0, 80));
});

test('text extraction is linear on tags, comments and raw-text elements that never end', () => {
  const inputs = [
    '<',
    '<a ',
    '<p ',
    '<a title="',
    '<!--',
    '<script>',
    '<style>',
    '<h2 id="x">',
    '&#',
    '<a b=c ',
    '</',
    '<!',
    '<h2 id="s">spam ',
  ];
  for (const unit of inputs) {
    const html = repeat(unit);
    const ms = cpuMs(() => {
      htmlToText(html);
      sectionTexts(html);
    });
    assert.ok(ms < 1000, `${JSON.stringify(unit)} × ${html.length / unit.length}: ${ms.toFixed(0)} ms`);
  }
});

test('text extraction reads tags the way the browser shows them', () => {
  assert.equal(htmlToText('a <3 b> c'), 'a <3 b> c', 'a "<" before a digit is text');
  assert.equal(htmlToText('<p>one</p><p>two<p>three'), 'one two three');
  assert.equal(htmlToText('keep <b>this</b> <i unclosed and the rest is inside the tag'), 'keep this');
  assert.equal(htmlToText('x<!-- <p>hidden</p> -->y<!-- never closed <p>z</p>'), 'x y');
  assert.equal(htmlToText('x<script>if (a < b) { "</p>" }</script>y<style>p{}</style>z<template><p>t</p></template>w'), 'x y z w');
  assert.equal(htmlToText('x<script>never closed <p>y</p>'), 'x');
  assert.equal(
    htmlToText('&lt;tag&gt; &amp;amp; &#x41;&#66; &constructor; &__proto__; &nbsp;'),
    '<tag> &amp; AB &constructor; &__proto__;',
  );
  const texts = sectionTexts(
    '<p>Intro</p><h2 id=\'a\'>A <b>x</b></h2><p>Body &amp; more</p><h3 class="x" id=b>B</h3>tail<h2 id="a">A2</h2>again<h2>No id</h2>kept',
  );
  assert.deepEqual(
    [...texts],
    [
      ['', 'Intro'],
      ['a', 'Body & more again No id kept'],
      ['b', 'tail'],
    ],
  );
});

/** The snippet window as the first version chose it: for each match, count the different matched words around it. */
function referenceStart(text: string, h: Highlighter, length: number): number {
  const ranges = words(text)
    .filter((w) => h.terms.has(w.term))
    .map((w) => [w.start, w.end, w.term] as const);
  let best = -1;
  let from = 0;
  for (const [start] of ranges) {
    const anchor = Math.max(0, start - Math.floor(length / 5));
    const keys = new Set(ranges.filter(([s, e]) => s >= anchor && e <= anchor + length).map((r) => r[2]));
    if (keys.size > best) {
      best = keys.size;
      from = anchor;
    }
  }
  return from;
}

test('snippets choose the same window as before, in one pass', () => {
  const vocabulary = ['spam', 'filter', 'mail', 'the', 'quarantine', 'threshold', 'domain', 'of', 'score'];
  const h: Highlighter = { terms: new Set(['spam', 'filter', 'score']), unspaced: [] };
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 200; round++) {
    const text = Array.from({ length: 20 + Math.floor(random() * 300) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(
      ' ',
    );
    const expected = referenceStart(text, h, 180);
    const shown = snippet(text, h).text.replace(/^… /, '').replace(/ …$/, '');
    // The window is then moved to the next word start; it must hold the text from there.
    const at = text.indexOf(shown);
    assert.ok(at >= expected && at - expected < 20, `round ${round}: window at ${at}, expected near ${expected}`);
  }
});

test('a snippet of a section with 50,000 matches, or 50,000 words before the first, takes bounded time', () => {
  const h: Highlighter = { terms: new Set(['spam', 'needle']), unspaced: [] };
  const many = repeat('spam ');
  assert.ok(cpuMs(() => snippet(many, h)) < 500);
  const late = `${repeat('hay ')} needle`;
  let result = { text: '', html: '' };
  assert.ok(cpuMs(() => (result = snippet(late, h))) < 1000);
  assert.match(result.html, /<mark>needle<\/mark>$/);
});

test('the category tree is linear in the number of categories, however wide or deep', () => {
  const n = 20_000;
  const wide: Category[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    title: `C ${i}`,
    articleCount: 0,
    totalCount: 0,
    parent: i ? 'c0' : undefined,
  }));
  const deep: Category[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    title: `C ${i}`,
    articleCount: 0,
    totalCount: 0,
    parent: i ? `c${i - 1}` : undefined,
  }));
  for (const categories of [wide, deep]) {
    const kb = KnowledgeBase.from(
      JSON.parse(
        JSON.stringify(
          assembleBundle({
            meta: { title: 't', locale: 'en' },
            categories,
            articles: [article({ id: 'a', title: 'A', category: `c${n - 1}` })],
          }),
        ),
      ),
    );
    let tree: Category[] = [];
    assert.ok(cpuMs(() => (tree = kb.categories())) < 1000);
    assert.equal(tree.length, n);
    assert.ok(cpuMs(() => kb.categoryPath(`c${n - 1}`)) < 1000);
    assert.ok(cpuMs(() => kb.popular(5, 'c0')) < 1000);
  }
});

test("each category's articles, asked for every category, cost one grouping, not a scan each", () => {
  const n = 20_000;
  const categories: Category[] = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, title: `C ${i}`, articleCount: 1, totalCount: 1 }));
  const articles = Array.from({ length: n }, (_, i) =>
    article({ id: `a${i}`, title: `A ${n - i}`, category: `c${i % (n / 2)}`, order: i % 3 }),
  );
  const kb = KnowledgeBase.from(JSON.parse(JSON.stringify(assembleBundle({ meta: { title: 't', locale: 'en' }, categories, articles }))));
  let total = 0;
  assert.ok(cpuMs(() => categories.forEach((c) => (total += kb.articles(c.id).length))) < 1000);
  assert.equal(total, n);
  assert.deepEqual(
    kb.articles('c1').map((a) => a.id),
    ['a1', 'a10001'],
    'in the author order (order 1 before 2), as before',
  );
});

const I18N = '../shared/corpora/tldr-pages-i18n';

test('the phrase check reads a long body in native passes, with the same terms as the tokenizer', () => {
  const samples = [
    'Set the X-Spam-Flag header; run setup.sh for user@example.com on 10.0.0.1.',
    'Grüße aus Köln: Straße, Æsir, ŁÓDŹ, résumé — ΣΊΣΥΦΟΣ σοφός.',
    'البريد العشوائي مُرَشِّح and עִבְרִית text',
    '文件系统 と ファイル、ภาษาไทย mixed with spam',
    "it's O’Brien's e-mail_address.v2 -- --- ...",
    'E[x]tract a [f]ile, g[z]ipped x-[s]pam; a[i] = [x] done, [ab]c[de]f Ä[n]dere [[x]]y',
  ];
  const corpus = existsSync(I18N)
    ? readdirSync(I18N).flatMap((dir) => {
        const common = join(I18N, dir, 'common');
        return existsSync(common)
          ? readdirSync(common)
              .slice(0, 20)
              .map((f) => readFileSync(join(common, f), 'utf8'))
          : [];
      })
    : [];
  for (const text of [...samples, ...corpus])
    assert.equal(
      termSequence(text),
      words(text)
        .map((w) => w.term)
        .join(' '),
      text.slice(0, 60),
    );
  for (const long of [repeat('spam filter '), repeat('a[b]'), repeat('[ab]'), repeat('x-[y]')]) {
    assert.ok(cpuMs(() => termSequence(long)) < 1000);
    assert.ok(cpuMs(() => words(long)) < 1000);
  }
});
