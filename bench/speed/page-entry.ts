// What the speed benchmark's page loads: our core, MiniSearch for comparison, and the probes.
export { KnowledgeBase } from '../../src/core/index';
export { default as MiniSearch } from 'minisearch';
export { loadInParts } from './bundle-parts';

/**
 * Long tasks (50 ms and up) from now on; `longest(from, to)` is the longest that overlaps
 * [from, to], 0 for none, once `to` has passed and the entries have arrived.
 */
export function watchLongTasks(): { longest: (from: number, to: number) => Promise<number> } {
  const tasks: [number, number][] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  return {
    async longest(from, to) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, to - performance.now()) + 100)); // entries arrive late
      return Math.max(0, ...tasks.filter(([at, d]) => at < to && at + d > from).map(([, d]) => d));
    },
  };
}

/** The browser's own share of loading: fetch the bundle and read its body, with nothing else done. */
export async function fetchOnly(url: string): Promise<void> {
  const reader = (await fetch(url)).body!.getReader();
  while (!(await reader.read()).done);
}
