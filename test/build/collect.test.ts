import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { collectArticles, ContentFolderError, type CollectResult } from '../../src/build/collect';
import { diagnosticsOf, find, fixture, png, tempContent } from './helpers';

describe('collectArticles on a small knowledge base', () => {
  let kb: CollectResult;
  before(async () => {
    kb = await collectArticles(fixture('basic'));
  });

  it('reads kb.config.yaml', () => {
    assert.equal(kb.config.title, 'Fixture Help');
    assert.equal(kb.config.locale, 'en');
    assert.equal(kb.config.rootCategory.title, 'Misc');
  });

  it('makes categories from folders, nested, in the configured order, with counts', () => {
    assert.deepEqual(
      kb.categories.map((c) => [c.id, c.parent, c.articleCount, c.totalCount]),
      [
        ['guides', undefined, 1, 2],
        ['guides-advanced', 'guides', 1, 1],
        ['start', undefined, 2, 2],
        ['general', undefined, 1, 1],
      ],
    );
    const start = find(kb.categories, 'start');
    assert.equal(start.title, 'Start here');
    assert.equal(start.description, 'The first steps.');
    assert.equal(start.icon, 'rocket');
    assert.match(start.introHtml!, /<a href="#kb\/start-welcome">the welcome<\/a>/);
    assert.equal(find(kb.categories, 'general').title, 'Misc');
  });

  it('reads front matter fields', () => {
    const welcome = find(kb.articles, 'start-welcome');
    assert.equal(welcome.title, 'Welcome');
    assert.equal(welcome.views, 1200);
    assert.equal(welcome.updated, '2026-01-15');
    assert.deepEqual(welcome.tags, ['intro', 'start']);
    assert.deepEqual(welcome.context, ['dashboard', '/home/*']);
    assert.deepEqual(welcome.related, ['tables-and-code']);
    assert.equal(welcome.source, '01-start/welcome.md');
    assert.equal(find(kb.articles, 'tables-and-code').order, 1);
  });

  it('takes the title from the first heading and leaves it out of the body', () => {
    const deep = find(kb.articles, 'guides-advanced-deep');
    assert.equal(deep.title, 'Deep article');
    assert.doesNotMatch(deep.html, /<h1/);
    assert.doesNotMatch(find(kb.articles, 'start-welcome').html, /Welcome heading is dropped/);
  });

  it('cuts the first paragraph into an excerpt at a word near 200 characters', () => {
    const excerpt = find(kb.articles, 'start-welcome').excerpt;
    assert.ok(excerpt.length <= 201, excerpt);
    assert.ok(excerpt.endsWith('an…'), excerpt);
    assert.equal(find(kb.articles, 'tables-and-code').excerpt, 'Intro text.');
  });

  it('gives headings unique ids and makes sections with their parent chain', () => {
    const welcome = find(kb.articles, 'start-welcome');
    assert.deepEqual(
      welcome.headings.map((h) => [h.id, h.level]),
      [
        ['getting-around', 2],
        ['setup', 3],
        ['setup-1', 2],
      ],
    );
    assert.deepEqual(
      welcome.sections.map((s) => [s.id, s.heading, s.parents]),
      [
        ['', '', []],
        ['getting-around', 'Getting around', []],
        ['setup', 'Setup', ['Getting around']],
        ['setup-1', 'Setup', []],
      ],
    );
    assert.match(welcome.sections[2].text, /Steps go here/);
    assert.doesNotMatch(welcome.sections[2].text, /<|\*\*/);
  });

  it('sections follow the outermost heading levels an article uses, and honour {#id}', () => {
    const deep = find(kb.articles, 'guides-advanced-deep');
    assert.deepEqual(
      deep.sections.map((s) => [s.id, s.level, s.parents]),
      [
        ['', 1, []],
        ['level-four', 4, []],
        ['custom-five', 5, ['Level four']],
      ],
    );
    assert.match(deep.html, /<h5 id="custom-five">Level five<\/h5>/);
  });

  it('leaves out drafts, and says so', () => {
    assert.ok(!kb.articles.some((a) => a.source === '01-start/draft.md'));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, '01-start/draft.md'), ['- info left-out']);
    assert.ok(!JSON.stringify(kb.articles).includes('Secret draft text'));
  });

  it('moves an article to the category its front matter names', () => {
    assert.equal(find(kb.articles, 'guides-html').category, 'start');
  });

  it('puts root articles in the root category', () => {
    assert.equal(find(kb.articles, 'about').category, 'general');
  });

  it('orders articles by category tree, then order, then title', () => {
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      ['tables-and-code', 'guides-advanced-deep', 'guides-html', 'start-welcome', 'about'],
    );
  });

  it('reports unknown related ids, missing links and anchors with file and line', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, '01-start/welcome.md'), [
      '7 warning unknown-related',
      '16 warning missing-link',
      '17 warning missing-anchor',
    ]);
  });

  it('reports files that are not used, and counts every input file', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'files/unused.txt'), ['- info unused-file']);
    const markdown = [
      'about.md',
      '01-start/welcome.md',
      '01-start/draft.md',
      'guides/tables.md',
      'guides/html.md',
      'guides/advanced/deep.md',
    ];
    for (const file of markdown) {
      assert.ok(kb.articles.some((a) => a.source === file) || kb.diagnostics.some((d) => d.file === file), file);
    }
  });

  it('copies images and attachments under content-hash names and reports missing ones', () => {
    const tables = find(kb.articles, 'tables-and-code');
    assert.match(tables.html, /<img src="assets\/diagram\.[0-9a-f]{10}\.png" alt="Diagram">/);
    assert.match(tables.html, /<a href="assets\/sample\.[0-9a-f]{10}\.txt">sample file<\/a>/);
    assert.deepEqual([...kb.assets.keys()].map((p) => p.replace(/[0-9a-f]{10}/, 'HASH')).sort(), [
      'assets/diagram.HASH.png',
      'assets/sample.HASH.txt',
    ]);
    assert.match(tables.html, /and Missing<\/p>/);
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'guides/tables.md'), ['42 warning link-to-left-out', '44 warning missing-image']);
  });
});

describe('collectArticles on missing or empty content', () => {
  it('throws a clear error for a folder that does not exist', async () => {
    await assert.rejects(
      collectArticles('/no/such/folder'),
      (error: Error) => error instanceof ContentFolderError && /content folder not found: \/no\/such\/folder/.test(error.message),
    );
  });

  it('throws for a file given as the folder', async () => {
    await assert.rejects(collectArticles(fixture('basic/about.md')), /not a folder/);
  });

  it('reports an empty folder as an error', async () => {
    const result = await collectArticles(tempContent());
    assert.equal(result.articles.length, 0);
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.severity} ${d.code}`),
      ['error empty-content'],
    );
  });

  it('reports a folder with only other files as an error, and lists the files', async () => {
    const result = await collectArticles(tempContent({ 'notes.txt': 'x', 'img/a.png': png() }));
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.file} ${d.severity} ${d.code}`).sort(),
      [' error empty-content', 'img/a.png info unused-file', 'notes.txt info unused-file'].sort(),
    );
  });
});

describe('links and images in detail', () => {
  it('resolves every way a link can be written', async () => {
    const kb = await collectArticles(
      tempContent({
        'docs/a.md': [
          '# A',
          '',
          '[![Logo](img/logo.png)](b.md "Go to B") [ref link][b] [spaced](My%20Page.md) [query](b.md?x=1#part-two) [upper](B.MD)',
          '',
          '<p><a class="x" href="b.md#part-two">raw</a> <img alt="gone" src="img/none.png"> <a href="nope.md">raw missing</a></p>',
          '',
          '[b]: ./b "Title"',
        ].join('\n'),
        'docs/b.md': '# B\n\n## Part Two\n',
        'docs/My Page.md': '# Mine\n',
        'docs/img/logo.png': png(),
      }),
    );
    const a = kb.articles.find((x) => x.id === 'docs-a')!;
    assert.match(a.html, /<a href="#kb\/docs-b" title="Go to B"><img src="assets\/logo\.[0-9a-f]{10}\.png" alt="Logo"><\/a>/);
    assert.match(a.html, /<a href="#kb\/docs-b" title="Title">ref link<\/a>/);
    assert.match(a.html, /<a href="#kb\/docs-my-page">spaced<\/a>/);
    assert.match(a.html, /<a href="#kb\/docs-b\/part-two">query<\/a>/);
    assert.match(a.html, /<a href="#kb\/docs-b">upper<\/a>/);
    assert.match(a.html, /<a href="#kb\/docs-b\/part-two" class="x">raw<\/a>/);
    assert.match(a.html, /<img src="img\/none.png" alt="gone">/);
    assert.match(a.html, /<a href="nope.md">raw missing<\/a>/);
    assert.deepEqual(
      kb.diagnostics.map((d) => `${d.line} ${d.code}`),
      ['3 link-case', '5 missing-link', '5 missing-image'],
    );
  });
});

describe('related articles', () => {
  it('keeps existing ids once, drops itself, and says why the others are left out', async () => {
    const kb = await collectArticles(
      tempContent({
        'a.md': '---\nid: a\nrelated: [b, b, a, wip, bb]\n---\n# A\n',
        'b.md': '---\nid: b\n---\n# B\n',
        'wip.md': '---\nid: wip\ndraft: true\n---\n# WIP\n',
      }),
    );
    assert.deepEqual(find(kb.articles, 'a').related, ['b']);
    assert.deepEqual(
      kb.diagnostics.filter((d) => d.code === 'unknown-related').map((d) => d.message),
      ['related article "bb" does not exist (did you mean "b"?); left it out.', 'related article "wip" is draft; left it out.'],
    );
  });
});

describe('languages, root category and file order', () => {
  it('a folder per language: _category.md "lang" applies to the articles below it', async () => {
    const kb = await collectArticles(
      tempContent({
        'kb.config.json': '{ "locale": "en" }',
        'de/_category.md': '---\ntitle: Deutsch\nlang: de\n---\n',
        'de/setup/a.md': '# Einrichtung\n',
        'de/b.md': '---\nlang: de-AT\n---\n# Servus\n',
        'en/c.md': '# English\n',
      }),
    );
    assert.deepEqual(
      kb.articles.map((a) => [a.id, a.lang]),
      [
        ['de-b', 'de-AT'],
        ['de-setup-a', 'de'],
        ['en-c', undefined],
      ],
    );
  });

  it('a root _category.md describes the root category', async () => {
    const kb = await collectArticles(
      tempContent({ '_category.md': '---\ntitle: Basics\nicon: book\n---\nStart *here*.\n', 'a.md': '# A\n', 'x/b.md': '# B\n' }),
    );
    const root = find(kb.categories, 'general');
    assert.equal(root.title, 'Basics');
    assert.equal(root.icon, 'book');
    assert.equal(root.introHtml, '<p>Start <em>here</em>.</p>');
    assert.deepEqual(kb.diagnostics, []);
  });

  it('a root _category.md without root articles is reported as a note', async () => {
    const kb = await collectArticles(tempContent({ '_category.md': '---\ntitle: Basics\n---\n', 'x/b.md': '# B\n' }));
    assert.deepEqual(
      kb.diagnostics.map((d) => `${d.file} ${d.severity}`),
      ['_category.md info'],
    );
  });

  it('an order prefix on a file name sets the order and is not part of the id', async () => {
    const kb = await collectArticles(tempContent({ 'g/02-second.md': '# Second\n', 'g/01-first.md': '# First\n', 'g/zz.md': '# Alpha\n' }));
    assert.deepEqual(
      kb.articles.map((a) => [a.id, a.order]),
      [
        ['g-first', 1],
        ['g-second', 2],
        ['g-zz', undefined],
      ],
    );
  });
});
