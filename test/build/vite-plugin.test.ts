import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { build, createLogger, createServer, type InlineConfig, type ViteDevServer } from 'vite';
import kbElementsDefault, { kbElements } from '../../src/build/vite-plugin';
import { fixture, png, tempContent, tempDir, waitUntil } from './helpers';

function site(): string {
  return tempContent({
    'index.html': '<!doctype html><script type="module" src="./main.js"></script>',
    'main.js':
      "import bundle, { bundleUrl } from 'virtual:kb-elements/bundle';\nconsole.log(bundleUrl, bundle.meta.title, bundle.articles.length);\n",
  });
}

const quiet: InlineConfig = { logLevel: 'silent', configFile: false };

/** Waits until the dev server's watcher watches these files (it starts on a folder asynchronously: an edit before is missed). */
function watched(server: ViteDevServer, ...files: string[]) {
  const watching = (file: string) => server.watcher.getWatched()[dirname(file)]?.includes(basename(file));
  return waitUntil(() => files.every(watching), `the watcher to watch ${files.join(', ')}`);
}

describe('Vite plugin', () => {
  it('is the default export and the named export', () => {
    assert.equal(kbElementsDefault, kbElements);
    assert.throws(() => kbElements({} as never), /"content" option/);
  });

  it('checks the exclude option', () => {
    assert.throws(
      () => kbElements({ content: 'c', exclude: 'drafts/**' as never }),
      /kbElements\(\): the "exclude" option must be a list of glob patterns/,
    );
    assert.throws(() => kbElements({ content: 'c', exclude: [3 as never] }), /kbElements\(\): the "exclude" option: 3 is not a text/);
    assert.throws(
      () => kbElements({ content: 'c', exclude: ['ok/**', '/abs/**'] }),
      /kbElements\(\): the "exclude" option pattern "\/abs\/\*\*" is an absolute path/,
    );
    assert.throws(() => kbElements({ content: 'c', exclude: ['../up'] }), /goes outside the content folder/);
    assert.doesNotThrow(() => kbElements({ content: 'c', exclude: ['drafts/**', 'README.md'] }));
  });

  it("vite build leaves out what exclude matches, added to kb.config's", async () => {
    const content = tempContent({
      'kb.config.yaml': 'exclude: [README.md]\n',
      'README.md': '# Readme\n',
      'a.md': '# A\n',
      'drafts/b.md': '# B\n',
      'drafts/b.png': png(),
    });
    const outDir = tempDir();
    await build({ ...quiet, root: site(), build: { outDir }, plugins: [kbElements({ content, exclude: ['drafts/'] })] });
    const bundle = JSON.parse(readFileSync(join(outDir, 'help/kb.json'), 'utf8'));
    assert.deepEqual(
      bundle.articles.map((a: { id: string }) => a.id),
      ['a'],
    );
    assert.ok(!existsSync(join(outDir, 'help/assets')));
  });

  it("vite dev does not rebuild for excluded files, and follows kb.config's exclude", async () => {
    const content = tempContent({
      'kb.config.json': '{ "exclude": ["notes/**"] }',
      'a.md': '# A\n',
      'notes/n.md': '# Note\n',
      'drafts/d.md': '# Draft\n',
    });
    const logs: string[] = [];
    const customLogger = { ...createLogger('silent'), info: (message: string) => logs.push(message), warn: () => {} };
    const server = await createServer({
      configFile: false,
      customLogger,
      root: site(),
      server: { port: 0, host: '127.0.0.1' },
      plugins: [kbElements({ content, exclude: ['drafts/**'] })],
    });
    await server.listen();
    const titles = async () =>
      ((await (await fetch(new URL('help/kb.json', server.resolvedUrls!.local[0]))).json()).articles as { title: string }[])
        .map((a) => a.title)
        .sort();
    const rebuilds = () => logs.filter((l) => l.includes('changed: rebuilding'));
    const until = (check: () => boolean | Promise<boolean>) => waitUntil(check, 'a rebuild', () => logs.join('\n'));
    const seen = new Set<string>();
    server.watcher.on('all', (_event, file) => seen.add(file));
    try {
      assert.deepEqual(await titles(), ['A']);
      await watched(server, ...['notes/n.md', 'drafts/d.md', 'kb.config.json'].map((file) => join(content, file)));
      writeFileSync(join(content, 'notes/n.md'), '# Note, edited\n');
      writeFileSync(join(content, 'drafts/d.md'), '# Draft, edited\n');
      // The plugin heard each change before this listener did; a rebuild it started would be
      // due 50 ms later, and Node runs timers in the order they fall due: so after this timer.
      await waitUntil(
        () => seen.has(join(content, 'notes/n.md')) && seen.has(join(content, 'drafts/d.md')),
        'the watcher to report both edits',
      );
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(rebuilds(), []);
      writeFileSync(join(content, 'kb.config.json'), '{ "exclude": [] }');
      await until(async () => (await titles()).length === 2);
      assert.deepEqual(await titles(), ['A', 'Note, edited'], 'the option still excludes drafts/');
      assert.match(rebuilds().join('\n'), /kb\.config\.json changed/);
      writeFileSync(join(content, 'notes/n.md'), '# Note, again\n');
      await until(async () => (await titles()).includes('Note, again'));
      assert.deepEqual(await titles(), ['A', 'Note, again']);
      assert.ok(!rebuilds().some((l) => l.includes('drafts')), rebuilds().join('\n'));
    } finally {
      await server.close();
    }
  });

  it('vite build emits the bundle files and the virtual module carries the bundle', async () => {
    const root = site();
    const outDir = tempDir();
    await build({
      ...quiet,
      root,
      build: { outDir, emptyOutDir: true },
      plugins: [kbElements({ content: fixture('basic'), base: 'kb', split: true })],
    });
    const bundle = JSON.parse(readFileSync(join(outDir, 'kb/kb.json'), 'utf8'));
    assert.equal(bundle.meta.title, 'Fixture Help');
    for (const file of Object.values(bundle.bodyFiles as Record<string, string>)) assert.ok(existsSync(join(outDir, 'kb', file)), file);
    assert.equal(readdirSync(join(outDir, 'kb/assets')).length, 2);
    const js = readdirSync(join(outDir, 'assets')).find((f) => f.endsWith('.js'))!;
    const code = readFileSync(join(outDir, 'assets', js), 'utf8');
    assert.match(code, /\/kb\/kb\.json/);
    assert.match(code, /Fixture Help/);
  });

  it('vite build fails on content errors', async () => {
    await assert.rejects(
      build({ ...quiet, root: site(), build: { outDir: tempDir() }, plugins: [kbElements({ content: fixture('bad') })] }),
      /knowledge base has 2 error\(s\)/,
    );
    await assert.rejects(
      build({ ...quiet, root: site(), build: { outDir: tempDir() }, plugins: [kbElements({ content: 'missing-folder' })] }),
      /content folder not found/,
    );
  });

  it('vite dev serves the bundle, rebuilds on change, and the virtual module follows', async () => {
    const content = tempContent({ 'guide/a.md': '# First title\n\nText. ![i](i.png)\n', 'guide/i.png': png() });
    const server = await createServer({
      ...quiet,
      root: site(),
      server: { port: 0, host: '127.0.0.1' },
      plugins: [kbElements({ content })],
    });
    await server.listen();
    try {
      const base = server.resolvedUrls!.local[0];
      const get = async (path: string) => fetch(new URL(path, base));
      const first = await get('help/kb.json');
      assert.equal(first.status, 200);
      assert.match(first.headers.get('content-type')!, /application\/json/);
      const bundle = await first.json();
      assert.equal(bundle.articles[0].title, 'First title');
      const image = bundle.bodies['guide-a'].match(/src="(assets\/[^"]+)"/)[1];
      const served = await get(`help/${image}`);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/png');
      assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
      assert.equal((await server.ssrLoadModule('virtual:kb-elements/bundle')).bundleUrl, '/help/kb.json');

      await watched(server, join(content, 'guide/a.md'));
      writeFileSync(join(content, 'guide/a.md'), '# Second title\n\nText.\n');
      const title = async () => (await (await get('help/kb.json')).json()).articles[0].title;
      await waitUntil(async () => (await title()) === 'Second title', 'the rebuilt bundle');
      const virtual = await server.ssrLoadModule('virtual:kb-elements/bundle');
      assert.equal(virtual.default.articles[0].title, 'Second title');

      // A content error shows in the error overlay instead of reloading the page.
      const sent: { type: string; err?: { message: string; loc?: { line: number } } }[] = [];
      const send = server.ws.send.bind(server.ws);
      server.ws.send = ((payload: (typeof sent)[number]) => {
        sent.push(payload);
        return send(payload as never);
      }) as typeof server.ws.send;
      writeFileSync(join(content, 'guide/a.md'), '---\ntitle: [broken\n---\n# Third\n');
      const overlay = await waitUntil(
        () => sent.find((p) => p.type === 'error'),
        'the error overlay',
        () => JSON.stringify(sent),
      );
      assert.match(overlay.err!.message, /guide\/a\.md:2: error: front matter is not valid YAML/);
      assert.ok(!sent.some((p) => p.type === 'full-reload'));
      // ... and the page keeps the last bundle that built without errors.
      assert.equal((await (await get('help/kb.json')).json()).articles[0].title, 'Second title');
    } finally {
      await server.close();
    }
  });
});
