import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { collectArticles, type CollectResult } from '../../src/build/collect';
import { diagnosticsOf, find, fixture, tempContent } from './helpers';

describe('bad input: a clear report, nothing lost', () => {
  let kb: CollectResult;
  before(async () => {
    kb = await collectArticles(fixture('bad'));
  });
  const bySource = (source: string) => {
    const found = kb.articles.find((a) => a.source === source);
    assert.ok(found, `${source} is in the bundle`);
    return found;
  };

  it('invalid YAML front matter: an error with its line, the article kept with the fields that still read', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'invalid-yaml.md'), ['4 error front-matter-yaml']);
    const article = bySource('invalid-yaml.md');
    assert.equal(article.title, 'Broken front matter');
    assert.equal(article.views, 10);
    assert.match(article.html, /The body is still here/);
  });

  it('a repeated front matter key: a warning on the repeat, the last value wins', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'repeated-key.md'), ['4 warning front-matter-duplicate']);
    assert.match(kb.diagnostics.find((d) => d.file === 'repeated-key.md')!.message, /"title" is repeated \(first on line 2\)/);
    assert.equal(bySource('repeated-key.md').title, 'Second title');
  });

  it('a duplicate id: an error naming both files, and both articles kept', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'topics/same-id-b.md'), ['2 error duplicate-id']);
    assert.match(
      kb.diagnostics.find((d) => d.code === 'duplicate-id')!.message,
      /"same" is already used by topics\/same-id-a\.md; this article got the id "same-2"/,
    );
    assert.equal(bySource('topics/same-id-a.md').id, 'same');
    assert.equal(bySource('topics/same-id-b.md').id, 'same-2');
  });

  it('a missing title: a warning, the title from the file name', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'no-title.md'), ['1 warning missing-title']);
    assert.equal(bySource('no-title.md').title, 'No title');
  });

  it('a file that is not UTF-8: a warning with the line, read as Windows-1252', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'latin1.md'), ['2 warning encoding']);
    const article = bySource('latin1.md');
    assert.equal(article.title, 'Café latin-1');
    assert.match(article.html, /naïve/);
  });

  it('an empty file: a warning, left out', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'empty.md'), ['- warning empty-file']);
    assert.ok(!kb.articles.some((a) => a.source === 'empty.md'));
  });

  it('unknown front matter fields: a warning each, with a likely typo named', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'typo.md'), [
      '3 warning front-matter-unknown',
      '4 warning front-matter-unknown',
      '5 warning front-matter-unknown',
    ]);
    const messages = kb.diagnostics.filter((d) => d.file === 'typo.md').map((d) => d.message);
    assert.match(messages[0], /"tittle" \(did you mean "title"\?\)/);
    assert.match(messages[1], /"veiws" \(did you mean "views"\?\)/);
    assert.doesNotMatch(messages[2], /did you mean/);
  });

  it('template syntax outside code: a warning per place, code left alone', () => {
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'template.md'), ['4 warning template-syntax', '6 warning template-syntax']);
    assert.match(bySource('template.md').html, /Hello \{\{ user\.name \}\}, welcome/);
  });

  it('every Markdown file is in the bundle or in the report', () => {
    const files = [
      'invalid-yaml.md',
      'repeated-key.md',
      'topics/same-id-a.md',
      'topics/same-id-b.md',
      'no-title.md',
      'latin1.md',
      'empty.md',
      'typo.md',
      'template.md',
    ];
    for (const file of files) assert.ok(kb.articles.some((a) => a.source === file) || kb.diagnostics.some((d) => d.file === file), file);
    assert.equal(kb.articles.length, 8);
  });
});

describe('more bad input', () => {
  it('front matter that is not closed is reported and the file read as Markdown', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '---\ntitle: x\n\n# Heading\n\nText.\n' }));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), ['1 error front-matter-unclosed']);
    assert.equal(kb.articles[0].title, 'Heading');
  });

  it('a value with a colon (not YAML, but meant as text) is kept as text', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '---\ntitle: Security: Fail2Ban\nviews: 7\n---\nText.\n' }));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), ['2 error front-matter-yaml']);
    assert.equal(kb.articles[0].title, 'Security: Fail2Ban');
    assert.equal(kb.articles[0].views, 7);
  });

  it('front matter that is a list, not a mapping, is an error and the article is kept', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '---\n- one\n- two\n---\n# A\n' }));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), ['2 error front-matter-yaml']);
    assert.equal(kb.articles[0].title, 'A');
  });

  it('fields of the wrong type are reported with their line and ignored', async () => {
    const kb = await collectArticles(
      tempContent({ 'a.md': '---\ntitle: A\nviews: lots\nupdated: yesterday\ntags: {a: 1}\norder: first\n---\nText.\n' }),
    );
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), [
      '3 warning front-matter-type',
      '4 warning front-matter-type',
      '5 warning front-matter-type',
      '6 warning front-matter-type',
    ]);
    const article = kb.articles[0];
    assert.equal(article.views, 0);
    assert.equal(article.updated, undefined);
    assert.deepEqual(article.tags, []);
  });

  it('an excerpt written with Markdown becomes plain text', async () => {
    const kb = await collectArticles(
      tempContent({ 'a.md': '---\ntitle: A\nexcerpt: Run `setup` **first**, see [B](b.md).\n---\nText.\n' }),
    );
    assert.equal(kb.articles[0].excerpt, 'Run setup first, see B.');
  });

  it('reads views written with thousands separators and dates with times', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '---\ntitle: A\nviews: "4,692"\nupdated: 2026-03-31T10:00:00Z\n---\nText.\n' }));
    assert.equal(kb.articles[0].views, 4692);
    assert.equal(kb.articles[0].updated, '2026-03-31');
  });

  it('a file with only front matter is kept with a warning', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '---\ntitle: Only meta\n---\n' }));
    assert.equal(kb.articles[0].title, 'Only meta');
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), ['3 warning empty-article']);
  });

  it('an id with characters that do not belong in a URL is made into a slug', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '---\nid: My Article!\n---\n# A\n' }));
    assert.equal(kb.articles[0].id, 'my-article');
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), ['2 warning invalid-id']);
  });

  it('an explicit id wins over a default id that happens to be the same', async () => {
    const kb = await collectArticles(tempContent({ 'a/b.md': '# Default\n', 'z.md': '---\nid: a-b\n---\n# Explicit\n' }));
    assert.equal(find(kb.articles, 'a-b').title, 'Explicit');
    assert.equal(find(kb.articles, 'a-b-2').title, 'Default');
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a/b.md'), ['- warning duplicate-id']);
  });

  it('an unknown category override is reported, the folder kept', async () => {
    const kb = await collectArticles(tempContent({ 'billing/a.md': '---\ntitle: A\ncategory: biling\n---\nx\n' }));
    assert.equal(kb.articles[0].category, 'billing');
    assert.match(kb.diagnostics[0].message, /category "biling" does not exist \(did you mean "billing"\?\)/);
  });

  it('file names made of punctuation get ids of their own; hidden folders and files are not content', async () => {
    const kb = await collectArticles(
      tempContent({
        'cmd/$.md': '# $\n',
        'cmd/%.md': '# %\n',
        'cmd/..md': '# .\n',
        '.git/x.md': '# git\n',
        '.DS_Store': 'x',
        'cmd/a_b.md': '# a_b\n',
        'cmd/a-b.md': '# a-b\n',
      }),
    );
    assert.deepEqual(kb.articles.map((a) => `${a.source} ${a.id}`).sort(), [
      'cmd/$.md cmd-u24',
      'cmd/%.md cmd-u25',
      'cmd/..md cmd-u2e',
      'cmd/a-b.md cmd-a-b',
      'cmd/a_b.md cmd-a_b',
    ]);
    assert.deepEqual(kb.diagnostics, []);
  });

  it('Windows line endings: front matter and lines read as usual', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '---\r\ntitle: Windows\r\nveiws: 1\r\n---\r\nText with {{ x }}.\r\n' }));
    assert.equal(kb.articles[0].title, 'Windows');
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), ['3 warning front-matter-unknown', '5 warning template-syntax']);
  });

  it('a binary file named .md is left out with a warning', async () => {
    const kb = await collectArticles(tempContent({ 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d]), 'b.md': '# B\n' }));
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      ['b'],
    );
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'image.md'), ['- warning binary-file']);
  });

  it('UTF-16 files are read, with a warning', async () => {
    const text = '# Hallo\n\nGrüße.\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const kb = await collectArticles(tempContent({ 'a.md': bytes }));
    assert.equal(kb.articles[0].title, 'Hallo');
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'a.md'), ['1 warning encoding']);
  });

  it('a broken config file is an error and the defaults are used', async () => {
    const kb = await collectArticles(tempContent({ 'kb.config.json': '{ "title": "x", }', 'a.md': '# A\n' }));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'kb.config.json'), ['1 error config-syntax']);
    assert.equal(kb.config.title, 'Help Center');
  });

  it('a baseUrl the elements would refuse is an error on its line (YAML and JSON), and the bundle gets none', async () => {
    const bad: [string, RegExp][] = [
      ['javascript:alert(1)', /is a javascript: URL \(only http: and https:\)/],
      ['https://user:secret@cdn.example.com/help/', /holds a user name or password/],
      ['https://cdn.example.com/help/?v=1', /holds "\?" or "#"/],
      ['//cdn.example.com/help/', /starts with "\/\/" \(give the scheme\)/],
      ['../elsewhere/', /has a "\.\." segment/],
    ];
    for (const [baseUrl, reason] of bad) {
      const yaml = await collectArticles(tempContent({ 'kb.config.yaml': `title: Help\n\nbaseUrl: "${baseUrl}"\n`, 'a.md': '# A\n' }));
      assert.deepEqual(diagnosticsOf(yaml.diagnostics, 'kb.config.yaml'), ['3 error config-type'], baseUrl);
      assert.match(
        yaml.diagnostics[0]!.message,
        new RegExp(
          `^setting "baseUrl" ${JSON.stringify(baseUrl).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${reason.source}\\. It must be an http: or https: URL`,
        ),
      );
      assert.equal(yaml.config.baseUrl, undefined);
      const json = await collectArticles(
        tempContent({ 'kb.config.json': `{\n  "title": "Help",\n  "baseUrl": ${JSON.stringify(baseUrl)}\n}\n`, 'a.md': '# A\n' }),
      );
      assert.deepEqual(diagnosticsOf(json.diagnostics, 'kb.config.json'), ['3 error config-type'], baseUrl);
    }
    for (const good of ['https://cdn.example.com/help/', '/static/help', 'assets/']) {
      const kb = await collectArticles(tempContent({ 'kb.config.json': JSON.stringify({ baseUrl: good }), 'a.md': '# A\n' }));
      assert.deepEqual(kb.diagnostics, [], good);
      assert.equal(kb.config.baseUrl, good);
    }
  });

  it('unknown config settings and categories are warned about', async () => {
    const kb = await collectArticles(
      tempContent({ 'kb.config.json': '{ "titel": "x", "categoryOrder": ["billing", "biling2"] }', 'billing/a.md': '# A\n' }),
    );
    assert.deepEqual(
      kb.diagnostics.map((d) => d.message),
      [
        'categoryOrder names "biling2", which is not a category (did you mean "billing"?).',
        'unknown setting "titel" (did you mean "title"?); ignored it.',
      ],
    );
  });
});
