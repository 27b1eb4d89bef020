/**
 * Issue 14's question: can the bundle in parts (./bundle-parts, each part one short
 * `JSON.parse`) replace the streaming parser (src/core/json-sliced.ts)? In Chromium, the large
 * set loaded both ways on fresh pages, interleaved, each load traced: the longest main-thread
 * task (over the load and the settle window after it, as the benchmark's rows; and until
 * `load` resolves), the load, the first search and the first result (load + first search).
 *
 * `--latency=ms`: every JSON response (kb.json, each part) waits that long first, as over a
 * network with that round trip.
 *
 *   node --import tsx bench/speed/parts.ts [runs] [--latency=ms]
 */
import { servedInParts } from './bundle-parts';
import { datasets } from './datasets';
import { loadOnce, openBench, type Loader } from './browser';
import { loadTasks, longestTask, parseTrace, TASK_CATEGORIES } from './trace-tasks';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 9);
const latencyMs = Number(args.find((a) => a.startsWith('--latency='))?.slice(10) ?? 0);
const sets = await datasets();
const set = sets[sets.length - 1]!;
const extra = servedInParts(set.name, set.bundle);
console.log(
  `${set.name}: one kb.json of ${(set.bundleJson.length / 1024).toFixed(0)} KB, or kb.json + ${extra.size - 1} parts; latency ${latencyMs} ms`,
);
const bench = await openBench([set], { extra, latencyMs });
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const results: Record<'ours' | 'parts', { longest: number; loading: number; load: number; search: number; first: number }[]> = {
  ours: [],
  parts: [],
};
try {
  for (let r = 0; r < runs; r++) {
    for (const loader of ['ours', 'parts'] as const satisfies Loader[]) {
      const page = await bench.fresh();
      await page.tracing.start({ categories: TASK_CATEGORIES });
      const result = await loadOnce(page, loader, set.name);
      const events = parseTrace((await page.tracing.stop())!);
      await page.close();
      const { loaded, tasks } = loadTasks(events);
      const loading = Math.max(0, ...tasks.filter((t) => t.start < loaded).map((t) => t.ms));
      results[loader].push({
        longest: longestTask(events),
        loading,
        load: result.loadMs,
        search: result.firstSearchMs,
        first: result.loadMs + result.firstSearchMs,
      });
    }
  }
} finally {
  await bench.close();
}
const f = (v: number[]) =>
  `median ${median(v).toFixed(0)} ms, worst ${Math.max(...v).toFixed(0)} (${v.map((n) => n.toFixed(0)).join('/')})`;
for (const [loader, rs] of Object.entries(results)) {
  console.log(
    `${loader === 'parts' ? 'in parts' : 'one file (json-sliced)'}: longest task ${f(rs.map((r) => r.longest))}; until load resolves ${f(rs.map((r) => r.loading))}; load ${f(rs.map((r) => r.load))}; first search ${f(rs.map((r) => r.search))}; first result ${f(rs.map((r) => r.first))}`,
  );
}
