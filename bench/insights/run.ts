/**
 * Insights benchmark: `kb-elements insights` (read the day files, check every line against the
 * schema, count, write the report) over generated events, at three sizes, to show the time per
 * event stays flat (linear). Baseline in the same run, on the same files: reading them line by
 * line with `JSON.parse` and nothing else, the floor of any report over JSON lines.
 */
import { createReadStream, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createInsightsReport } from '../../src/build/insights/insights-command';

const OUT = join(process.cwd(), 'bench', '.out', 'insights');
const RESULTS = join(process.cwd(), 'bench', 'results', 'insights.md');
const SIZES = [5_000, 50_000, 250_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DAY = 86_400_000;
const NOW = new Date('2026-03-31T12:00:00.000Z');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => n.toLocaleString('en');

/** A month of events in the collector's format: searches (some that find nothing), views, feedback. */
function writeEvents(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const queries = Array.from({ length: 400 }, (_, i) => `query ${i % 97} word${i % 13}`);
  const perDay = Math.ceil(count / 30);
  let written = 0;
  for (let d = 0; d < 30 && written < count; d++) {
    const lines: string[] = [];
    for (let i = 0; i < perDay && written < count; i++, written++) {
      const at = new Date(NOW.getTime() - (d + 1) * DAY + i * 1000).toISOString();
      const base = `"v":1,"time":"${at}","session":"session${(written / 3) | 0}","lang":"en","kbVersion":"e0c817d8cc40","client":"0.1.0","received":"${at}"`;
      const kind = written % 10;
      if (kind < 5)
        lines.push(
          `{${base},"type":"search","query":${JSON.stringify(queries[written % queries.length])},"results":${written % 7 === 0 ? 0 : 5}${written % 3 ? `,"opened":"article-${written % 200}"` : ''}}`,
        );
      else if (kind < 9) lines.push(`{${base},"type":"view","article":"article-${written % 200}"}`);
      else
        lines.push(
          `{${base},"type":"feedback","article":"article-${written % 50}","helpful":${written % 4 !== 0}${written % 4 === 0 ? `,"reason":"It did not say which port (${written % 9})"` : ''}}`,
        );
    }
    writeFileSync(
      join(dir, `kb-events-${new Date(NOW.getTime() - (d + 1) * DAY).toISOString().slice(0, 10)}.jsonl`),
      `${lines.join('\n')}\n`,
    );
  }
}

/** The floor: every line read and parsed, nothing checked or counted. */
async function parseOnly(dir: string): Promise<number> {
  let n = 0;
  for (const name of readdirSync(dir).sort()) {
    for await (const line of createInterface({ input: createReadStream(join(dir, name)), crlfDelay: Infinity })) {
      if (line) {
        JSON.parse(line);
        n++;
      }
    }
  }
  return n;
}

/** Wall times of each run, and CPU times (user + system: what a quiet machine's wall time would be, about). */
async function time(run: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const used = process.cpuUsage();
    await run();
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  return { wall, cpu };
}

const rows: string[] = [];
for (const size of SIZES) {
  const dir = join(OUT, String(size));
  writeEvents(dir, size);
  const since = new Date(NOW.getTime() - 31 * DAY);
  let reportBytes = 0;
  const report = await time(async () => {
    const result = await createInsightsReport({ dataDir: dir, since, until: NOW });
    if (result.stats.events !== size || result.stats.badLines) throw new Error(`read ${result.stats.events} of ${size} events`);
    reportBytes = Buffer.byteLength(result.html);
  });
  const floor = await time(() => parseOnly(dir));
  const ms = median(report.wall);
  const cpu = median(report.cpu);
  const floorCpu = median(floor.cpu);
  const row = `| ${fmt(size)} | ${(ms / 1000).toFixed(2)} s | ${report.wall.map((t) => (t / 1000).toFixed(2)).join(', ')} | ${(cpu / 1000).toFixed(2)} s | ${((cpu * 1000) / size).toFixed(1)} µs | ${(floorCpu / 1000).toFixed(2)} s | ${(cpu / floorCpu).toFixed(1)} | ${fmt(Math.round(reportBytes / 1024))} KiB |`;
  console.log(row);
  rows.push(row);
}
if (!process.env.KEEP) rmSync(OUT, { recursive: true, force: true });

const table = `## Insights report

\`bench/insights/run.ts\`: \`kb-elements insights\` (\`createInsightsReport\`: read the collector's day files, check every line against the event schema, group the searches by normalized query, count, write the HTML report) over a month of generated events (half searches over 400 distinct queries, 40% views, 10% feedback); median of ${RUNS} runs on this machine (${cpus().length} cores, Node ${process.versions.node}; load average ${loadavg()[0]!.toFixed(1)} when the run started). The machine is shared: CPU time (user + system, median) is the steadier figure, and the ratio and the time per event are taken from it. Baseline in the same run, on the same files: reading every line with \`readline\` and \`JSON.parse\` alone, the floor of any report over JSON lines. The time per event stays flat, or falls, as the events grow: the report is linear in their number.

| events | report wall time (median) | runs | report CPU time | CPU per event | read + JSON.parse alone, CPU (baseline) | ratio to baseline | report size |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync(RESULTS, table);
console.log(`\nwrote ${RESULTS}`);
