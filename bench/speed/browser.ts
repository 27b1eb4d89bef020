/**
 * The browser half of the speed benchmark: a local server with a strict CSP, headless
 * Chromium, our core bundled by esbuild, and measurements taken inside the page.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer, { type Page } from 'puppeteer-core';
// @ts-expect-error: a plain .mjs helper without types
import { describeChromium, findChromium } from '../../scripts/chromium.mjs';
import { VITEPRESS_OPTIONS } from '../relevance/engines';
import { keystrokes, percentile, type Dataset } from './datasets';
import { LOAD_MARKS, longestTask, parseTrace, SEARCH_MARKS, SETTLE_MS, TASK_CATEGORIES } from './trace-tasks';

/** The longest main-thread task of each of several loads (from a Chrome trace, exact below 50 ms too): median and worst. */
export interface LongestTask {
  median: number;
  max: number;
  /** Loads in which the Long Tasks API (the page's own view) saw a task of 50 ms or more. */
  longTaskLoads: number;
  loads: number;
}

/** Median and worst over several fresh pages. */
export interface Spread {
  median: number;
  max: number;
}

export interface BrowserResult {
  /** Medians over the load runs. */
  loadMs: number;
  firstResultMs: number;
  /** The first search after loading (`FIRST_QUERY` at once), median. */
  firstSearchMs: number;
  /** The same, median and worst over the loads, and typed key by key on fresh pages: the slower of the first two keystrokes, and the slowest of all. */
  firstSearch: { atOnce: Spread; firstTwoKeys: Spread; slowestKey: Spread };
  longestTaskAsync: LongestTask;
  longestTaskSync: number;
  longestTaskVitepressAsync: LongestTask;
  /** fetch + reading the body, no parsing: what the browser itself does on the main thread. */
  longestTaskFetchOnly: LongestTask;
  /** The same three with the DevTools Network agent on (puppeteer's default), which keeps and decodes every response body. */
  devtoolsNetwork: { ours: LongestTask; vitepress: LongestTask; fetchOnly: LongestTask };
  longestTaskWorker: number;
  workerLoadMs: number;
  workerRoundTrip: { p50: number; p95: number };
  ours: { p50: number; p95: number; max: number };
  vitepress: { p50: number; p95: number; max: number };
  heapMB: number;
  vitepressHeapMB: number;
}

/** Loads per set and loader, for the medians (the machine is shared and noisy). */
export const LOAD_RUNS = 5;
export const DEVTOOLS_RUNS = 3;

async function bundle(entry: string, minify = true): Promise<Buffer> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify,
    write: false,
    target: 'es2022',
    platform: 'browser',
  });
  return Buffer.from(out.outputFiles[0]!.contents);
}

const CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'";

/** `latencyMs`: each JSON response waits that long first (a network's round trip; the page and scripts do not). */
async function serve(
  files: Map<string, { body: Buffer; type: string; gzip?: boolean }>,
  latencyMs = 0,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = files.get((req.url ?? '/').split('?')[0]!);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.type, 'content-security-policy': CSP, 'cache-control': 'no-store' };
    if (file.gzip) headers['content-encoding'] = 'gzip';
    const send = () => res.writeHead(200, headers).end(file.body);
    if (latencyMs && file.type === 'application/json') setTimeout(send, latencyMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  // `localhost`: the Chromium flags map every other host name to nothing.
  return { server, origin: `http://localhost:${typeof address === 'object' && address ? address.port : 0}` };
}

/** `parts`: ours, the bundle in parts (./bundle-parts, issue 14's alternative to the streaming parser), `/kb-<name>-parts.json`; not in the benchmark's rows. */
export type Loader = 'ours' | 'vitepress' | 'fetchOnly' | 'parts';
export const LOADERS = ['ours', 'vitepress', 'fetchOnly'] as const satisfies Loader[];

export interface Bench {
  /**
   * A fresh page. Puppeteer turns on the DevTools Network agent, which on the page's main
   * thread copies every response body and, once it is complete, decodes it as text for the
   * Network panel (140 ms for the 10k kb.json here): no visitor's browser does that, so the
   * page is measured with it off, unless `devtoolsNetwork`.
   */
  fresh(devtoolsNetwork?: boolean): Promise<Page>;
  close(): Promise<void>;
}

/** Serves the sets' kb.json and VitePress index (gzip), `extra` files (path -> JSON text, gzip) and the page scripts, and starts Chromium. */
export async function openBench(sets: Dataset[], { minify = true, extra = new Map<string, string>(), latencyMs = 0 } = {}): Promise<Bench> {
  const files = new Map<string, { body: Buffer; type: string; gzip?: boolean }>();
  files.set('/', { body: Buffer.from('<!doctype html><title>speed</title>'), type: 'text/html' });
  files.set('/entry.js', { body: await bundle('bench/speed/page-entry.ts', minify), type: 'text/javascript' });
  files.set('/worker.js', { body: await bundle('bench/speed/worker-entry.ts', minify), type: 'text/javascript' });
  for (const set of sets) {
    files.set(`/kb-${set.name}.json`, { body: gzipSync(set.bundleJson), type: 'application/json', gzip: true });
    files.set(`/vp-${set.name}.json`, { body: gzipSync(set.vitepressJson), type: 'application/json', gzip: true });
  }
  for (const [path, text] of extra) files.set(path, { body: gzipSync(text), type: 'application/json', gzip: true });
  const { server, origin } = await serve(files, latencyMs);
  const chromium = await findChromium();
  console.log(describeChromium(chromium));
  const { executablePath, args } = chromium;
  const browser = await puppeteer.launch({
    executablePath,
    args: [...args, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    headless: true,
  });
  return {
    async fresh(devtoolsNetwork = false) {
      const page = await browser.newPage();
      if (!devtoolsNetwork) {
        const client = (page as unknown as { _client?: () => { send: (method: string) => Promise<unknown> } })._client?.();
        if (!client) throw new Error("cannot reach the page's DevTools session to turn the Network agent off");
        await client.send('Network.disable');
      }
      page.on('pageerror', (e) => console.error('page error:', e));
      await page.goto(`${origin}/`);
      // tsx compiles the functions below with esbuild's name-keeping helper; the page needs it too.
      await page.evaluate('globalThis.__name = (f) => f');
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** What a user who opens help and types at once asks first: the whole query, or typed key by key (`l`, `li`, ...). */
export const FIRST_QUERY = 'list files';
/** Between keystrokes when typing it: a fast typist. */
export const KEY_INTERVAL_MS = 80;

/**
 * One load on the page: ours (`KnowledgeBase.load`, then the first search), VitePress's
 * (`fetch` + `text()` + `MiniSearch.loadJSONAsync`) or the bare fetch of kb.json; its time,
 * the longest task (Long Tasks API, 50 ms and up) that overlaps it or the `SETTLE_MS` after it, and then (ours) the
 * first search, between the `SEARCH_MARKS`: `FIRST_QUERY` at once in a task of its own after
 * that window, or with `typed`, key by key from the moment the load resolves, a keystroke
 * every `KEY_INTERVAL_MS` (`keys`: their times).
 */
export async function loadOnce(
  page: Page,
  loader: Loader,
  name: string,
  typed = false,
): Promise<{ loadMs: number; firstSearchMs: number; keys: number[]; longest: number }> {
  return page.evaluate(
    async (
      loader: Loader,
      name: string,
      options: object,
      marks: readonly string[],
      searchMarks: readonly string[],
      settle: number,
      query: string,
      typed: boolean,
      keyInterval: number,
    ) => {
      const m = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
      // Pages share one JavaScript heap in this single-process Chromium: the garbage of the pages before goes first.
      const { gc } = window as unknown as { gc: () => void };
      gc();
      gc();
      const watch = m.watchLongTasks();
      await new Promise((r) => setTimeout(r, 50));
      performance.mark(marks[0]!);
      const t0 = performance.now();
      let kb: { search: (q: string, o: object) => unknown } | undefined;
      if (loader === 'ours') kb = await m.KnowledgeBase.load(`/kb-${name}.json`);
      else if (loader === 'parts') kb = await m.loadInParts(`/kb-${name}-parts.json`);
      else if (loader === 'vitepress') await m.MiniSearch.loadJSONAsync(await (await fetch(`/vp-${name}.json`)).text(), options);
      else await m.fetchOnly(`/kb-${name}.json`);
      const t1 = performance.now();
      performance.mark(marks[1]!);
      const keys: number[] = [];
      const search = async () => {
        if (!kb) return;
        performance.mark(searchMarks[0]!);
        for (const q of typed ? Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)) : [query]) {
          await new Promise((r) => setTimeout(r, typed && keys.length ? keyInterval : 0)); // each search in a task of its own
          const s = performance.now();
          kb.search(q, { limit: 10 });
          keys.push(performance.now() - s);
        }
        performance.mark(searchMarks[1]!);
      };
      // Typed: at once, as the load resolves; at once: after the window the longest task is taken from.
      if (typed) await search();
      const longest = await watch.longest(t0, t1 + settle);
      performance.mark(marks[2]!);
      if (!typed) await search();
      return { loadMs: t1 - t0, firstSearchMs: keys[0] ?? 0, keys, longest };
    },
    loader,
    name,
    VITEPRESS_OPTIONS,
    LOAD_MARKS,
    SEARCH_MARKS,
    SETTLE_MS,
    FIRST_QUERY,
    typed,
    KEY_INTERVAL_MS,
  );
}

export async function measureBrowser(sets: Dataset[]): Promise<Map<string, BrowserResult>> {
  const bench = await openBench(sets);
  const fresh = (devtoolsNetwork = false) => bench.fresh(devtoolsNetwork);
  const results = new Map<string, BrowserResult>();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const summary = (runs: { traced: number; longest: number }[]): LongestTask => ({
    median: median(runs.map((r) => r.traced)),
    max: Math.max(...runs.map((r) => r.traced)),
    longTaskLoads: runs.filter((r) => r.longest > 0).length,
    loads: runs.length,
  });
  /** One load on a fresh page, traced: the longest task from the trace, exact below 50 ms too. */
  const run = async (loader: Loader, name: string, devtoolsNetwork = false) => {
    const page = await fresh(devtoolsNetwork);
    await page.tracing.start({ categories: TASK_CATEGORIES });
    const result = await loadOnce(page, loader, name);
    const trace = await page.tracing.stop();
    await page.close();
    return { ...result, traced: longestTask(parseTrace(trace!)) };
  };
  try {
    for (const set of sets) {
      const runs: Record<(typeof LOADERS)[number], Awaited<ReturnType<typeof run>>[]> = { ours: [], vitepress: [], fetchOnly: [] };
      const devtools: Record<(typeof LOADERS)[number], Awaited<ReturnType<typeof run>>[]> = { ours: [], vitepress: [], fetchOnly: [] };
      // Interleaved, so that the machine's noise falls on all three alike.
      for (let r = 0; r < LOAD_RUNS; r++) for (const loader of LOADERS) runs[loader].push(await run(loader, set.name));
      for (let r = 0; r < DEVTOOLS_RUNS; r++) for (const loader of LOADERS) devtools[loader].push(await run(loader, set.name, true));
      const typed: number[][] = [];
      for (let r = 0; r < LOAD_RUNS; r++) {
        const page = await fresh();
        typed.push((await loadOnce(page, 'ours', set.name, true)).keys);
        await page.close();
      }
      const spread = (values: number[]): Spread => ({ median: median(values), max: Math.max(...values) });

      const keys = keystrokes(set.queries);
      let page = await fresh();
      const main = await page.evaluate(
        async (name: string, keys: string[]) => {
          const w = window as unknown as { gc: () => void; kbKeep?: unknown };
          const { KnowledgeBase } = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
          w.gc();
          w.gc();
          const heap0 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
          const kb = await KnowledgeBase.load(`/kb-${name}.json`);
          kb.search('list files', { limit: 10 });
          await new Promise((r) => setTimeout(r, 50));
          const times: number[] = [];
          for (const k of keys) {
            const s = performance.now();
            kb.search(k, { limit: 10 });
            times.push(performance.now() - s);
          }
          w.kbKeep = kb;
          w.gc();
          const heap1 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
          return { times, heapMB: (heap1 - heap0) / 1048576 };
        },
        set.name,
        keys,
      );
      await page.close();

      // The sync path for comparison: `from` on JSON parsed before, in one task (traced, as the Long Tasks API only sees 50 ms and up).
      page = await fresh();
      const json = await page.evaluateHandle(async (name: string) => (await fetch(`/kb-${name}.json`)).json(), set.name);
      await page.tracing.start({ categories: TASK_CATEGORIES });
      await page.evaluate(
        async (json: unknown, marks: readonly string[]) => {
          const m = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
          await new Promise((r) => setTimeout(r, 50));
          performance.mark(marks[0]!);
          m.KnowledgeBase.from(json);
          performance.mark(marks[1]!);
        },
        json,
        LOAD_MARKS,
      );
      const sync = longestTask(parseTrace((await page.tracing.stop())!));
      await page.close();

      page = await fresh();
      const vp = await page.evaluate(
        async (name: string, keys: string[], options: object) => {
          const w = window as unknown as { gc: () => void; vpKeep?: unknown };
          const { MiniSearch } = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
          w.gc();
          w.gc();
          const heap0 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
          const ms = await MiniSearch.loadJSONAsync(await (await fetch(`/vp-${name}.json`)).text(), options);
          await new Promise((r) => setTimeout(r, 50));
          const times: number[] = [];
          for (const k of keys) {
            const s = performance.now();
            ms.search(k);
            times.push(performance.now() - s);
          }
          w.vpKeep = ms;
          w.gc();
          const heap1 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
          return { times, heapMB: (heap1 - heap0) / 1048576 };
        },
        set.name,
        keys,
        VITEPRESS_OPTIONS,
      );
      await page.close();

      page = await fresh();
      const worker = await page.evaluate(
        async (name: string, keys: string[], settle: number) => {
          const m = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
          const watch = m.watchLongTasks();
          const w = new Worker('/worker.js', { type: 'module' });
          let next = 0;
          const call = (msg: object) =>
            new Promise<unknown>((resolve, reject) => {
              const id = ++next;
              const on = (e: MessageEvent) => {
                if (e.data.id === id) {
                  w.removeEventListener('message', on);
                  if (e.data.error) reject(new Error(`the worker failed: ${e.data.error}`));
                  else resolve(e.data);
                }
              };
              w.addEventListener('message', on);
              w.postMessage({ ...msg, id });
            });
          const t0 = performance.now();
          await call({ type: 'load', url: new URL(`/kb-${name}.json`, location.href).href });
          const loadMs = performance.now() - t0;
          const longest = await watch.longest(t0, t0 + loadMs + settle);
          const times: number[] = [];
          for (const k of keys.slice(0, 400)) {
            const s = performance.now();
            await call({ type: 'search', query: k });
            times.push(performance.now() - s);
          }
          w.terminate();
          return { loadMs, longest, times };
        },
        set.name,
        keys,
        SETTLE_MS,
      );
      await page.close();

      const stats = (t: number[]) => ({ p50: percentile(t, 50), p95: percentile(t, 95), max: Math.max(...t) });
      results.set(set.name, {
        loadMs: median(runs.ours.map((r) => r.loadMs)),
        firstResultMs: median(runs.ours.map((r) => r.loadMs + r.firstSearchMs)),
        firstSearchMs: median(runs.ours.map((r) => r.firstSearchMs)),
        firstSearch: {
          atOnce: spread(runs.ours.map((r) => r.firstSearchMs)),
          firstTwoKeys: spread(typed.map((keys) => Math.max(...keys.slice(0, 2)))),
          slowestKey: spread(typed.map((keys) => Math.max(...keys))),
        },
        longestTaskAsync: summary(runs.ours),
        longestTaskSync: sync,
        longestTaskVitepressAsync: summary(runs.vitepress),
        longestTaskFetchOnly: summary(runs.fetchOnly),
        devtoolsNetwork: { ours: summary(devtools.ours), vitepress: summary(devtools.vitepress), fetchOnly: summary(devtools.fetchOnly) },
        longestTaskWorker: worker.longest,
        workerLoadMs: worker.loadMs,
        workerRoundTrip: stats(worker.times),
        ours: stats(main.times),
        vitepress: stats(vp.times),
        heapMB: main.heapMB,
        vitepressHeapMB: vp.heapMB,
      });
    }
  } finally {
    await bench.close();
  }
  return results;
}
