/**
 * Build benchmark: the content pipeline on real corpora. The scale case is every tldr page
 * (English + Chinese, German, Arabic: over 10,000 articles) built into one knowledge base.
 * Reports build time (with its phases), bundle bytes raw and gzip, and index bytes per 1,000
 * articles. Baselines in the same run, on the same articles: marked alone (the Markdown floor
 * of any build), and the serialized index of MiniSearch and of lunr over the same texts.
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lunr from 'lunr';
import { marked } from 'marked';
import MiniSearch from 'minisearch';
import { buildBundle, createBundle, type BuildResult } from '../../src/build/build-bundle';
import { BuildCache } from '../../src/build/build-cache';
import { collectArticles } from '../../src/build/collect';
import { assembleBundle } from '../../src/core/index';
import { largeArticles } from './large';

const CORPORA = join(process.cwd(), '..', 'shared', 'corpora');
const OUT = join(process.cwd(), 'bench', '.out', 'build');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
const bytes = (n: number) => (n >= 1024 * 1024 ? mb(n) : kb(n));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gzip = (text: string) => gzipSync(Buffer.from(text)).byteLength;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One folder holding the tldr page sets side by side: hard links where the file system allows
 * (nothing copied), copies elsewhere. Not symbolic links: the build follows those only inside
 * the content folder.
 */
function tldrAll(): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-bench-tldr-'));
  const place = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) place(join(from, entry.name), join(to, entry.name));
      else {
        try {
          linkSync(join(from, entry.name), join(to, entry.name));
        } catch {
          copyFileSync(join(from, entry.name), join(to, entry.name));
        }
      }
    }
  };
  place(join(CORPORA, 'tldr-pages-en/pages'), join(root, 'en'));
  for (const lang of ['zh', 'de', 'ar']) place(join(CORPORA, `tldr-pages-i18n/pages.${lang}`), join(root, lang));
  return root;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

interface Row {
  name: string;
  articles: number;
  result: BuildResult;
  times: number[];
  /** CPU time (user + system) of each run: what a quiet machine's wall time would be, about. */
  cpu: number[];
  phases: { collect: number; assemble: number; serialize: number };
}

async function measure(name: string, contentDir: string, runs: number): Promise<Row> {
  const times: number[] = [];
  const cpu: number[] = [];
  let result: BuildResult | undefined;
  for (let i = 0; i < runs; i++) {
    const outDir = join(OUT, name);
    rmSync(outDir, { recursive: true, force: true });
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    result = await buildBundle({ contentDir, outDir });
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  // Phases, once more, by hand: read + Markdown, index + bundle object, JSON + gzip sizes.
  (globalThis as { gc?: () => void }).gc?.();
  let t = performance.now();
  const collected = await collectArticles(contentDir);
  const collect = performance.now() - t;
  t = performance.now();
  const bundle = assembleBundle({
    meta: { title: 'x', locale: 'en' },
    categories: collected.categories,
    articles: collected.articles,
    split: 'auto',
  });
  const assemble = performance.now() - t;
  t = performance.now();
  gzip(JSON.stringify(bundle));
  const serialize = performance.now() - t;
  return { name, articles: result!.stats.articles, result: result!, times, cpu, phases: { collect, assemble, serialize } };
}

/** Watch mode and Vite dev: a rebuild after one article changed, with the conversion cache. */
async function rebuildTime(contentDir: string): Promise<number> {
  const cache = new BuildCache();
  await createBundle({ contentDir, cache });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await createBundle({ contentDir, cache });
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Baselines on the same articles: marked alone, and the index sizes of MiniSearch and lunr. */
async function baselines(contentDir: string, row: Row) {
  const files = markdownFiles(contentDir);
  let t = performance.now();
  for (const file of files) marked.parse(readFileSync(file, 'utf8'), { async: false });
  const markedOnly = performance.now() - t;

  const docs = row.result.collected.articles.map((a, i) => ({
    id: String(i),
    title: a.title,
    text: a.sections.map((s) => `${s.heading} ${s.text}`).join(' '),
  }));
  t = performance.now();
  const mini = new MiniSearch({ fields: ['title', 'text'] });
  mini.addAll(docs);
  const miniJson = JSON.stringify(mini);
  const miniTime = performance.now() - t;
  t = performance.now();
  const lunrIndex = lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('text');
    for (const doc of docs) this.add(doc);
  });
  const lunrJson = JSON.stringify(lunrIndex);
  const lunrTime = performance.now() - t;
  return {
    markedOnly,
    mini: { raw: miniJson.length, gzip: gzip(miniJson), time: miniTime },
    lunr: { raw: lunrJson.length, gzip: gzip(lunrJson), time: lunrTime },
  };
}

mkdirSync(OUT, { recursive: true });
const loadBefore = loadavg()[0];
const tldr = tldrAll();
const rows: Row[] = [];
try {
  rows.push(await measure('demo (Skyhost)', join(process.cwd(), 'demo/content'), RUNS));
  rows.push(await measure('docker-mailserver docs', join(CORPORA, 'docker-mailserver-docs'), RUNS));
  rows.push(await measure('tldr: en + zh + de + ar', tldr, RUNS));
  const scale = rows[rows.length - 1];
  const base = await baselines(tldr, scale);
  const rebuild = await rebuildTime(tldr);

  const lines: string[] = [];
  const out = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  out('## Build');
  out();
  out(
    `\`bench/build/run.ts\`: \`buildBundle\` (read, front matter, Markdown, links, sections, search index, write) on real corpora; ` +
      `median of ${RUNS} runs on this machine (${cpus().length} cores, Node ${process.versions.node}; load average ${loadBefore.toFixed(1)} when the run started, ` +
      `the machine is shared, so CPU time is shown too). Bodies split automatically above 256 KB. ` +
      `The tldr row is every tldr page in one knowledge base (target: 10,000 pages in under 20 s on 2 cores).`,
  );
  out();
  out(
    '| content | articles | build time (median) | runs | CPU time (median) | kb.json raw | kb.json gzip | body files raw | body files gzip | index raw | index gzip | index per 1,000 articles (raw / gzip) |',
  );
  out('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const s = row.result.stats;
    const per = (n: number) => bytes((n / row.articles) * 1000);
    out(
      `| ${row.name} | ${row.articles.toLocaleString('en')} | ${seconds(median(row.times))} | ${row.times.map((t) => (t / 1000).toFixed(2)).join(', ')} | ${seconds(median(row.cpu))} | ${bytes(s.bundle.raw)} | ${bytes(s.bundle.gzip)} | ` +
        `${s.split ? `${bytes(s.bodies.raw)} (${s.bodies.files.toLocaleString('en')} files)` : 'inline'} | ${s.split ? bytes(s.bodies.gzip) : '-'} | ${bytes(s.index.raw)} | ${bytes(s.index.gzip)} | ${per(s.index.raw)} / ${per(s.index.gzip)} |`,
    );
  }
  out();
  out(
    `In watch mode and under \`vite dev\` a rebuild reuses the conversion of unchanged articles (links, ids, categories and the index are redone): ` +
      `${scale.name} rebuilds in ${seconds(rebuild)} (median of ${RUNS}, in memory, nothing written), ${(rebuild / median(scale.times)).toFixed(2)} of a full build.`,
  );
  out();
  out(`### Where the time goes (${scale.name}, one run)`);
  out();
  out('| phase | time | share |');
  out('|---|---|---|');
  const total = scale.phases.collect + scale.phases.assemble + scale.phases.serialize;
  for (const [phase, ms] of [
    ['read files, front matter, Markdown to HTML, links, sections (collectArticles)', scale.phases.collect],
    ['search index + bundle object (core assembleBundle)', scale.phases.assemble],
    ['JSON + gzip of kb.json', scale.phases.serialize],
  ] as const) {
    out(`| ${phase} | ${seconds(ms)} | ${((ms / total) * 100).toFixed(0)}% |`);
  }
  out();
  out(`### Baselines (${scale.name}, same articles, same run)`);
  out();
  out('| what | time | ratio to ours | index raw | index gzip | index size ratio (ours / theirs, gzip) |');
  out('|---|---|---|---|---|---|');
  const ours = scale.result.stats;
  const buildTime = median(scale.times);
  out(`| kb-elements full build | ${seconds(buildTime)} | 1.00 | ${bytes(ours.index.raw)} | ${bytes(ours.index.gzip)} | 1.00 |`);
  out(
    `| marked.parse alone over the same files (the floor of any Markdown build) | ${seconds(base.markedOnly)} | ${(base.markedOnly / buildTime).toFixed(2)} | - | - | - |`,
  );
  out(
    `| MiniSearch defaults (title + text), addAll + JSON | ${seconds(base.mini.time)} | ${(base.mini.time / buildTime).toFixed(2)} | ${bytes(base.mini.raw)} | ${bytes(base.mini.gzip)} | ${(ours.index.gzip / base.mini.gzip).toFixed(2)} |`,
  );
  out(
    `| lunr (title + text), build + JSON | ${seconds(base.lunr.time)} | ${(base.lunr.time / buildTime).toFixed(2)} | ${bytes(base.lunr.raw)} | ${bytes(base.lunr.gzip)} | ${(ours.index.gzip / base.lunr.gzip).toFixed(2)} |`,
  );
  out();
  out(
    'Our index holds more than the baselines (one document per heading section, plus tags and excerpt fields), which is what lets a hit point at a section. ' +
      'Same output twice: the build is deterministic (tested byte for byte in test/build/bundle.test.ts).',
  );
  out();
  for (const line of await largeArticles()) out(line);
  mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
  writeFileSync(join(process.cwd(), 'bench', 'results', 'build.md'), `${lines.join('\n')}\n`);
} finally {
  rmSync(tldr, { recursive: true, force: true });
}
