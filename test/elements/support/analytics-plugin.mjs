// Server side of the analytics tests: a real collector (createEventCollector, from src/ through
// tsx) on a free port of its own, the host page that points data-kb-analytics at it, and the
// report and the build made from what it stored. Commands for `executeServerCommand`:
//   kb-analytics-start { origin }      -> { id, url }  (url: the collector's origin)
//   kb-analytics-stored { id }         -> { events, requests }  (stored lines; headers of each POST)
//   kb-analytics-report { id, kb }     -> { html, views, built }  (insights report, views.json, a build with it)
//   kb-analytics-stop { id }
// The page: /test/analytics-host.html?collector=<url>&script=kb-launcher|kb-elements
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const load = (path) => tsImport(join(root, path), import.meta.url);

function hostPage(collector, script) {
  const src = script === 'kb-elements' ? '/dist/kb-elements.js' : '/dist/kb-launcher.js';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Host page with analytics</title>
    <script src="/test/elements/pages/csp-recorder.js"></script>
    <script src="/test/elements/pages/embed/host-errors.js"></script>
    <script src="${src}" data-kb-src="/test/fixtures/generated/demo/kb.json" data-launcher data-kb-analytics="${collector}/events"></script>
  </head>
  <body>
    <main><h1>Host page</h1><p>A control panel.</p></main>
  </body>
</html>
`;
}

export function analyticsPlugin() {
  const collectors = new Map();
  let next = 0;
  return {
    name: 'kb-analytics',

    serve(context) {
      if (context.path !== '/test/analytics-host.html') return undefined;
      const collector = context.URL.searchParams.get('collector') ?? '';
      if (!/^http:\/\/localhost:\d+$/.test(collector)) return { body: 'bad collector', type: 'text' };
      const script = context.URL.searchParams.get('script');
      // The strict policy of the other CSP tests, plus the one line analytics needs.
      const csp = `script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' ${collector}`;
      return { body: hostPage(collector, script), type: 'html', headers: { 'Content-Security-Policy': csp } };
    },

    async executeCommand({ command, payload }) {
      if (!command.startsWith('kb-analytics-')) return undefined;
      if (command === 'kb-analytics-start') {
        const { createEventCollector } = await load('src/build/collector/event-collector.ts');
        const { tempDir } = await load('test/build/helpers.ts');
        const dir = tempDir();
        const dataDir = join(dir, 'events');
        const handler = createEventCollector({ dataDir, allowOrigins: [payload.origin] });
        const requests = [];
        const server = createServer((req, res) => {
          if (req.method === 'POST')
            requests.push({
              origin: req.headers.origin ?? null,
              referer: req.headers.referer ?? null,
              cookie: req.headers.cookie ?? null,
              contentType: req.headers['content-type'] ?? null,
            });
          handler(req, res);
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        const id = String(++next);
        collectors.set(id, { server, dir, dataDir, handler, requests });
        return { id, url: `http://localhost:${server.address().port}` };
      }
      const collector = collectors.get(payload.id);
      if (!collector) throw new Error(`no collector ${payload.id}`);
      if (command === 'kb-analytics-stored') {
        await collector.handler.idle();
        const events = readdirSync(collector.dataDir)
          .flatMap((name) => readFileSync(join(collector.dataDir, name), 'utf8').split('\n').filter(Boolean))
          .map((line) => JSON.parse(line));
        return { events, requests: collector.requests };
      }
      if (command === 'kb-analytics-report') {
        const { createInsightsReport } = await load('src/build/insights/insights-command.ts');
        const { buildBundle } = await load('src/build/build-bundle.ts');
        const { KnowledgeBase } = await load('src/core/knowledge-base.ts');
        const kb = KnowledgeBase.from(JSON.parse(readFileSync(join(root, payload.kb), 'utf8')));
        const viewsFile = join(collector.dir, 'views.json');
        const { html, views } = await createInsightsReport({
          dataDir: collector.dataDir,
          since: new Date(Date.now() - 86_400_000),
          kb,
          viewsFile,
        });
        writeFileSync(viewsFile, JSON.stringify(views));
        const outDir = join(collector.dir, 'bundle');
        const result = await buildBundle({ contentDir: join(root, 'demo/content'), outDir, views: viewsFile });
        const built = JSON.parse(readFileSync(join(outDir, 'kb.json'), 'utf8'));
        const builtViews = Object.fromEntries(built.articles.map((a) => [a.id, a.views ?? 0]));
        return {
          html,
          views,
          built: builtViews,
          warnings: result.diagnostics.filter((d) => d.code.startsWith('views')).map((d) => d.message),
        };
      }
      if (command === 'kb-analytics-stop') {
        collectors.delete(payload.id);
        collector.server.closeAllConnections();
        await new Promise((resolve) => collector.server.close(resolve));
        rmSync(collector.dir, { recursive: true, force: true });
        return true;
      }
      throw new Error(`unknown command ${command}`);
    },
  };
}
