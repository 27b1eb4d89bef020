/** The speed benchmark's data: 1,000 and 10,000+ real articles, as our bundle and as VitePress's index. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { assembleBundle, type KbBundle } from '../../src/core/index';
import { loadCorpus, type CorpusArticle, type CorpusName } from '../relevance/corpora';
import { VITEPRESS_OPTIONS, vitepressDocs } from '../relevance/engines';

export interface Dataset {
  name: string;
  articles: CorpusArticle[];
  /** kb.json as it goes over the wire (bodies split into their own files). */
  bundleJson: string;
  bundle: KbBundle;
  /** The same articles indexed as VitePress's local search does, serialized (its `toJSON`). */
  vitepressJson: string;
  /** Typed queries to replay keystroke by keystroke. */
  queries: string[];
}

const LANGS: CorpusName[] = ['tldr-en', 'tldr-zh', 'tldr-de', 'tldr-ar'];

function queriesOf(names: string[]): string[] {
  return names.flatMap((n) =>
    (JSON.parse(readFileSync(join('bench', 'relevance', 'queries', `${n}.json`), 'utf8')) as { q: string }[]).map((q) => q.q),
  );
}

function make(name: string, articles: CorpusArticle[], queries: string[]): Dataset {
  const bundle = assembleBundle({ meta: { title: name, locale: 'en' }, categories: [], articles, split: true });
  const ms = new MiniSearch(VITEPRESS_OPTIONS);
  ms.addAll(vitepressDocs(articles));
  return { name, articles, bundle, bundleJson: JSON.stringify(bundle), vitepressJson: JSON.stringify(ms), queries };
}

export async function datasets(): Promise<Dataset[]> {
  const all: CorpusArticle[] = [];
  for (const corpus of LANGS) {
    const lang = corpus.slice(5);
    for (const a of await loadCorpus(corpus)) all.push({ ...a, id: `${lang}/${a.id}`, lang, related: [] });
  }
  const en = all.filter((a) => a.lang === 'en');
  const step = en.length / 1000;
  const oneK = Array.from({ length: 1000 }, (_, i) => en[Math.floor(i * step)]!);
  return [
    make('1k', oneK, queriesOf(['tldr-en'])),
    make(`${Math.round(all.length / 1000)}k`, all, queriesOf(['tldr-en', 'tldr-zh', 'tldr-de'])),
  ];
}

/** Every prefix of every query, as typed one key at a time. */
export function keystrokes(queries: string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
