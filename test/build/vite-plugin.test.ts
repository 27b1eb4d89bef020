import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build, createServer, type InlineConfig } from 'vite';
import kbElementsDefault, { kbElements } from '../../src/build/vite-plugin';
import { fixture, tempContent, tempDir } from './helpers';

function site(): string {
  return tempContent({
    'index.html': '<!doctype html><script type="module" src="./main.js"></script>',
    'main.js': "import bundle, { bundleUrl } from 'virtual:kb-elements/bundle';\nconsole.log(bundleUrl, bundle.meta.title, bundle.articles.length);\n",
  });
}

const quiet: InlineConfig = { logLevel: 'silent', configFile: false };

describe('Vite plugin', () => {
  it('is the default export and the named export', () => {
    assert.equal(kbElementsDefault, kbElements);
    assert.throws(() => kbElements({} as never), /"content" option/);
  });

  it('vite build emits the bundle files and the virtual module carries the bundle', async () => {
    const root = site();
    const outDir = tempDir();
    await build({ ...quiet, root, build: { outDir, emptyOutDir: true }, plugins: [kbElements({ content: fixture('basic'), base: 'kb', split: true })] });
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
    const content = tempContent({ 'guide/a.md': '# First title\n\nText. ![i](i.png)\n', 'guide/i.png': 'png' });
    const server = await createServer({ ...quiet, root: site(), server: { port: 0, host: '127.0.0.1' }, plugins: [kbElements({ content })] });
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
      assert.equal((await get(`help/${image}`)).status, 200);
      assert.equal((await server.ssrLoadModule('virtual:kb-elements/bundle')).bundleUrl, '/help/kb.json');

      writeFileSync(join(content, 'guide/a.md'), '# Second title\n\nText.\n');
      let title = '';
      for (let i = 0; i < 50 && title !== 'Second title'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        title = (await (await get('help/kb.json')).json()).articles[0].title;
      }
      assert.equal(title, 'Second title');
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
      for (let i = 0; i < 50 && !sent.some((p) => p.type === 'error'); i++) await new Promise((r) => setTimeout(r, 100));
      const overlay = sent.find((p) => p.type === 'error');
      assert.ok(overlay, JSON.stringify(sent));
      assert.match(overlay.err!.message, /guide\/a\.md:2: error: front matter is not valid YAML/);
      assert.ok(!sent.some((p) => p.type === 'full-reload'));
    } finally {
      await server.close();
    }
  });
});
