import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBundle } from '../../src/build/build-bundle';
import { collectArticles } from '../../src/build/collect';
import type { Diagnostic } from '../../src/build/diagnostics';
import { ExcludeRules } from '../../src/build/exclude';
import { diagnosticsOf, tempContent, tempDir } from './helpers';

/** A help center with the files authors keep next to their articles. */
function content(config: Record<string, string> = {}) {
  return tempContent({
    'README.md': '# About this folder\n\nHow to write articles.\n',
    '_template.md': '# Title\n\nText.\n',
    'guide/_template-faq.md': '# Question\n',
    'guide/_category.md': '---\ntitle: Guide\n---\n',
    'guide/start.md':
      '# Start\n\nSee [the new one](../drafts/new.md#setup), the [readme](../README.md) and ![shot](../drafts/shot.png).\n\n[All drafts](../drafts/)\n',
    'guide/setup.draft.md': '# Setup, not ready\n',
    'drafts/_category.md': '---\ntitle: Drafts\n---\nAll drafts.\n',
    'drafts/new.md': '# New\n\n## Setup\n\n![own](own.png)\n',
    'drafts/own.png': 'own image',
    'drafts/shot.png': 'shot',
    'drafts/deeper/more.md': '# More\n',
    'faq.md': '---\nrelated: [drafts-new]\n---\n# FAQ\n\nText.\n',
    ...config,
  });
}

const messages = (list: Diagnostic[], code: string) =>
  list.filter((d) => d.code === code).map((d) => `${d.file}:${d.line ?? '-'} ${d.message}`);

describe('exclude', () => {
  it("leaves out what kb.config.json excludes: articles, their images, their folders' categories", async () => {
    const root = content({
      'kb.config.json': '{\n  "exclude": [\n    "README.md",\n    "**/_template*.md",\n    "drafts/**",\n    "**/*.draft.md"\n  ]\n}\n',
    });
    const kb = await collectArticles(root);
    assert.deepEqual(
      kb.articles.map((a) => a.source),
      ['faq.md', 'guide/start.md'],
    );
    assert.deepEqual(
      kb.categories.map((c) => c.id),
      ['general', 'guide'],
    );
    assert.deepEqual([...kb.assets.keys()], [], 'images of excluded articles, and excluded images, are not copied');
    assert.deepEqual(messages(kb.diagnostics, 'excluded'), [
      'kb.config.json:3 exclude pattern "README.md" (kb.config.json) left out 1 file(s).',
      'kb.config.json:4 exclude pattern "**/_template*.md" (kb.config.json) left out 2 file(s).',
      'kb.config.json:5 exclude pattern "drafts/**" (kb.config.json) left out 5 file(s).',
      'kb.config.json:6 exclude pattern "**/*.draft.md" (kb.config.json) left out 1 file(s).',
    ]);
    assert.ok(
      kb.diagnostics.every((d) => !d.file.startsWith('drafts/') && d.code !== 'unused-file'),
      JSON.stringify(kb.diagnostics),
    );
  });

  it('reports a link to an excluded article or image like a broken link, saying why', async () => {
    const kb = await collectArticles(content({ 'kb.config.yaml': 'exclude:\n  - README.md\n  - drafts/\n' }));
    assert.deepEqual(messages(kb.diagnostics, 'link-to-excluded'), [
      'guide/start.md:3 image "../drafts/shot.png" (drafts/shot.png) is excluded by "drafts/" (kb.config.yaml); its alt text is shown instead.',
      'guide/start.md:3 link to "../README.md": README.md is excluded by "README.md" (kb.config.yaml), so the link is shown as text.',
      'guide/start.md:3 link to "../drafts/new.md#setup": drafts/new.md is excluded by "drafts/" (kb.config.yaml), so the link is shown as text.',
      'guide/start.md:5 link to "../drafts/": the folder drafts has no category, its files are excluded by "drafts/" (kb.config.yaml); the link is shown as text.',
    ]);
    assert.ok(kb.diagnostics.filter((d) => d.code === 'link-to-excluded').every((d) => d.severity === 'warning'));
    const start = kb.articles.find((a) => a.source === 'guide/start.md')!;
    assert.doesNotMatch(start.html, /<a |<img /);
    assert.deepEqual(messages(kb.diagnostics, 'unknown-related'), [
      'faq.md:2 related article "drafts-new" is excluded by "drafts/" (kb.config.yaml); left it out.',
    ]);
  });

  it("adds the build options' patterns to the config's", async () => {
    const kb = await collectArticles(content({ 'kb.config.yaml': 'exclude: [README.md]\n' }), {
      exclude: ['drafts/**', '_template.md', 'guide/*'],
      excludeOrigin: '--exclude',
    });
    assert.deepEqual(
      kb.articles.map((a) => a.source),
      ['faq.md'],
    );
    assert.deepEqual(
      messages(kb.diagnostics, 'excluded').map((m) => m.replace(/ left out.*/, '')),
      [
        ':- exclude pattern "_template.md" (--exclude)',
        ':- exclude pattern "drafts/**" (--exclude)',
        ':- exclude pattern "guide/*" (--exclude)',
        'kb.config.yaml:1 exclude pattern "README.md" (kb.config.yaml)',
      ],
    );
  });

  it('warns about a pattern that matches nothing, but not one for a folder the build skips anyway', async () => {
    const root = content({
      '.obsidian/app.json': '{}',
      'node_modules/pkg/README.md': '# Pkg\n',
      'kb.config.yaml': 'exclude:\n  - drafs/**\n  - template.md\n  - .obsidian/**\n  - node_modules\n',
    });
    const kb = await collectArticles(root);
    assert.deepEqual(messages(kb.diagnostics, 'exclude-unmatched'), [
      'kb.config.yaml:2 exclude pattern "drafs/**" (kb.config.yaml) matches no file.',
      'kb.config.yaml:3 exclude pattern "template.md" (kb.config.yaml) matches no file (patterns match the whole path from the content folder: "**/template.md" matches it in every folder).',
    ]);
    assert.equal(kb.diagnostics.find((d) => d.code === 'exclude-unmatched')!.severity, 'warning');
    assert.equal(kb.articles.length, 8, 'nothing excluded');
  });

  it('counts a file that two patterns match for both', async () => {
    const kb = await collectArticles(content(), { exclude: ['drafts/**', '**/more.md'] });
    assert.equal(messages(kb.diagnostics, 'exclude-unmatched').length, 0);
  });

  it('says so when the patterns leave no article', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '# A\n', 'b/c.md': '# C\n' }), { exclude: ['**/*.md'] });
    assert.deepEqual(messages(kb.diagnostics, 'empty-content'), [
      ':- no Markdown articles (*.md) in ' + kb.diagnostics.find((d) => d.code === 'empty-content')!.message.split(' in ')[1],
    ]);
    assert.match(messages(kb.diagnostics, 'empty-content')[0], /the exclude patterns left out all 2\)\.$/);
  });

  it('reports a bad exclude setting as an error with the config file, and uses the good patterns', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [
        { 'kb.config.json': '{ "exclude": "drafts/**" }' },
        [
          'kb.config.json:1 error config-type setting "exclude" should be a list of glob patterns, like ["drafts/**"]; nothing is excluded.',
        ],
      ],
      [
        { 'kb.config.yaml': 'exclude:\n  drafts: true\n' },
        [
          'kb.config.yaml:2 error config-type setting "exclude" should be a list of glob patterns, like ["drafts/**", "README.md"]; nothing is excluded.',
        ],
      ],
      [
        { 'kb.config.yaml': 'exclude:\n  - drafts/**\n  - 42\n  - ""\n  - /abs/**\n  - ../up/*.md\n  - "*.{md,txt}"\n' },
        [
          'kb.config.yaml:3 error config-type setting "exclude": item 2 (42) is not a text; patterns are strings. Ignored it.',
          'kb.config.yaml:4 error exclude-pattern exclude pattern "" (kb.config.yaml) is empty; ignored it.',
          'kb.config.yaml:5 error exclude-pattern exclude pattern "/abs/**" (kb.config.yaml) is an absolute path; patterns are relative to the content folder; ignored it.',
          'kb.config.yaml:6 error exclude-pattern exclude pattern "../up/*.md" (kb.config.yaml) goes outside the content folder (".."); patterns are relative to the content folder; ignored it.',
          'kb.config.yaml:7 error exclude-pattern exclude pattern "*.{md,txt}" (kb.config.yaml) has "{", "}": {a,b} alternatives are not supported; write one pattern for each; ignored it.',
        ],
      ],
      [
        { 'kb.config.json': '{\n  "exclude": ["drafts/**",\n    null]\n}' },
        ['kb.config.json:3 error config-type setting "exclude": item 2 (null) is not a text; patterns are strings. Ignored it.'],
      ],
      [
        { 'kb.config.json': '{ "exlude": ["drafts/**"] }' },
        ['kb.config.json:- warning config-unknown unknown setting "exlude" (did you mean "exclude"?); ignored it.'],
      ],
    ];
    for (const [config, expected] of cases) {
      const kb = await collectArticles(content(config));
      const file = Object.keys(config)[0];
      const shown = kb.diagnostics.filter((d) => d.file === file && d.code !== 'excluded' && d.code !== 'exclude-unmatched');
      assert.deepEqual(
        shown.map((d) => `${d.file}:${d.line ?? '-'} ${d.severity} ${d.code} ${d.message}`),
        expected,
        file,
      );
    }
    const good = await collectArticles(content({ 'kb.config.yaml': 'exclude:\n  - drafts/**\n  - 42\n' }));
    assert.ok(!good.articles.some((a) => a.source.startsWith('drafts/')), 'the good pattern still applies');
  });

  it('checks patterns given to the build as options too', async () => {
    const kb = await collectArticles(content(), { exclude: ['/drafts'], excludeOrigin: 'the exclude option' });
    assert.deepEqual(diagnosticsOf(kb.diagnostics, ''), ['- error exclude-pattern']);
    assert.match(
      kb.diagnostics.find((d) => d.code === 'exclude-pattern')!.message,
      /"\/drafts" \(the exclude option\) is an absolute path/,
    );
  });

  it('gives the rules to the caller, who can tell whether a changed file matters', async () => {
    const result = await buildBundle({
      contentDir: content({ 'kb.config.yaml': 'exclude: [drafts]\n' }),
      outDir: tempDir(),
      exclude: ['**/*.draft.md'],
    });
    const rules: ExcludeRules = result.collected.exclude;
    assert.equal(rules.match('drafts/deeper/more.md')?.pattern, 'drafts');
    assert.equal(rules.match('guide/setup.draft.md')?.pattern, '**/*.draft.md');
    assert.equal(rules.match('guide/start.md'), undefined);
    assert.equal(rules.match('drafts-2/a.md'), undefined);
    assert.ok(result.bundle.articles.every((a) => !a.id.startsWith('drafts')));
  });
});
