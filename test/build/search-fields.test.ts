import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBundle } from '../../src/build/build-bundle';
import { collectArticles } from '../../src/build/collect';
import { LINK_TEXT_LIMITS } from '../../src/build/link-text';
import { KnowledgeBase } from '../../src/core/index';
import { diagnosticsOf, find, tempContent } from './helpers';

describe('place: where an article sits', () => {
  it('is the category path, root first, then the folder and file name words', async () => {
    const kb = await collectArticles(
      tempContent({
        '02-email/_category.md': '---\ntitle: Email & spam\n---\n',
        '02-email/filters/_category.md': '---\ntitle: Incoming filters\n---\n',
        '02-email/filters/03-spam-rules.md': '# Rules\n',
        'guide/index.md': '# Guide\n',
        'top.md': '# Top\n',
      }),
    );
    assert.equal(find(kb.articles, 'email-filters-spam-rules').place, 'Email & spam Incoming filters email filters spam rules');
    assert.equal(find(kb.articles, 'guide-index').place, 'Guide guide', 'index names its folder');
    assert.equal(find(kb.articles, 'top').place, 'General top');
  });
});

describe('link text: what other articles call an article', () => {
  it('is the text of resolved links to it, most used first, without generic or self links', async () => {
    const kb = await collectArticles(
      tempContent({
        'a.md': '# A\n\nSee [the widget settings](b.md) and [here](b.md), [click here](b.md#x), [again](a.md).\n',
        'c.md': '# C\n\n[Widget settings](b.md), [B](./b), [gone](missing.md).\n',
        'd.md': '# D\n\n[the widget settings page][ref]\n\n[ref]: b.md\n',
        'b.md': '# B\n\n## X\n\nText.\n',
        'docs/_category.md': '---\ntitle: Docs\n---\nStart with [the basics](../b.md).\n',
        'docs/e.md': '# E\n',
      }),
    );
    // Texts are kept by their content words: "the widget settings" and "Widget settings" are one, used twice.
    assert.deepEqual(find(kb.articles, 'b').linkText, ['widget settings', 'basics', 'widget settings page']);
    assert.equal(find(kb.articles, 'a').linkText, undefined, 'a link to itself does not count');
  });

  it('is capped per target, per pair and per source', async () => {
    const files: Record<string, string> = { 'target.md': '# Target\n' };
    for (let i = 0; i < LINK_TEXT_LIMITS.perTarget + 5; i++)
      files[`s${i}.md`] = `# S${i}\n\n[name ${i}](target.md) [common name](target.md)\n`;
    files['many.md'] = `# Many\n\n${Array.from({ length: LINK_TEXT_LIMITS.perPair + 3 }, (_, i) => `[pair ${i}](other.md)`).join(' ')}\n`;
    files['other.md'] = '# Other\n';
    files['flood.md'] =
      `# Flood\n\n${Array.from({ length: LINK_TEXT_LIMITS.perSource + 10 }, (_, i) => `[to ${i}](t/${i}.md)`).join(' ')}\n`;
    for (let i = 0; i < LINK_TEXT_LIMITS.perSource + 10; i++) files[`t/${i}.md`] = `# T${i}\n`;
    const kb = await collectArticles(tempContent(files));
    const texts = find(kb.articles, 'target').linkText!;
    assert.equal(texts.length, LINK_TEXT_LIMITS.perTarget);
    assert.equal(texts[0], 'common name', 'the text most articles use comes first');
    assert.equal(find(kb.articles, 'other').linkText!.length, LINK_TEXT_LIMITS.perPair);
    const flooded = kb.articles.filter((a) => a.id.startsWith('t-') && a.linkText).length;
    assert.equal(flooded, LINK_TEXT_LIMITS.perSource);
  });

  it('keeps a long link text to its first words', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const kb = await collectArticles(tempContent({ 'a.md': `# A\n\n[${long}](b.md)\n`, 'b.md': '# B\n' }));
    assert.equal(find(kb.articles, 'b').linkText![0]!.split(' ').length, LINK_TEXT_LIMITS.words);
  });

  it('lets the search find an article by what others call it', async () => {
    const { bundle } = await createBundle({
      contentDir: tempContent({
        'a.md': '# Setup\n\nFirst read [the firewall rules](b.md).\n',
        'b.md': '# Network requirements\n\nOpen these ports.\n',
        'c.md': '# Ports\n\nWhich ports we use.\n',
      }),
    });
    const kb = KnowledgeBase.from(JSON.parse(JSON.stringify(bundle)));
    // b never says "firewall": only what a calls it finds it.
    assert.deepEqual(
      kb
        .search('firewall rules')
        .map((h) => h.article.id)
        .sort(),
      ['a', 'b'],
    );
    assert.equal('linkText' in bundle.articles[0]!, false, 'not in the metadata');
  });
});

describe('kb.config synonyms', () => {
  it('reach the bundle and the search', async () => {
    const { bundle, diagnostics } = await createBundle({
      contentDir: tempContent({
        'kb.config.yaml': 'synonyms:\n  - [delete, remove, erase]\n  - [sign in, log in, login]\n',
        'a.md': '# Remove a domain\n',
      }),
    });
    assert.deepEqual(
      diagnostics.filter((d) => d.severity !== 'info'),
      [],
    );
    assert.deepEqual(bundle.search.synonyms, [
      ['delete', 'remove', 'erase'],
      ['sign in', 'log in', 'login'],
    ]);
    assert.equal(KnowledgeBase.from(JSON.parse(JSON.stringify(bundle))).search('erase domain')[0]!.article.id, 'a');
  });

  it('bad groups are warnings with their line (YAML), the good ones are kept', async () => {
    const yaml = [
      'title: x',
      'synonyms:',
      '  - [delete, remove]',
      '  - inbox',
      '  - [mailbox, 3, "!!"]',
      '  - [only]',
      `  - [${'a'.repeat(61)}, b]`,
      '  - [one two three four five, b]',
      '  - [Login, login]',
    ].join('\n');
    const kb = await collectArticles(tempContent({ 'kb.config.yaml': yaml, 'a.md': '# A\n' }));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'kb.config.yaml'), [
      '4 warning config-synonyms',
      '5 warning config-synonyms',
      '5 warning config-synonyms',
      '5 warning config-synonyms',
      '6 warning config-synonyms',
      '7 warning config-synonyms',
      '7 warning config-synonyms',
      '8 warning config-synonyms',
      '8 warning config-synonyms',
      '9 warning config-synonyms',
    ]);
    const messages = kb.diagnostics.map((d) => d.message);
    assert.ok(
      messages.includes(
        'setting "synonyms": group 2 ("inbox") should be a list of words or phrases, like [delete, remove, erase]; ignored it.',
      ),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => /group 3, item 2 \(3\) should be a text/.test(m)));
    assert.ok(messages.some((m) => /group 5, item 1 .* should be at most 60 characters long/.test(m)));
    assert.ok(messages.some((m) => /group 6, item 1 .* should be at most 4 words \(has 5\)/.test(m)));
    assert.ok(messages.some((m) => /group 7 \(Login, login\) has fewer than two different words/.test(m)));
    assert.deepEqual(kb.config.synonyms, [['delete', 'remove']]);
  });

  it('bad groups are warnings with their line (JSON); a setting that is not a list is ignored', async () => {
    const json = '{\n  "synonyms": [\n    ["delete", "remove"],\n    ["inbox", 7]\n  ]\n}\n';
    const kb = await collectArticles(tempContent({ 'kb.config.json': json, 'a.md': '# A\n' }));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'kb.config.json'), ['4 warning config-synonyms', '4 warning config-synonyms']);
    assert.deepEqual(kb.config.synonyms, [['delete', 'remove']]);
    const notList = await collectArticles(tempContent({ 'kb.config.yaml': 'synonyms: delete remove\n', 'a.md': '# A\n' }));
    assert.deepEqual(diagnosticsOf(notList.diagnostics, 'kb.config.yaml'), ['1 warning config-synonyms']);
    assert.deepEqual(notList.config.synonyms, []);
  });

  it('a list past the limits is cut, with a warning, without reading the rest', async () => {
    const groups = Array.from({ length: 1005 }, (_, i) => `  - [w${i}, v${i}]`).join('\n');
    const kb = await collectArticles(tempContent({ 'kb.config.yaml': `synonyms:\n${groups}\n`, 'a.md': '# A\n' }));
    assert.deepEqual(diagnosticsOf(kb.diagnostics, 'kb.config.yaml'), ['1 warning config-synonyms']);
    assert.match(kb.diagnostics[0]!.message, /has 1005 groups; only the first 1000 are used/);
    assert.equal(kb.config.synonyms.length, 1000);
  });
});
