import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildBundle, createBundle } from '../../src/build/build-bundle';
import { KnowledgeBase, validateBundle } from '../../src/core/index';
import { fixture, png, tempContent, tempDir } from './helpers';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('the bundle', () => {
  it('is valid for core and searchable, with sections pointing at headings', async () => {
    const { bundle } = await createBundle({ contentDir: fixture('basic') });
    validateBundle(JSON.parse(JSON.stringify(bundle)));
    const kb = KnowledgeBase.from(bundle);
    assert.equal(kb.meta.title, 'Fixture Help');
    const hit = kb.search('second heading same text')[0];
    assert.equal(hit.article.id, 'start-welcome');
    assert.equal(hit.section?.id, 'setup-1');
    assert.match((await kb.article('tables-and-code'))!.html, /<table>/);
  });

  it('is byte-identical when built twice', async () => {
    const [a, b] = [tempDir(), tempDir()];
    await buildBundle({ contentDir: fixture('basic'), outDir: a, split: true });
    await buildBundle({ contentDir: fixture('basic'), outDir: b, split: true });
    const files = listFiles(a).sort();
    assert.deepEqual(files, listFiles(b).sort());
    for (const file of files) assert.ok(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file);
  });

  it('keeps bodies inline for small knowledge bases', async () => {
    const { bundle, files } = await createBundle({ contentDir: fixture('basic') });
    assert.ok(bundle.bodies && !bundle.bodyFiles);
    assert.deepEqual(
      [...files.keys()].filter((p) => !p.startsWith('assets/')),
      ['kb.json'],
    );
  });

  it('splits bodies into content-hash files with --split, which core loads', async () => {
    const out = tempDir();
    const { bundle } = await buildBundle({ contentDir: fixture('basic'), outDir: out, split: true });
    assert.ok(bundle.bodyFiles && !bundle.bodies);
    for (const [id, file] of Object.entries(bundle.bodyFiles)) {
      assert.match(file, /^articles\/[\w-]+\.[0-9a-f]{10}\.html$/, id);
      assert.ok(existsSync(join(out, file)), file);
    }
    const kb = KnowledgeBase.from(JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8')), {
      loadBody: async (_id, file) => readFileSync(join(out, file), 'utf8'),
    });
    assert.match((await kb.article('tables-and-code'))!.html, /<table>/);
  });

  it('splits automatically above the size threshold', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`a${i}.md`] = `# Article ${i}\n\n${'Some words that fill the body. '.repeat(300)}\n`;
    const { bundle, stats } = await createBundle({ contentDir: tempContent(files) });
    assert.ok(bundle.bodyFiles);
    assert.equal(stats.bodies.files, 40);
    assert.ok(stats.bundle.raw < stats.bodies.raw);
  });

  it('never carries scripts or event handlers in any HTML', async () => {
    for (const name of ['basic', 'bad']) {
      const { bundle } = await createBundle({ contentDir: fixture(name) });
      const html = [...Object.values(bundle.bodies ?? {}), ...bundle.categories.map((c) => c.introHtml ?? '')].join('\n');
      assert.doesNotMatch(html, /<script|\son\w+\s*=|javascript:/i);
    }
  });

  it('a rebuild removes the body files and assets it no longer needs, and nothing else', async () => {
    const content = tempContent({ 'a.md': '# A\n\nFirst version. ![i](i.png)\n', 'i.png': png('1') });
    const out = tempDir();
    writeFileSync(join(out, 'mine.txt'), 'not the build’s');
    const first = await buildBundle({ contentDir: content, outDir: out, split: true });
    writeFileSync(join(content, 'a.md'), '# A\n\nSecond version. ![i](i.png)\n');
    writeFileSync(join(content, 'i.png'), png('2'));
    const second = await buildBundle({ contentDir: content, outDir: out, split: true });
    const [oldBody, newBody] = [first.bundle.bodyFiles!.a, second.bundle.bodyFiles!.a];
    assert.notEqual(oldBody, newBody);
    assert.ok(!existsSync(join(out, oldBody)) && existsSync(join(out, newBody)));
    assert.deepEqual(listFiles(out).filter((f) => f.startsWith('assets/')).length, 1);
    assert.ok(existsSync(join(out, 'mine.txt')));
  });

  it('reports sizes and counts', async () => {
    const { stats, ok } = await createBundle({ contentDir: fixture('basic') });
    assert.equal(ok, true);
    assert.equal(stats.articles, 5);
    assert.equal(stats.categories, 4);
    assert.ok(stats.bundle.gzip > 0 && stats.bundle.gzip < stats.bundle.raw);
    assert.ok(stats.index.raw > 0 && stats.index.raw < stats.bundle.raw);
    assert.equal(stats.assets.files, 2);
  });

  it('is not ok with errors, nor with warnings when strict', async () => {
    assert.equal((await createBundle({ contentDir: fixture('bad') })).ok, false);
    assert.equal((await createBundle({ contentDir: fixture('basic'), strict: true })).ok, false);
  });

  it('puts a base URL into the metadata', async () => {
    const { bundle } = await createBundle({ contentDir: fixture('basic'), baseUrl: 'https://cdn.example.org/help/' });
    assert.equal(bundle.meta.baseUrl, 'https://cdn.example.org/help/');
  });
});

describe('the baseUrl option (CLI --base-url, the Vite plugin)', () => {
  it('one the elements would refuse is an error, the build is not ok and writes nothing', async () => {
    const out = tempDir();
    const result = await buildBundle({ contentDir: fixture('basic'), outDir: out, baseUrl: 'javascript:alert(1)' });
    assert.equal(result.ok, false);
    assert.equal(result.written, false);
    assert.equal(result.bundle.meta.baseUrl, undefined);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(
      errors.map((d) => [d.file, d.message.split('. ')[0]]),
      [['baseUrl', 'the baseUrl option "javascript:alert(1)" is a javascript: URL (only http: and https:)']],
    );
    assert.ok(!existsSync(join(out, 'kb.json')));
  });

  it('a good one overrides kb.config and is what the elements load from', async () => {
    const { bundle } = await createBundle({
      contentDir: tempContent({ 'kb.config.json': '{ "baseUrl": "/old/" }', 'a.md': '# A\n' }),
      baseUrl: '/static/help/',
    });
    assert.equal(bundle.meta.baseUrl, '/static/help/');
    assert.equal(
      KnowledgeBase.from(bundle, { baseUrl: 'https://panel.example.com/kb/kb.json' }).baseUrl,
      'https://panel.example.com/static/help/',
    );
  });
});

describe('rebuilds in a long-running process', () => {
  it('reuse the conversion of unchanged articles, and give the same bundle as a fresh build', async () => {
    const { BuildCache } = await import('../../src/build/build-cache');
    const content = tempContent({ 'a.md': '# A\n\nSee [B](b.md#part).\n', 'b.md': '# B\n\n## Part\n\nText {{ x }}.\n', 'c.md': '# C\n' });
    const cache = new BuildCache();
    const first = await createBundle({ contentDir: content, cache });
    assert.deepEqual(cache.stats, { converted: 3, reused: 0 });

    writeFileSync(join(content, 'b.md'), '# B renamed\n\n## Part two\n\nText {{ x }}.\n');
    const second = await createBundle({ contentDir: content, cache });
    assert.deepEqual(cache.stats, { converted: 1, reused: 2 });
    const fresh = await createBundle({ contentDir: content });
    assert.equal(second.files.get('kb.json'), fresh.files.get('kb.json'));
    assert.notEqual(second.files.get('kb.json'), first.files.get('kb.json'));
    // The unchanged article's link is checked again against the changed one, and the
    // changed article's own messages are there once.
    assert.deepEqual(
      second.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`),
      ['a.md:3 missing-anchor', 'b.md:5 template-syntax'],
    );
  });
});

describe('an output folder inside the content folder', () => {
  it('is not read as content on the next build', async () => {
    const content = tempContent({ 'a.md': '# A\n\n![i](i.png)\n', 'i.png': png() });
    const out = join(content, 'public', 'help');
    await buildBundle({ contentDir: content, outDir: out, split: true });
    const second = await buildBundle({ contentDir: content, outDir: out, split: true });
    assert.deepEqual(second.diagnostics, []);
  });
});
