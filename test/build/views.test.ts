/**
 * View counts from data: `kb-elements build --views views.json`, kb.config's `views`, the Vite
 * plugin's `views` option; front matter as the fallback; a hostile views.json.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { build, type InlineConfig } from 'vite';
import { buildBundle, createBundle } from '../../src/build/build-bundle';
import { main } from '../../src/build/cli';
import { kbElements } from '../../src/build/vite-plugin';
import { KnowledgeBase } from '../../src/core/knowledge-base';
import { diagnosticsOf, tempContent, tempDir } from './helpers';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const track = (dir: string) => (made.push(dir), dir);

const ARTICLES = {
  'a.md': '---\nviews: 5\n---\n# Alpha\nText.\n',
  'b.md': '---\nviews: 500\n---\n# Beta\nText.\n',
  'c.md': '# Gamma\nText.\n',
};

function content(extra: Record<string, string> = {}): string {
  return track(tempContent({ ...ARTICLES, ...extra }));
}

function viewsFile(data: string): string {
  const path = join(track(tempDir()), 'views.json');
  writeFileSync(path, data);
  return path;
}

const viewsOf = (result: Awaited<ReturnType<typeof createBundle>>) =>
  Object.fromEntries(result.bundle.articles.map((a) => [a.id, a.views]));

describe('views from data', () => {
  it("takes each article's count from the file, front matter where the file has none; popular follows", async () => {
    const result = await createBundle({ contentDir: content(), views: viewsFile('{ "a": 900, "c": 40 }') });
    assert.deepEqual(viewsOf(result), { a: 900, b: 500, c: 40 });
    assert.deepEqual(
      result.diagnostics.filter((d) => d.severity !== 'info'),
      [],
    );
    const kb = KnowledgeBase.from(result.bundle);
    assert.deepEqual(
      kb.popular(3).map((a) => a.id),
      ['a', 'b', 'c'],
    );
  });

  it('ids the bundle lacks are one warning naming them', async () => {
    const path = viewsFile('{ "a": 1, "gone": 3, "renamed-article": 4 }');
    const result = await createBundle({ contentDir: content(), views: path });
    const warning = result.diagnostics.find((d) => d.code === 'views-unknown');
    assert.match(
      warning?.message ?? '',
      /^2 ids are not an article of this knowledge base: "gone", "renamed-article" \(renamed or deleted articles\?\); ignored\.$/,
    );
    assert.equal(warning?.severity, 'warning');
    assert.ok(warning?.file.endsWith('views.json'));
    assert.equal(viewsOf(result).a, 1);
  });

  it('a hostile views.json: each bad count is a warning with its line; no prototype is touched', async () => {
    const path = viewsFile(`{
  "a": 1e300,
  "b": -4,
  "c": 1.5,
  "__proto__": 7,
  "constructor": { "polluted": true },
  "toString": "12",
  "hasOwnProperty": null
}`);
    const result = await createBundle({ contentDir: content(), views: path });
    const file = result.diagnostics.find((d) => d.code === 'views-count')!.file;
    assert.deepEqual(diagnosticsOf(result.diagnostics, file), [
      '- warning views-unknown',
      '2 warning views-count',
      '3 warning views-count',
      '4 warning views-count',
      '6 warning views-count',
      '7 warning views-count',
      '8 warning views-count',
    ]);
    const messages = result.diagnostics.filter((d) => d.code === 'views-count').map((d) => d.message);
    assert.deepEqual(messages, [
      '"a": the count 1e+300 is larger than 1000000000000; ignored it.',
      '"b": the count cannot be negative (got -4); ignored it.',
      '"c": the count must be a whole number (got 1.5); ignored it.',
      '"constructor": the count must be a number (got object); ignored it.',
      '"toString": the count must be a number (got string); ignored it.',
      '"hasOwnProperty": the count must be a number (got null); ignored it.',
    ]);
    assert.match(
      result.diagnostics.find((d) => d.code === 'views-unknown')!.message,
      /^1 id is not an article of this knowledge base: "__proto__"/,
    );
    // Every bad count left the front matter value in place.
    assert.deepEqual(viewsOf(result), { a: 5, b: 500, c: 0 });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(result.ok, 'warnings only');
  });

  it('more bad counts than are worth listing end in one summary', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => `"x${i}": -1`).join(', ');
    const result = await createBundle({ contentDir: content(), views: viewsFile(`{ ${entries} }`) });
    const counts = result.diagnostics.filter((d) => d.code === 'views-count');
    assert.equal(counts.length, 21);
    assert.ok(counts.some((d) => /^10 more entries with a count that is not a whole number/.test(d.message)));
  });

  it('a file that is missing, not JSON, or not an object is an error; front matter is used', async () => {
    const dir = content();
    for (const [data, message] of [
      [undefined, /cannot be read \(ENOENT\)/],
      ['{ "a": 1', /is not valid JSON/],
      ['[["a", 1]]', /must be an object of view counts by article id, like \{ "add-a-domain": 120 \} \(got a list\)/],
      ['null', /\(got null\)/],
      ['42', /\(got number\)/],
    ] as const) {
      const path = data === undefined ? join(track(tempDir()), 'nothing.json') : viewsFile(data);
      const result = await createBundle({ contentDir: dir, views: path });
      const error = result.diagnostics.find((d) => d.code === 'views-file');
      assert.equal(error?.severity, 'error', String(data));
      assert.match(error!.message, message);
      assert.equal(result.ok, false);
      assert.deepEqual(viewsOf(result), { a: 5, b: 500, c: 0 });
    }
  });

  it('kb.config "views" is read inside the content folder only (also through links); --views wins over it', async () => {
    const inside = content({ 'kb.config.json': '{ "views": "data/views.json" }', 'data/views.json': '{ "b": 7 }' });
    assert.equal(viewsOf(await createBundle({ contentDir: inside })).b, 7);
    assert.equal(viewsOf(await createBundle({ contentDir: inside, views: viewsFile('{ "b": 8 }') })).b, 8);

    const secret = viewsFile('{ "b": 123456 }');
    for (const setting of [secret, '../views.json', '../../etc/passwd']) {
      const dir = content({ 'kb.config.json': JSON.stringify({ views: setting }) });
      const result = await createBundle({ contentDir: dir });
      assert.deepEqual(diagnosticsOf(result.diagnostics, 'kb.config.json'), ['- error views-file'], setting);
      assert.match(result.diagnostics.find((d) => d.code === 'views-file')!.message, /points outside the content folder/);
      assert.equal(viewsOf(result).b, 500);
    }
    const linked = content({ 'kb.config.json': '{ "views": "views.json" }' });
    symlinkSync(secret, join(linked, 'views.json'));
    const result = await createBundle({ contentDir: linked });
    assert.match(result.diagnostics.find((d) => d.code === 'views-file')?.message ?? '', /points outside the content folder/);
    assert.equal(viewsOf(result).b, 500);
  });

  it('kb.config "views" never reads what is not content: a hidden file, a file in node_modules', async () => {
    for (const [setting, reason] of [
      ['.env', /\.env is hidden/],
      ['node_modules/pkg/views.json', /it is in node_modules/],
    ] as const) {
      const dir = content({ 'kb.config.json': JSON.stringify({ views: setting }), [setting]: '{ "b": 123456 }' });
      const result = await createBundle({ contentDir: dir });
      assert.deepEqual(diagnosticsOf(result.diagnostics, 'kb.config.json'), ['- error views-file'], setting);
      assert.match(result.diagnostics.find((d) => d.code === 'views-file')!.message, reason);
      assert.equal(viewsOf(result).b, 500);
    }
  });

  it('kb-elements build --views: the written bundle has the counts, and a new content version', async () => {
    const dir = content();
    const out = track(tempDir());
    const io = { out: () => {}, err: () => {} };
    assert.equal(await main(['build', dir, '--out', out, '--quiet'], io), 0);
    const before = JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8'));
    assert.equal(await main(['build', dir, '--out', out, '--quiet', '--views', viewsFile('{ "c": 3210 }')], io), 0);
    const after = JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8'));
    assert.equal(after.articles.find((a: { id: string }) => a.id === 'c').views, 3210);
    assert.match(after.meta.contentVersion, /^[0-9a-f]{12}$/);
    assert.notEqual(after.meta.contentVersion, before.meta.contentVersion);
    // The same input gives the same version.
    await buildBundle({ contentDir: dir, outDir: out });
    assert.equal(JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8')).meta.contentVersion, before.meta.contentVersion);
  });

  it('the Vite plugin\'s "views" option: a path (against root) or the counts; checked', async () => {
    assert.throws(
      () => kbElements({ content: 'c', views: 42 as never }),
      /the "views" option must be the path of a views\.json file, or an object/,
    );
    assert.throws(() => kbElements({ content: 'c', views: [] as never }), /the "views" option/);
    const root = track(tempContent({ 'index.html': '<!doctype html><p>x</p>', 'stats/views.json': '{ "a": 77 }' }));
    const quiet: InlineConfig = { logLevel: 'silent', configFile: false, root };
    for (const views of ['stats/views.json', { a: 77 }]) {
      const outDir = track(tempDir());
      await build({ ...quiet, build: { outDir }, plugins: [kbElements({ content: content(), views })] });
      const bundle = JSON.parse(readFileSync(join(outDir, 'help/kb.json'), 'utf8'));
      assert.equal(bundle.articles.find((a: { id: string }) => a.id === 'a').views, 77, JSON.stringify(views));
    }
  });
});
