/**
 * Finds what the long main-thread tasks of one load are made of: records a Chrome trace of
 * one load of the large set (or `1k`) in the benchmark's page, writes it to bench/.out/
 * (open it in DevTools' Performance panel or ui.perfetto.dev) and prints every task of
 * 10 ms or more that overlaps the load, with the trace events and sampled functions inside;
 * then (ours) the same for the first search after the load (`FIRST_QUERY` at once, or with
 * `--typed` key by key, each keystroke a task), every task of it listed.
 *
 *   node --import tsx bench/speed/trace.ts [ours|vitepress|fetchOnly] [1k|10k] [--devtools-network] [--typed] [--parts]
 *
 * `ours --parts`: the bundle in parts (./bundle-parts) instead of one kb.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedInParts } from './bundle-parts';
import { datasets } from './datasets';
import { FIRST_QUERY, loadOnce, openBench, type Loader } from './browser';
import { attribute, loadTasks, parseTrace, PROFILE_CATEGORIES, searchTasks, SETTLE_MS, type Task } from './trace-tasks';

const args = process.argv.slice(2);
const loader = (args.find((a) => ['ours', 'vitepress', 'fetchOnly'].includes(a)) ?? 'ours') as Loader;
const devtoolsNetwork = args.includes('--devtools-network');
const typed = args.includes('--typed');
const sets = await datasets();
const set = sets.find((s) => args.includes(s.name)) ?? sets[sets.length - 1]!;
const inParts = args.includes('--parts');
const extra = inParts ? servedInParts(set.name, set.bundle) : undefined;
const bench = await openBench([set], { minify: false, extra });
try {
  const page = await bench.fresh(devtoolsNetwork);
  await page.tracing.start({ categories: PROFILE_CATEGORIES });
  const result = await loadOnce(page, inParts && loader === 'ours' ? 'parts' : loader, set.name, typed);
  const buffer = (await page.tracing.stop())!;
  mkdirSync(join('bench', '.out'), { recursive: true });
  const file = join(
    'bench',
    '.out',
    `trace-${loader}${inParts ? '-parts' : ''}-${set.name}${devtoolsNetwork ? '-devtools-network' : ''}.json`,
  );
  writeFileSync(file, buffer);
  const events = parseTrace(buffer);
  const { start, loaded, pid, tid, tasks } = loadTasks(events);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${loader}, ${set.name} (${set.articles.length} articles), DevTools Network agent ${devtoolsNetwork ? 'on' : 'off'}: load ${ms((loaded - start) / 1000)}; ${tasks.length} tasks up to ${SETTLE_MS} ms after it, the longest ${ms(Math.max(0, ...tasks.map((t) => t.ms)))}; Long Tasks API: ${result.longest ? ms(result.longest) : 'none'}; trace in ${file}`,
  );
  const show = (task: Task, label: string) => {
    const inside = attribute(events, pid, tid, task);
    console.log(`\n${label}: ${ms(task.ms)}`);
    for (const [name, self] of inside.events.filter(([, self]) => self >= 0.5).slice(0, 8))
      console.log(`  ${ms(self).padStart(9)}  ${name}`);
    if (inside.functions.length) console.log('  sampled:');
    for (const [frame, share] of inside.functions.slice(0, 12)) console.log(`  ${ms(share).padStart(9)}  ${frame}`);
  };
  for (const task of tasks.filter((t) => t.ms >= 10)) show(task, `task at +${ms(task.at)}`);
  if (loader === 'ours') {
    const searching = searchTasks(events).filter((t) => t.ms >= 0.5);
    console.log(
      `\nfirst search after the load (${typed ? 'typed key by key' : 'at once'}: ${JSON.stringify(FIRST_QUERY)}): ${result.keys.map(ms).join(', ')} (performance.now); ${searching.length} tasks of 0.5 ms or more`,
    );
    searching.forEach((task, i) => show(task, `search task ${i + 1} at +${ms(task.at)}`));
  }
} finally {
  await bench.close();
}
