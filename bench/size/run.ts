/**
 * Size and load budget of the script-tag files, measured on the built dist/ files and in
 * headless Chromium:
 * - gzip size of the single file (kb-elements.js) against 32 KiB, and where its bytes go;
 * - what the page pays for the launcher before help is opened, two ways: the launcher-first
 *   script (kb-launcher.js) and the single file with `data-launcher`: bytes fetched, code
 *   executed (V8 coverage), JS time, and the time from the script tag to a visible button;
 * - the language files, and what an app with a bundler pays (eager and lazy imports);
 * - heap and DOM nodes after opening and closing the panel 200 times;
 * - anchors: the widgets the issue names, as ratios.
 * Run: `node bench/run.mjs size` (after `npm run build`). Writes bench/results/size.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createBundle } from '../../src/build/build-bundle';
// @ts-expect-error: plain ESM script without types
import { describeChromium, findChromium } from '../../scripts/chromium.mjs';
import { measureBundlerApps } from './bundler-app';
import { BEFORE_FILE, distSizes, type RecordedSizes } from './dist-files';
import { attributeBytes } from './source-map-bytes';
import languages from '../../src/elements/locales/languages.json';
import { languageFileName } from '../../src/elements/locales/file-name';

const KIB = 1024;
const BUDGET_SINGLE = 32 * KIB;
const BUDGET_LAUNCHER = 4 * KIB;
const RUNS = 7;
const TOGGLES = 200;
/** Sizes the issue quotes for other widgets (JS, uncompressed as reported; KB = 1000 bytes). */
const ANCHORS = [
  ['DocSearch (JS alone)', 128_000],
  ['Intercom messenger', 344_000],
  ['Zendesk widget, JS on first open', 613_000],
] as const;

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const kib = (n: number) => `${(n / KIB).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dist = (name: string) => join('dist', name);
for (const file of ['kb-elements.js', 'kb-launcher.js']) {
  if (!existsSync(dist(file))) {
    console.error(`dist/${file} is missing: run npm run build first`);
    process.exit(1);
  }
}

// --- a static server for dist/, the demo knowledge base and the bench pages ---

const kbFiles = (await createBundle({ contentDir: 'demo/content' })).files;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const launcherAttrs = 'data-kb-src="/help/kb.json" data-launcher';
const PAGES: Record<string, string> = {
  'launcher-first': `<script src="/dist/kb-launcher.js" ${launcherAttrs}></script>`,
  'single-file': `<script src="/dist/kb-elements.js" ${launcherAttrs}></script>`,
  'single-file-eager': `<script src="/dist/kb-elements.js"></script>`,
  none: '',
};

/** A host page: marks the time before the script tag, then polls frames for a visible button. */
const page = (script: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/bench/t0.js"></script>${script}</head>
<body><main><h1>Host page</h1><p>${'Some host content. '.repeat(40)}</p></main></body></html>`;

const T0 = `window.__t0 = performance.now();
(function check() {
  var b = document.querySelector('kb-launcher') && document.querySelector('kb-launcher').shadowRoot && document.querySelector('kb-launcher').shadowRoot.querySelector('[part=button]');
  if (b && b.getBoundingClientRect().width > 0) { window.__visible = performance.now() - window.__t0; return; }
  requestAnimationFrame(check);
})();`;

function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (body: string | Uint8Array | Buffer, type: string) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (path === '/bench/t0.js') return send(T0, TYPES['.js']!);
    if (path.startsWith('/page/')) return send(page(PAGES[path.slice(6)] ?? ''), TYPES['.html']!);
    if (path.startsWith('/help/')) {
      const file = kbFiles.get(path.slice(6));
      if (file !== undefined) return send(file, TYPES[extname(path)] ?? 'application/octet-stream');
    }
    if (path.startsWith('/dist/')) {
      const file = normalize(join('dist', path.slice(6)));
      if (file.startsWith('dist') && existsSync(file)) return send(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://localhost:${(server.address() as { port: number }).port}` })),
  );
}

// --- measurements in Chromium ---

interface LoadSample {
  jsBytes: number;
  jsFiles: string[];
  visible: number;
  scriptMs: number;
  heap: number;
  executed?: { used: number; usedGzip: number; total: number };
}

async function measureLoad(browser: Browser, origin: string, name: string, coverage: boolean): Promise<LoadSample> {
  const tab = await browser.newPage();
  try {
    const session = await tab.createCDPSession();
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    const fetched = new Map<string, number>();
    session.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) =>
      fetched.set(e.requestId, e.encodedDataLength),
    );
    const urls = new Map<string, string>();
    session.on('Network.responseReceived', (e: { requestId: string; response: { url: string } }) => urls.set(e.requestId, e.response.url));
    if (coverage) await tab.coverage.startJSCoverage({ includeRawScriptCoverage: false });
    await tab.goto(`${origin}/page/${name}`, { waitUntil: 'load' });
    await tab
      .waitForFunction('window.__visible !== undefined || !document.querySelector("kb-launcher") && performance.now() > 300', {
        timeout: 10_000,
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    const visible = (await tab.evaluate('window.__visible')) as number | undefined;
    const metrics = await tab.metrics();
    const { heap } = await gcHeap(tab);
    let executed: LoadSample['executed'];
    if (coverage) {
      const entries = await tab.coverage.stopJSCoverage();
      const own = entries.filter((e) => e.url.includes('/dist/'));
      const usedText = own.map((e) => e.ranges.map((r) => e.text.slice(r.start, r.end)).join('\n')).join('\n');
      executed = { used: usedText.length, usedGzip: gzip(usedText), total: own.reduce((n, e) => n + e.text.length, 0) };
    }
    const js = [...fetched].filter(([id]) => urls.get(id)?.includes('/dist/'));
    return {
      jsBytes: js.reduce((n, [, bytes]) => n + bytes, 0),
      jsFiles: js.map(([id]) => new URL(urls.get(id)!).pathname),
      visible: visible ?? NaN,
      scriptMs: (metrics.ScriptDuration ?? 0) * 1000,
      heap,
      executed,
    };
  } finally {
    await tab.close();
  }
}

async function gcHeap(tab: Page): Promise<{ heap: number; nodes: number; listeners: number }> {
  const session = await tab.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counters = (await session.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

const HELP_SHOWN =
  '!!document.querySelector("kb-launcher")?.shadowRoot?.querySelector("kb-launcher-panel")?.shadowRoot?.querySelector("kb-help")?.shadowRoot?.querySelector("h1")';

/** Milliseconds from `kbElements.open()` to the help center's title on screen, on a fresh page. */
async function measureFirstOpen(browser: Browser, origin: string, name: string): Promise<number> {
  const tab = await browser.newPage();
  try {
    const session = await tab.createCDPSession();
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await tab.goto(`${origin}/page/${name}`, { waitUntil: 'load' });
    await tab.waitForFunction('window.__visible !== undefined');
    await new Promise((r) => setTimeout(r, 100));
    return (await tab.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      window.kbElements.open();
      (function check() { if (${HELP_SHOWN}) resolve(performance.now() - start); else requestAnimationFrame(check); })();
    })`)) as number;
  } finally {
    await tab.close();
  }
}

async function measureToggles(browser: Browser, origin: string) {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${origin}/page/launcher-first`, { waitUntil: 'load' });
    await tab.waitForFunction('window.__visible !== undefined');
    const open = async () => {
      await tab.evaluate('window.kbElements.toggle()');
      await tab.waitForFunction(
        'document.querySelector("kb-launcher").open === false || !!document.querySelector("kb-launcher").shadowRoot.querySelector("kb-launcher-panel")?.shadowRoot?.querySelector("kb-help")?.shadowRoot?.querySelector("h1")',
      );
    };
    await open(); // first open: loads the elements and the bundle
    await open(); // closed
    const before = await gcHeap(tab);
    for (let i = 0; i < TOGGLES; i++) await open();
    const after = await gcHeap(tab);
    for (let i = 0; i < TOGGLES; i++) await open();
    const again = await gcHeap(tab);
    return { before, after, again };
  } finally {
    await tab.close();
  }
}

// --- run ---

const single = readFileSync(dist('kb-elements.js'));
const loader = readFileSync(dist('kb-launcher.js'));
const singleGzip = gzip(single);
const loaderGzip = gzip(loader);
const breakdown = attributeBytes(dist('kb-elements.js'));
const apps = await measureBundlerApps();

const { server, origin } = await serve();
const chromium = await findChromium();
console.log(describeChromium(chromium));
const browser = await puppeteer.launch({ executablePath: chromium.executablePath, args: chromium.args, headless: true });
const samples: Record<string, LoadSample[]> = {};
let toggles: Awaited<ReturnType<typeof measureToggles>>;
const firstOpen: Record<string, number[]> = { 'launcher-first': [], 'single-file': [] };
try {
  for (const name of Object.keys(PAGES)) {
    samples[name] = [];
    for (let i = 0; i < RUNS; i++) samples[name]!.push(await measureLoad(browser, origin, name, i === 0));
  }
  for (const name of Object.keys(firstOpen)) {
    for (let i = 0; i < RUNS; i++) firstOpen[name]!.push(await measureFirstOpen(browser, origin, name));
  }
  toggles = await measureToggles(browser, origin);
} finally {
  await browser.close();
  server.close();
}

const first = (name: string) => samples[name]![0]!;
const med = (name: string, key: 'visible' | 'scriptMs' | 'heap') => median(samples[name]!.map((s) => s[key]));
const baselineHeap = med('none', 'heap');

const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

out('## Size and load budget');
out();
out(
  `Measured on the built files in dist/ and in headless Chromium (${RUNS} loads per page, median; a local server, no network throttling).`,
);
out();
out('### The single script-tag file');
out();
out('| file | raw | gzip | budget | verdict |');
out('|---|---:|---:|---:|---|');
out(
  `| \`kb-elements.js\` (every element, lit, the search engine, dompurify; no marked) | ${kib(single.length)} | ${kib(singleGzip)} | ${kib(BUDGET_SINGLE)} | ${singleGzip <= BUDGET_SINGLE ? 'within budget' : `**over by ${kib(singleGzip - BUDGET_SINGLE)}**`} |`,
);
out(
  `| \`kb-launcher.js\` (launcher button + \`window.kbElements\`) | ${kib(loader.length)} | ${kib(loaderGzip)} | ${kib(BUDGET_LAUNCHER)} | ${loaderGzip <= BUDGET_LAUNCHER ? 'within budget' : `**over by ${kib(loaderGzip - BUDGET_LAUNCHER)}**`} |`,
);
out();
out(
  'Where the bytes of `kb-elements.js` go (minified bytes attributed through the source map; gzip of each group compressed alone, so the parts add up to a little more than the whole):',
);
out();
out('| part | minified | gzip alone | share of minified |');
out('|---|---:|---:|---:|');
const minifiedTotal = breakdown.reduce((n, g) => n + g.bytes, 0);
for (const group of breakdown)
  out(`| ${group.name} | ${kib(group.bytes)} | ${kib(group.gzip)} | ${((group.bytes / minifiedTotal) * 100).toFixed(0)}% |`);
out();
const libGzip = breakdown.filter((g) => g.name === 'lib: lit' || g.name === 'lib: dompurify').reduce((n, g) => n + g.gzip, 0);
out(
  `The two libraries the budget names and we keep, Lit and DOMPurify, take ${kib(libGzip)} gzip on their own, ` +
    `${((libGzip / BUDGET_SINGLE) * 100).toFixed(0)}% of the ${kib(BUDGET_SINGLE)}; our elements, strings and search engine take the rest.`,
);
out();
const before = JSON.parse(readFileSync(BEFORE_FILE, 'utf8')) as RecordedSizes;
const now = distSizes('dist');
out(
  `Every file of dist/, now and at commit ${before.commit} (before issue 14: the lint fixes, the element anatomy with \`@lit/task\` and \`@lit/context\`, the library replacements; chunk names without their hash):`,
);
out();
out('| file | raw before | raw now | gzip before | gzip now | gzip change |');
out('|---|---:|---:|---:|---:|---:|');
for (const name of [...new Set([...Object.keys(before.files), ...Object.keys(now)])].sort()) {
  const [b, n] = [before.files[name], now[name]];
  const change = b && n ? `${n.gzip >= b.gzip ? '+' : ''}${((n.gzip - b.gzip) / KIB).toFixed(2)} KiB` : b ? 'removed' : 'new';
  out(
    `| \`${name}\` | ${b ? kib(b.raw) : '–'} | ${n ? kib(n.raw) : '–'} | ${b ? kib(b.gzip) : '–'} | ${n ? kib(n.gzip) : '–'} | ${change} |`,
  );
}
out();
out('Other languages are separate files, fetched by `kb-elements.js` only when an element shows that language:');
out();
out('| file | raw | gzip |');
out('|---|---:|---:|');
for (const lang of languages) {
  const bytes = readFileSync(dist(languageFileName(lang)));
  out(`| \`${languageFileName(lang)}\` | ${kib(bytes.length)} | ${kib(gzip(bytes))} |`);
}
out();
out('### In an app with a bundler');
out();
out('A one-line app built with Vite 8 in production mode against dist/ (gzip of the chunks it emits):');
out();
out('| import | before help is opened | loaded on first open |');
out('|---|---:|---:|');
out(
  `| \`import { KbHelp } from 'kb-elements'\` (every element, eager) | ${kib(apps.eager.entry)} | ${apps.eager.lazy ? kib(apps.eager.lazy) : '–'} |`,
);
out(`| \`import { open, on } from 'kb-elements/launcher'\` (lazy) | ${kib(apps.lazy.entry)} | ${kib(apps.lazy.lazy)} |`);
out();
out('### What the page pays before help is opened');
out();
out(
  '| page | JS fetched before open | JS executed before open (V8 coverage) | JS time (ScriptDuration) | script tag to visible launcher | JS heap after GC, over the host page alone |',
);
out('|---|---:|---:|---:|---:|---:|');
const row = (label: string, name: string) => {
  const s = first(name);
  const exec = s.executed ? `${kib(s.executed.used)} of ${kib(s.executed.total)} (${kib(s.executed.usedGzip)} gzip)` : '';
  const visible = Number.isNaN(med(name, 'visible')) ? 'n/a' : ms(med(name, 'visible'));
  out(
    `| ${label} | ${kib(s.jsBytes)} (${s.jsFiles.map((f) => f.replace('/dist/', '')).join(', ') || 'none'}) | ${exec} | ${ms(med(name, 'scriptMs'))} | ${visible} | ${kib(med(name, 'heap') - baselineHeap)} |`,
  );
};
row('`kb-launcher.js` with `data-launcher`', 'launcher-first');
row('`kb-elements.js` with `data-launcher`', 'single-file');
row('`kb-elements.js` without launcher (every element defined at load)', 'single-file-eager');
row('host page alone (baseline)', 'none');
out();
out(
  `JS fetched is what Chromium received for dist/ files (served uncompressed here; the gzip sizes are in the table above). ` +
    `The 4 KiB budget for the launcher's initial cost is met by \`kb-launcher.js\`: ${kib(loaderGzip)} gzip on the wire and all the page runs before help is opened. ` +
    `The single file with \`data-launcher\` still downloads and parses all of its ${kib(singleGzip)} gzip, but runs only the launcher part ` +
    `(the bundler wraps every other module in a function called on first use): see "JS executed". ` +
    `Heap differences under about 50 KiB are within the noise of these shared machines.`,
);
out();
out('### The first open');
out();
out(
  'What deferring costs when the user does open help: from `kbElements.open()` to the help center on screen, with no head start from hovering (a cold first click), bundle of the demo knowledge base included.',
);
out();
const kbJson = kbFiles.get('kb.json')!;
out(
  `The demo bundle (\`kb.json\`, its ${kbFiles.size - 1} other files, images and split bodies, load only with the articles that need them) is ${kib(Buffer.byteLength(kbJson))} raw, ${kib(gzip(Buffer.from(kbJson)))} gzip.`,
);
out();
out('| page | first open |');
out('|---|---:|');
out(`| \`kb-launcher.js\` (fetches kb-elements.js and, alongside, the bundle) | ${ms(median(firstOpen['launcher-first']!))} |`);
out(
  `| \`kb-elements.js\` with \`data-launcher\` (runs the deferred code, fetches the bundle) | ${ms(median(firstOpen['single-file']!))} |`,
);
out();
out(`### Opening and closing the panel ${TOGGLES} times`);
out();
out('| | JS heap after GC | DOM nodes | JS event listeners |');
out('|---|---:|---:|---:|');
out(`| after the first open and close | ${kib(toggles.before.heap)} | ${toggles.before.nodes} | ${toggles.before.listeners} |`);
out(`| after ${TOGGLES} more opens and closes | ${kib(toggles.after.heap)} | ${toggles.after.nodes} | ${toggles.after.listeners} |`);
out(`| after ${TOGGLES} more | ${kib(toggles.again.heap)} | ${toggles.again.nodes} | ${toggles.again.listeners} |`);
out();
out(
  `The first ${TOGGLES} cost ${kib(toggles.after.heap - toggles.before.heap)} of heap, the next ${TOGGLES} ${kib(toggles.again.heap - toggles.after.heap)}; ` +
    `DOM nodes and listeners do not change: the panel is made once and hidden, never rebuilt.`,
);
out();
out('### Anchors (from the issue)');
out();
out('| widget | JS | our single file (gzip) is | our launcher before open (gzip) is |');
out('|---|---:|---:|---:|');
for (const [name, bytes] of ANCHORS) {
  out(
    `| ${name} | ${(bytes / 1000).toFixed(0)} KB | ${((singleGzip / bytes) * 100).toFixed(1)}% of it | ${((loaderGzip / bytes) * 100).toFixed(1)}% of it |`,
  );
}
out();
out(
  `The anchors are the sizes the issue quotes, not measured here, and it does not say whether they are compressed. Compared raw, \`kb-elements.js\` (${kib(single.length)}) is ${((single.length / ANCHORS[0][1]) * 100).toFixed(0)}% of DocSearch's JS.`,
);

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/size.md', `${lines.join('\n')}\n`);
console.log('\nwrote bench/results/size.md');
