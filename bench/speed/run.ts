/**
 * Speed benchmark: per-keystroke search latency, load time, longest main-thread task while
 * loading, index bytes over the wire and heap, at 1,000 and 10,000+ real articles, in Node
 * and headless Chromium, against MiniSearch configured as VitePress's local search.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loaderUsed } from '../relevance/corpora';
import { datasets, keystrokes } from './datasets';
import { measureNode, type NodeResult } from './node';
import {
  FIRST_QUERY,
  KEY_INTERVAL_MS,
  LOAD_RUNS,
  DEVTOOLS_RUNS,
  measureBrowser,
  type BrowserResult,
  type LongestTask,
  type Spread,
} from './browser';
import { SETTLE_MS } from './trace-tasks';
import { BEFORE_MS, HOSTILE_QUERIES, measureHostile } from './hostile';

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** Long tasks are reported from 50 ms up; 0 means none. */
const task = (n: number) => (n === 0 ? 'none ≥ 50 ms' : ms(n));
/** Median and worst over the loads, and how many loads the Long Tasks API saw a task of 50 ms or more in. */
const spread = (s: Spread) => `${ms(s.median)}, worst ${ms(s.max)}`;
const tasks = (t: LongestTask) => `${ms(t.median)}, worst ${ms(t.max)} (≥ 50 ms in ${t.longTaskLoads} of ${t.loads} loads)`;

const sets = await datasets();
const nodeResults = new Map<string, NodeResult>();
const sizes = new Map<string, { index: number; vitepress: number; indexRaw: number; vitepressRaw: number; bundle: number }>();
for (const set of sets) {
  const indexJson = JSON.stringify(set.bundle.search);
  const size = {
    index: gzipSync(indexJson).length,
    indexRaw: indexJson.length,
    vitepress: gzipSync(set.vitepressJson).length,
    vitepressRaw: set.vitepressJson.length,
    bundle: gzipSync(set.bundleJson).length,
  };
  sizes.set(set.name, size);
  const r = await measureNode(set);
  nodeResults.set(set.name, r);
  console.log(
    `${set.name} (${set.articles.length} articles, ${keystrokes(set.queries).length} keystrokes): index ${kb(size.index)} gzip vs VitePress ${kb(size.vitepress)}; Node p50/p95 ${ms(r.ours.p50)}/${ms(r.ours.p95)} vs VitePress ${ms(r.vitepress.p50)}/${ms(r.vitepress.p95)}; load ${ms(r.loadMs)} vs ${ms(r.vitepressLoadMs)}; heap ${r.heapMB.toFixed(1)} MB vs ${r.vitepressHeapMB.toFixed(1)} MB; longest async slice ${ms(r.longestSliceAsync)}`,
  );
}

const hostile = measureHostile();
for (const h of hostile)
  console.log(
    `hostile, ${h.name}: slowest keystroke ${ms(h.ours.max)} (median ${ms(h.ours.p50)}), MiniSearch ${ms(h.vitepress.max)} (median ${ms(h.vitepress.p50)})`,
  );

let browser: Map<string, BrowserResult> | undefined;
let browserError = '';
try {
  browser = await measureBrowser(sets);
  for (const [name, b] of browser)
    console.log(
      `${name} Chromium: p50/p95 ${ms(b.ours.p50)}/${ms(b.ours.p95)} vs VitePress ${ms(b.vitepress.p50)}/${ms(b.vitepress.p95)}; load ${ms(b.loadMs)}, first result ${ms(b.firstResultMs)}; first search ${spread(b.firstSearch.atOnce)}, typed: first two keys ${spread(b.firstSearch.firstTwoKeys)}, slowest key ${spread(b.firstSearch.slowestKey)}; longest task (median/worst of ${LOAD_RUNS}) load ${tasks(b.longestTaskAsync)}, VitePress ${tasks(b.longestTaskVitepressAsync)}, fetch only ${tasks(b.longestTaskFetchOnly)}; sync from ${ms(b.longestTaskSync)}, worker ${ms(b.longestTaskWorker)}; with the DevTools Network agent: load ${tasks(b.devtoolsNetwork.ours)}, VitePress ${tasks(b.devtoolsNetwork.vitepress)}, fetch only ${tasks(b.devtoolsNetwork.fetchOnly)}; heap ${b.heapMB.toFixed(1)} MB vs ${b.vitepressHeapMB.toFixed(1)} MB`,
    );
} catch (error) {
  browserError = (error as Error).message;
  console.error(`browser part failed: ${browserError}`);
}

const names = sets.map((s) => s.name);
const LOADING_NOTE = [
  "Loading off the main thread: `KnowledgeBase.load` reads the body as it arrives, decodes it 32 KB at a time and feeds each piece to an incremental JSON scanner (src/core/json-sliced.ts) that parses the members' elements in batches of 32K characters and long strings (the index's postings) a piece at a time, so no multi-megabyte string is ever built; validation and the index's loading follow in steps, the event loop getting a turn every 8 ms or so (one clock for all steps, src/core/yield.ts). The index needs no building at load (terms are a sorted array, postings decode on first use).",
  '',
  'What the long tasks were: `node --import tsx bench/speed/trace.ts [ours|vitepress|fetchOnly] [--devtools-network]` records a Chrome trace of one 10k load and prints every task of 10 ms or more with the trace events and sampled functions inside. ' +
    "Until commit fdca3ea (this benchmark then reported 52-66 ms), the load had tasks of 39-54 ms, and they were ours: `reader.read()` resolves as a microtask while chunks are queued, so decoding the chunks (up to 1.5 MB each, 13-20 ms) ran without a task boundary, then `parts.join('')` of the 4.7 MB text took 30 ms and the `bodyFiles` check 17 ms. After the streaming parse, the steps still over 20 ms were the index's whole-string splits (the 1.2 MB postings, 20-30 ms), a `for…of` over typed arrays (9-17 ms, cold code) and the 10,000-entry id map (4-15 ms); all are stepped now. What remains are our slices of about 8-10 ms, a young-generation GC now and then (4-12 ms), and the browser receiving a chunk (under 10 ms). In Node, the longest stretch between event-loop turns is such a GC (a scavenge of 20-28 ms there) after a slice. " +
    'The browser alone does little with the response (the bare fetch above). The 150-200 ms tasks once put down to "Chromium handling the response" are DevTools\' Network agent, on in every puppeteer page: it copies each chunk on the main thread and, once the body is complete, decodes all of it as text for the Network panel, in one task (`ResponseBodyLoader::DidFinishLoadingBody` + `TextResourceDecoder::Decode`, 140-150 ms at 10k, even for the bare fetch). `Response.text()`, which VitePress\'s loader uses, also decodes the whole body in one task (about 145 ms here), and `loadJSONAsync` parses the whole JSON in one more.',
  '',
  "The bundle in parts instead (issue 14 asked whether it could replace the streaming parser; `node --import tsx bench/speed/parts.ts [runs] [--latency=ms]`, bench/speed/bundle-parts.ts): `kb.json` keeps `format`, `version` and `meta` and lists the parts, the rest is cut into files of about 256 KB of JSON (20 at 10k, 0.8 % more gzip than one file), fetched 6 at a time (a browser's limit per host over HTTP/1.1) and each parsed in one `JSON.parse` as it arrives, then the same `fromAsync`. Both loaded on fresh pages, interleaved, on the shared machine (load average 7-15), 7-15 loads per run, medians per run, one file / parts. With the final loader (strings joined from parts flattened; before that the first search paid for V8's ropes, 266-534 ms against 100-303 ms): the longest task over the load and the settle window 146 / 151 and 100 / 93 ms; until `load` resolves 44 / 61 and 39 / 40 ms; the first result 1039 / 959 and 582 / 565 ms. Over all seven runs, earlier loaders included, the longest task was lower for one file in three, for parts in three. In both, the longest task is the word segmenter's dictionary load after `load()` (45 ms at this load), not the loading; the parts' own longest tasks are Chromium decoding each part's text (14-20 ms) and young-generation GCs of 27-33 ms (each part's text is garbage once parsed). With a round trip of 50 ms on every JSON response (`--latency=50`), the parts lose: load 680 ms against 526, first result 753 ms against 574, as the parts can only be asked for once `kb.json` has come and then come in 4 rounds of 6. So on this machine, over no latency, the parts are a draw with the streaming parser (neither keeps every task under 50 ms while the machine is this busy), and over a network their first result comes later; they would also cost a bundle version and 20 files to write, serve, fetch and check. The streaming parser stays.",
  '',
  'A worker (measured above: it loads and searches, the page posts queries) also keeps the main thread free, but every keystroke then pays a message round trip and the hits are copied back, `search()` could no longer be synchronous, and the worker needs a script file of its own next to the library: under a strict CSP it cannot be an inline or `blob:` script, which a single `<script>` tag install cannot ship. So the library loads on the main thread, sliced.',
].join('\n');
const md: string[] = [
  '## Speed',
  '',
  `\`bench/speed/run.ts\`: tldr pages (articles from the ${loaderUsed}): \`1k\` is 1,000 English pages spread over the whole set; the large set is every English, Chinese, German and Arabic page (${sets[1]!.articles.length.toLocaleString('en')} articles). ` +
    `Keystroke replay: each query of the relevance sets typed one character at a time (${keystrokes(sets[0]!.queries).length} keystrokes at 1k, ${keystrokes(sets[1]!.queries).length} at the large set), \`kb.search(prefix, { limit: 10 })\` including snippets and highlighting, against \`MiniSearch.search\` with VitePress's local-search options on the same articles (one document per heading section). ` +
    "Chromium: headless, core bundled by esbuild, the page served locally under a strict CSP (`script-src 'self'; worker-src 'self'`) with gzip.",
  '',
  '### Index size over the wire',
  '',
  '| articles | our index (gzip) | VitePress index (gzip) | ratio | our index (raw JSON) | VitePress (raw JSON) | whole kb.json, bodies split (gzip) |',
  '|---|---|---|---|---|---|---|',
  ...names.map((n) => {
    const s = sizes.get(n)!;
    return `| ${n} | ${kb(s.index)} | ${kb(s.vitepress)} | ${x(s.index, s.vitepress)} | ${kb(s.indexRaw)} | ${kb(s.vitepressRaw)} | ${kb(s.bundle)} |`;
  }),
  '',
  '### Search latency per keystroke',
  '',
  '| articles | where | ours p50 | ours p95 | ours max | VitePress p50 | VitePress p95 | p95 ratio |',
  '|---|---|---|---|---|---|---|---|',
  ...names.flatMap((n) => {
    const r = nodeResults.get(n)!;
    const rows = [
      `| ${n} | Node | ${ms(r.ours.p50)} | ${ms(r.ours.p95)} | ${ms(r.ours.max)} | ${ms(r.vitepress.p50)} | ${ms(r.vitepress.p95)} | ${x(r.ours.p95, r.vitepress.p95)} |`,
    ];
    const b = browser?.get(n);
    if (b)
      rows.push(
        `| ${n} | Chromium | ${ms(b.ours.p50)} | ${ms(b.ours.p95)} | ${ms(b.ours.max)} | ${ms(b.vitepress.p50)} | ${ms(b.vitepress.p95)} | ${x(b.ours.p95, b.vitepress.p95)} |`,
      );
    return rows;
  }),
  '',
  '### Hostile content',
  '',
  `Node: one article of about 250 KB made to be slow, next to one ordinary article, each query of ${HOSTILE_QUERIES.map((q) => `\`${q}\``).join(', ')} typed one key at a time (${hostile[0]?.keystrokes} keystrokes), \`kb.search(prefix, { limit: 10 })\` with snippets and highlighting, CPU time. Every keystroke counts, the first too (it extracts the article's section texts; a quoted phrase reads the whole body once). The budget is 50 ms for every keystroke. MiniSearch with VitePress's options indexes the same sections (it makes no snippets). Before: commit 2929d71, the slowest of the first four keystrokes (typing all of them took minutes); snippets were quadratic in the matches and tag stripping in the unclosed \`<\`.`,
  '',
  '| article body | ours: slowest keystroke | ours: median | MiniSearch: slowest / median | before: slowest |',
  '|---|---|---|---|---|',
  ...hostile.map(
    (h) =>
      `| ${h.name}: ${h.body} | ${ms(h.ours.max)} | ${ms(h.ours.p50)} | ${ms(h.vitepress.max)} / ${ms(h.vitepress.p50)} | ${(BEFORE_MS[h.name]! / 1000).toFixed(1)} s |`,
  ),
  '',
  '### The first search after loading',
  '',
  `Chromium: a user who opens help and types at once. On each of ${LOAD_RUNS} fresh pages, \`KnowledgeBase.load\` resolves, and ${SETTLE_MS + 100} ms later \`kb.search(${JSON.stringify(FIRST_QUERY)}, { limit: 10 })\` runs in a task of its own (median and worst over the pages); on ${LOAD_RUNS} more, the same query is typed key by key from the moment \`load\` resolves, a key every ${KEY_INTERVAL_MS} ms: the slower of the first two keystrokes, and the slowest keystroke. ` +
    "After `load()` resolves, the index is readied in short tasks (src/core/search/warm-up.ts: the 128 largest postings decoded, the ranking buffers allocated, the tokenizer, stemmer, typo look-up and highlighter run once, then three sample searches, each in a task of its own; for an index with Chinese or Japanese, the word segmenter created, whose dictionary load is one task of about 20 ms, once per page process, that cannot be split). Those tasks fall in the 200 ms after the load that the longest task below includes; results are the same with or without them. `node --import tsx bench/speed/trace.ts ours 10k [--typed]` prints what the first search's task is made of.",
  '',
  '| articles | first search, at once | typed: first two keystrokes | typed: slowest keystroke | warm keystrokes p95 (above) |',
  '|---|---|---|---|---|',
  ...names.flatMap((n) => {
    const b = browser?.get(n);
    return b
      ? [
          `| ${n} | ${spread(b.firstSearch.atOnce)} | ${spread(b.firstSearch.firstTwoKeys)} | ${spread(b.firstSearch.slowestKey)} | ${ms(b.ours.p95)} |`,
        ]
      : [];
  }),
  '',
  '### Loading',
  '',
  `Chromium: each load on a fresh page, ${LOAD_RUNS} times, ours, VitePress's and the bare fetch interleaved. The longest main-thread task that overlaps the load or the ${SETTLE_MS} ms after it, from a Chrome trace of each load (exact, where the Long Tasks API only reports tasks of 50 ms and up): median and worst, and in how many loads the page's own Long Tasks API saw one of 50 ms or more. ` +
    "Ours is `KnowledgeBase.load(url)`: fetch, gunzip, decode, parse, validate, load the index. VitePress's is `fetch` + `text()` + `MiniSearch.loadJSONAsync`. The bare fetch reads the same kb.json body and does nothing with it: the browser's own share.",
  '',
  '| articles | where | bytes to first result | load | longest main-thread task while loading | JS heap after load | VitePress: load / longest task / heap |',
  '|---|---|---|---|---|---|---|',
  ...names.flatMap((n) => {
    const r = nodeResults.get(n)!;
    const rows = [
      `| ${n} | Node (parsed JSON in memory) | ${ms(r.firstResultMs)} | ${ms(r.loadMs)} (sync); fromAsync: longest slice ${ms(r.longestSliceAsync)} | | ${r.heapMB.toFixed(1)} MB | ${ms(r.vitepressLoadMs)} / (sync) / ${r.vitepressHeapMB.toFixed(1)} MB |`,
    ];
    const b = browser?.get(n);
    if (b) {
      rows.push(
        `| ${n} | Chromium (fetch + gunzip + parse + load) | ${ms(b.firstResultMs)} (of which the first search ${ms(b.firstSearchMs)}) | ${ms(b.loadMs)} | ${tasks(b.longestTaskAsync)} with \`load\`; the bare fetch of the same body: ${tasks(b.longestTaskFetchOnly)}; ${ms(b.longestTaskSync)} with sync \`from\` (parsed JSON given); ${task(b.longestTaskWorker)} with a worker (load ${ms(b.workerLoadMs)}, search round trip p50 ${ms(b.workerRoundTrip.p50)}, p95 ${ms(b.workerRoundTrip.p95)}) | ${b.heapMB.toFixed(1)} MB | fetch + loadJSONAsync: longest task ${tasks(b.longestTaskVitepressAsync)} / ${b.vitepressHeapMB.toFixed(1)} MB |`,
      );
    }
    return rows;
  }),
  '',
  ...(browser ? [] : [`Chromium measurements failed in this run: ${browserError}`, '']),
  `With DevTools' Network agent on (puppeteer turns it on for every page; the rows above turn it off, as no visitor's browser has it open), ${DEVTOOLS_RUNS} loads each:`,
  '',
  '| articles | ours `load` | VitePress | the bare fetch |',
  '|---|---|---|---|',
  ...names.flatMap((n) => {
    const d = browser?.get(n)?.devtoolsNetwork;
    return d ? [`| ${n} | ${tasks(d.ours)} | ${tasks(d.vitepress)} | ${tasks(d.fetchOnly)} |`] : [];
  }),
  '',
  LOADING_NOTE,
];
mkdirSync(join('bench', 'results'), { recursive: true });
writeFileSync(join('bench', 'results', 'speed.md'), `${md.join('\n').trim()}\n`);
console.log('wrote bench/results/speed.md');
