/**
 * What a ranking or index change costs: index bytes (gzip) and keystroke latency of two source
 * trees, measured in one Node process, the two interleaved round by round (the machine is
 * shared: interleaving spreads the noise over both). "Before" is a copy of the sources, e.g.
 * `mkdir -p .scratch/before && git archive main src | tar -x -C .scratch/before`.
 * `node --import tsx bench/relevance/ab-speed.ts <before-dir> [rounds]`
 * The keystrokes are the speed benchmark's: every prefix of the tldr query sets, over all
 * tldr pages (10k) and 1,000 English ones, `kb.search(prefix, { limit: 10 })`, CPU time each.
 */
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCorpus, loadCorpusWithConfig, type CorpusArticle, type CorpusName } from './corpora';
import { keystrokes, percentile } from '../speed/datasets';
import { QUERY_SETS } from './query-sets';
import { readFileSync } from 'node:fs';

type Core = typeof import('../../src/core/index');
const [beforeDir, roundsArg] = process.argv.slice(2);
if (!beforeDir) {
  console.error('usage: ab-speed.ts <before-dir> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 6);
const versions: { name: string; core: Core }[] = [
  { name: 'before', core: (await import(resolve(beforeDir, 'src', 'core', 'index.ts'))) as Core },
  { name: 'after', core: await import('../../src/core/index') },
];

const tldr: CorpusArticle[] = [];
for (const corpus of ['tldr-en', 'tldr-zh', 'tldr-de', 'tldr-ar'] as CorpusName[]) {
  const lang = corpus.slice(5);
  for (const a of await loadCorpus(corpus)) tldr.push({ ...a, id: `${lang}/${a.id}`, lang, related: [] });
}
const en = tldr.filter((a) => a.lang === 'en');
const oneK = Array.from({ length: 1000 }, (_, i) => en[Math.floor((i * en.length) / 1000)]!);
const queries = (files: string[]) =>
  files.flatMap((f) =>
    (JSON.parse(readFileSync(join('bench', 'relevance', 'queries', `${f}.json`), 'utf8')) as { q: string }[]).map((q) => q.q),
  );
const sets = [
  { name: `${Math.round(tldr.length / 1000)}k`, articles: tldr, keys: keystrokes(queries(['tldr-en', 'tldr-zh', 'tldr-de'])) },
  { name: '1k', articles: oneK, keys: keystrokes(queries(['tldr-en'])) },
];

const sizeOf = (core: Core, articles: CorpusArticle[], synonyms: string[][] = []) => {
  const json = JSON.stringify(
    core.assembleBundle({
      meta: { title: 'ab', locale: 'en' },
      categories: [],
      articles,
      split: true,
      ...(synonyms.length ? { synonyms } : {}),
    }).search,
  );
  return { raw: json.length, gzip: gzipSync(json).length };
};
console.log('index bytes, gzip (raw JSON):');
const corpora = [...new Set(QUERY_SETS.map((s) => s.corpus))];
for (const [label, articles, synonyms] of [
  [sets[0]!.name, tldr, []] as const,
  ...(await Promise.all(
    corpora.map(async (c) => {
      const x = await loadCorpusWithConfig(c);
      return [c, x.articles, x.synonyms] as const;
    }),
  )),
]) {
  const [b, a] = versions.map((v) => sizeOf(v.core, articles as CorpusArticle[], synonyms as string[][]));
  console.log(
    `  ${label.padEnd(12)} ${b!.gzip} -> ${a!.gzip} (${((a!.gzip / b!.gzip - 1) * 100).toFixed(2)}%)   raw ${b!.raw} -> ${a!.raw}`,
  );
}

for (const set of sets) {
  const kbs = versions.map((v) => {
    const bundle = JSON.parse(
      JSON.stringify(
        v.core.assembleBundle({ meta: { title: set.name, locale: 'en' }, categories: [], articles: set.articles, split: true }),
      ),
    );
    const kb = v.core.KnowledgeBase.from(bundle);
    for (const k of set.keys.slice(0, 200)) kb.search(k, { limit: 10 });
    return kb;
  });
  const times: number[][] = versions.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < versions.length; i++) {
      const v = (r + i) % versions.length;
      for (const k of set.keys) {
        const t = process.cpuUsage();
        kbs[v]!.search(k, { limit: 10 });
        const d = process.cpuUsage(t);
        times[v]!.push((d.user + d.system) / 1000);
      }
    }
  }
  const f = (x: number) => x.toFixed(2);
  console.log(`${set.name}, ${set.keys.length} keystrokes × ${rounds} rounds, CPU ms per keystroke p50 / p95 / max:`);
  versions.forEach((v, i) =>
    console.log(`  ${v.name.padEnd(7)} ${f(percentile(times[i]!, 50))} / ${f(percentile(times[i]!, 95))} / ${f(Math.max(...times[i]!))}`),
  );
}
