/**
 * Finds what the long main-thread tasks of one load are made of: records a Chrome trace of
 * one load of the large set (or `1k`) in the benchmark's page, writes it to bench/.out/
 * (open it in DevTools' Performance panel or ui.perfetto.dev) and prints every task of
 * 10 ms or more that overlaps the load, with the trace events and sampled functions inside.
 *
 *   node --import tsx bench/speed/trace.ts [ours|vitepress|fetchOnly] [1k|10k] [--devtools-network]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasets } from './datasets';
import { loadOnce, openBench, type Loader } from './browser';
import { attribute, loadTasks, parseTrace, PROFILE_CATEGORIES, SETTLE_MS } from './trace-tasks';

const args = process.argv.slice(2);
const loader = (args.find((a) => ['ours', 'vitepress', 'fetchOnly'].includes(a)) ?? 'ours') as Loader;
const devtoolsNetwork = args.includes('--devtools-network');
const sets = await datasets();
const set = sets.find((s) => args.includes(s.name)) ?? sets[sets.length - 1]!;
const bench = await openBench([set], { minify: false });
try {
  const page = await bench.fresh(devtoolsNetwork);
  await page.tracing.start({ categories: PROFILE_CATEGORIES });
  const result = await loadOnce(page, loader, set.name);
  const buffer = (await page.tracing.stop())!;
  mkdirSync(join('bench', '.out'), { recursive: true });
  const file = join('bench', '.out', `trace-${loader}-${set.name}${devtoolsNetwork ? '-devtools-network' : ''}.json`);
  writeFileSync(file, buffer);
  const events = parseTrace(buffer);
  const { start, loaded, pid, tid, tasks } = loadTasks(events);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`${loader}, ${set.name} (${set.articles.length} articles), DevTools Network agent ${devtoolsNetwork ? 'on' : 'off'}: load ${ms((loaded - start) / 1000)}; ${tasks.length} tasks up to ${SETTLE_MS} ms after it, the longest ${ms(Math.max(0, ...tasks.map((t) => t.ms)))}; Long Tasks API: ${result.longest ? ms(result.longest) : 'none'}; trace in ${file}`);
  for (const task of tasks.filter((t) => t.ms >= 10)) {
    const inside = attribute(events, pid, tid, task);
    console.log(`\ntask at +${ms(task.at)}: ${ms(task.ms)}`);
    for (const [name, self] of inside.events.filter(([, self]) => self >= 0.5).slice(0, 8)) console.log(`  ${ms(self).padStart(9)}  ${name}`);
    if (inside.functions.length) console.log('  sampled:');
    for (const [frame, share] of inside.functions.slice(0, 8)) console.log(`  ${ms(share).padStart(9)}  ${frame}`);
  }
} finally {
  await bench.close();
}
