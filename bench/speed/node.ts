/** The Node half of the speed benchmark. */
import MiniSearch from 'minisearch';
import { KnowledgeBase } from '../../src/core/index';
import { VITEPRESS_OPTIONS } from '../relevance/engines';
import { keystrokes, percentile, type Dataset } from './datasets';

export interface NodeResult {
  loadMs: number;
  firstResultMs: number;
  /** Longest stretch without an event-loop turn while `fromAsync` loads. */
  longestSliceAsync: number;
  vitepressLoadMs: number;
  ours: { p50: number; p95: number; max: number };
  vitepress: { p50: number; p95: number; max: number };
  heapMB: number;
  vitepressHeapMB: number;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

/** Runs `work` while a probe notes the longest gap between event-loop turns. */
async function longestGap(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  await work();
  running = false;
  return longest;
}

/**
 * Per-keystroke time, as CPU time of this process (user + system): on a shared machine the
 * wall clock also counts the time other processes had the CPU.
 */
function latency(search: (q: string) => unknown, keys: string[]) {
  for (const k of keys.slice(0, 200)) search(k); // warm up
  const times = keys.map((k) => {
    const t = process.cpuUsage();
    search(k);
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  });
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

export async function measureNode(set: Dataset): Promise<NodeResult> {
  const keys = keystrokes(set.queries);
  // warm the code paths once, then let that garbage go
  KnowledgeBase.from(JSON.parse(set.bundleJson)).search('warm up');
  await new Promise((resolve) => setTimeout(resolve, 20));
  const h0 = heap();
  const t0 = performance.now();
  const kb = KnowledgeBase.from(JSON.parse(set.bundleJson));
  const t1 = performance.now();
  kb.search('list files', { limit: 10 });
  const t2 = performance.now();
  const heapMB = heap() - h0;
  const ours = latency((q) => kb.search(q, { limit: 10 }), keys);

  const parsed = JSON.parse(set.bundleJson);
  const longestSliceAsync = await longestGap(() => KnowledgeBase.fromAsync(parsed));

  await new Promise((resolve) => setTimeout(resolve, 20));
  const h1 = heap();
  const v0 = performance.now();
  const ms = MiniSearch.loadJSON(set.vitepressJson, VITEPRESS_OPTIONS);
  const vitepressLoadMs = performance.now() - v0;
  const vitepressHeapMB = heap() - h1;
  const vitepress = latency((q) => ms.search(q), keys);
  return { loadMs: t1 - t0, firstResultMs: t2 - t0, longestSliceAsync, vitepressLoadMs, ours, vitepress, heapMB, vitepressHeapMB };
}
