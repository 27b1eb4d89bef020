/**
 * The browser half of the speed benchmark: a local server with a strict CSP, headless
 * Chromium, our core bundled by esbuild, and measurements taken inside the page.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
// @ts-expect-error: a plain .mjs helper without types
import { findChromium } from '../../scripts/chromium.mjs';
import { keystrokes, percentile, type Dataset } from './datasets';

export interface BrowserResult {
  loadMs: number;
  firstResultMs: number;
  /** The first search after loading (postings decode on first use). */
  firstSearchMs: number;
  longestTaskAsync: number;
  longestTaskSync: number;
  longestTaskVitepressAsync: number;
  longestTaskWorker: number;
  workerLoadMs: number;
  workerRoundTrip: { p50: number; p95: number };
  ours: { p50: number; p95: number; max: number };
  vitepress: { p50: number; p95: number; max: number };
  heapMB: number;
  vitepressHeapMB: number;
}

async function bundle(entry: string): Promise<Buffer> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', minify: true, write: false, target: 'es2022', platform: 'browser' });
  return Buffer.from(out.outputFiles[0]!.contents);
}

const CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'";

async function serve(files: Map<string, { body: Buffer; type: string; gzip?: boolean }>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = files.get((req.url ?? '/').split('?')[0]!);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.type, 'content-security-policy': CSP, 'cache-control': 'no-store' };
    if (file.gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  // `localhost`: the Chromium flags map every other host name to nothing.
  return { server, origin: `http://localhost:${typeof address === 'object' && address ? address.port : 0}` };
}

export async function measureBrowser(sets: Dataset[]): Promise<Map<string, BrowserResult>> {
  const files = new Map<string, { body: Buffer; type: string; gzip?: boolean }>();
  files.set('/', { body: Buffer.from('<!doctype html><title>speed</title>'), type: 'text/html' });
  files.set('/entry.js', { body: await bundle('bench/speed/page-entry.ts'), type: 'text/javascript' });
  files.set('/worker.js', { body: await bundle('bench/speed/worker-entry.ts'), type: 'text/javascript' });
  for (const set of sets) {
    files.set(`/kb-${set.name}.json`, { body: gzipSync(set.bundleJson), type: 'application/json', gzip: true });
    files.set(`/vp-${set.name}.json`, { body: gzipSync(set.vitepressJson), type: 'application/json', gzip: true });
  }
  const { server, origin } = await serve(files);
  const { executablePath, args } = await findChromium();
  const browser = await puppeteer.launch({ executablePath, args: [...args, '--js-flags=--expose-gc', '--enable-precise-memory-info'], headless: true });
  const results = new Map<string, BrowserResult>();
  try {
    for (const set of sets) {
      const fresh = async () => {
        const page = await browser.newPage();
        page.on('pageerror', (e) => console.error('page error:', e));
        await page.goto(`${origin}/`);
        // tsx compiles the functions below with esbuild's name-keeping helper; the page needs it too.
        await page.evaluate('globalThis.__name = (f) => f');
        return page;
      };
      const keys = keystrokes(set.queries);
      let page = await fresh();
      const main = await page.evaluate(async (name: string, keys: string[]) => {
        const w = window as unknown as { gc: () => void; kbKeep?: unknown };
        const longTasks: [number, number][] = [];
        new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration] as [number, number]))).observe({ type: 'longtask' });
        const { KnowledgeBase } = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
        w.gc();
        const heap0 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        await new Promise((r) => setTimeout(r, 50));
        longTasks.length = 0;
        const t0 = performance.now();
        const kb = await KnowledgeBase.load(`/kb-${name}.json`);
        const t1 = performance.now();
        kb.search('list files', { limit: 10 });
        const t2 = performance.now();
        await new Promise((r) => setTimeout(r, 200));
        // Entries arrive late: count only the tasks that started while loading.
        const longestTaskAsync = Math.max(0, ...longTasks.filter(([at]) => at >= t0 && at < t1).map(([, d]) => d));
        const firstSearchMs = t2 - t1;
        const times: number[] = [];
        for (const k of keys) {
          const s = performance.now();
          kb.search(k, { limit: 10 });
          times.push(performance.now() - s);
        }
        w.kbKeep = kb;
        w.gc();
        const heap1 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        return { loadMs: t1 - t0, firstResultMs: t2 - t0, firstSearchMs, longestTaskAsync, times, heapMB: (heap1 - heap0) / 1048576 };
      }, set.name, keys);
      await page.close();

      page = await fresh();
      const sync = await page.evaluate(async (name: string) => {
        const { KnowledgeBase } = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
        const json = await (await fetch(`/kb-${name}.json`)).json();
        const longTasks: [number, number][] = [];
        new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration] as [number, number]))).observe({ type: 'longtask' });
        await new Promise((r) => setTimeout(r, 50));
        const from = performance.now();
        KnowledgeBase.from(json);
        const to = performance.now();
        await new Promise((r) => setTimeout(r, 200));
        return Math.max(0, ...longTasks.filter(([at]) => at >= from && at < to).map(([, d]) => d));
      }, set.name);
      await page.close();

      page = await fresh();
      const vp = await page.evaluate(async (name: string, keys: string[]) => {
        const w = window as unknown as { gc: () => void; vpKeep?: unknown };
        const { MiniSearch } = await import(/* @vite-ignore */ `${location.origin}/entry.js`);
        const options = { fields: ['title', 'titles', 'text'], storeFields: ['title', 'titles'], searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } } };
        w.gc();
        const heap0 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        const longTasks: [number, number][] = [];
        new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration] as [number, number]))).observe({ type: 'longtask' });
        const from = performance.now();
        const text = await (await fetch(`/vp-${name}.json`)).text();
        const ms = await MiniSearch.loadJSONAsync(text, options);
        const to = performance.now();
        await new Promise((r) => setTimeout(r, 200));
        const times: number[] = [];
        for (const k of keys) {
          const s = performance.now();
          ms.search(k);
          times.push(performance.now() - s);
        }
        w.vpKeep = ms;
        w.gc();
        const heap1 = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        return { longest: Math.max(0, ...longTasks.filter(([at]) => at >= from && at < to).map(([, d]) => d)), times, heapMB: (heap1 - heap0) / 1048576 };
      }, set.name, keys);
      await page.close();

      page = await fresh();
      const worker = await page.evaluate(async (name: string, keys: string[]) => {
        const longTasks: [number, number][] = [];
        new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration] as [number, number]))).observe({ type: 'longtask' });
        const w = new Worker('/worker.js', { type: 'module' });
        let next = 0;
        const call = (msg: object) =>
          new Promise<unknown>((resolve) => {
            const id = ++next;
            const on = (e: MessageEvent) => {
              if (e.data.id === id) {
                w.removeEventListener('message', on);
                resolve(e.data);
              }
            };
            w.addEventListener('message', on);
            w.postMessage({ ...msg, id });
          });
        const t0 = performance.now();
        await call({ type: 'load', url: new URL(`/kb-${name}.json`, location.href).href });
        const loadMs = performance.now() - t0;
        await new Promise((r) => setTimeout(r, 200));
        const longest = Math.max(0, ...longTasks.filter(([at]) => at >= t0 && at < t0 + loadMs).map(([, d]) => d));
        const times: number[] = [];
        for (const k of keys.slice(0, 400)) {
          const s = performance.now();
          await call({ type: 'search', query: k });
          times.push(performance.now() - s);
        }
        w.terminate();
        return { loadMs, longest, times };
      }, set.name, keys);
      await page.close();

      const stats = (t: number[]) => ({ p50: percentile(t, 50), p95: percentile(t, 95), max: Math.max(...t) });
      results.set(set.name, {
        loadMs: main.loadMs,
        firstResultMs: main.firstResultMs,
        firstSearchMs: main.firstSearchMs,
        longestTaskAsync: main.longestTaskAsync,
        longestTaskSync: sync,
        longestTaskVitepressAsync: vp.longest,
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
    await browser.close();
    server.close();
  }
  return results;
}
