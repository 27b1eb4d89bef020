/**
 * The query sets of the relevance benchmark and how an engine is scored on them. Each set
 * belongs to one corpus and is either one we tuned the ranking on or one held out from tuning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusArticle, CorpusName } from './corpora';
import type { Engine } from './engines';
import { halfTyped, withTypo } from './run-modes';

export type Role = 'tuned-on' | 'held-out';

export interface QuerySet {
  corpus: CorpusName;
  /** `bench/relevance/queries/<file>.json` */
  file: string;
  role: Role;
  what: string;
}

export const QUERY_SETS: QuerySet[] = [
  { corpus: 'mailserver', file: 'mailserver', role: 'tuned-on', what: 'keywords, questions, synonyms, product names' },
  { corpus: 'mailserver', file: 'mailserver-where.tune', role: 'tuned-on', what: 'by place, by link text, by synonym' },
  { corpus: 'mailserver', file: 'mailserver-where.held-out', role: 'held-out', what: 'by place, by link text, by synonym' },
  { corpus: 'demo', file: 'demo-where.tune', role: 'tuned-on', what: 'by place, by link text, by synonym' },
  { corpus: 'demo', file: 'demo-where.held-out', role: 'held-out', what: 'by place, by link text, by synonym' },
  { corpus: 'tldr-en', file: 'tldr-en', role: 'tuned-on', what: 'tasks in plain words, command names' },
  { corpus: 'tldr-en', file: 'tldr-en.held-out', role: 'held-out', what: 'tasks in plain words, command names' },
  { corpus: 'tldr-zh', file: 'tldr-zh', role: 'tuned-on', what: 'tasks in Chinese, command names' },
  { corpus: 'tldr-de', file: 'tldr-de', role: 'tuned-on', what: 'tasks in German, command names' },
  { corpus: 'tldr-de', file: 'tldr-de.held-out', role: 'held-out', what: 'tasks in German, command names' },
];

export const MODES = ['typed', 'typo', 'half'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_NAMES: Record<Mode, string> = { typed: 'typed', typo: 'one typo', half: 'half-typed' };

export interface Query {
  q: string;
  kind: string;
  expected: Set<number>;
}

export interface Score {
  mrr: number;
  s1: number;
  s5: number;
  n: number;
}

export function variant(q: string, mode: Mode, n: number): string {
  return mode === 'typed' ? q : mode === 'typo' ? withTypo(q, n) : halfTyped(q);
}

/** A set's queries, each with the article indexes that answer it (sets' queries whose articles are missing are dropped). */
export function readQueries(set: QuerySet, articles: CorpusArticle[]): Query[] {
  const bySource = new Map(articles.map((a, i) => [a.source, i]));
  // tldr has the same command under several platforms (common/ps, osx/ps): any of them answers.
  const byName = new Map<string, number[]>();
  if (set.corpus.startsWith('tldr')) {
    articles.forEach((a, i) => {
      const name = a.source.slice(a.source.lastIndexOf('/') + 1);
      byName.set(name, [...(byName.get(name) ?? []), i]);
    });
  }
  const answers = (e: string) => [...(bySource.has(e) ? [bySource.get(e)!] : []), ...(byName.get(e.slice(e.lastIndexOf('/') + 1)) ?? [])];
  const raw = JSON.parse(readFileSync(join('bench', 'relevance', 'queries', `${set.file}.json`), 'utf8')) as {
    q: string;
    kind: string;
    expect: string[];
  }[];
  const out: Query[] = [];
  for (const r of raw) {
    const expected = new Set(r.expect.flatMap(answers));
    if (expected.size) out.push({ q: r.q, kind: r.kind, expected });
    else console.warn(`  ${set.file}: no article for "${r.q}" (${r.expect.join(', ')}); left out`);
  }
  return out;
}

export function score(engine: Engine, queries: Query[], mode: Mode): Score & { misses: string[] } {
  let mrr = 0;
  let s1 = 0;
  let s5 = 0;
  const misses: string[] = [];
  queries.forEach(({ q, expected }, n) => {
    const text = variant(q, mode, n);
    const results = engine.search(text, 10);
    const rank = results.findIndex((i) => expected.has(i));
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (rank === 0) s1++;
    else misses.push(`${text} (${rank < 0 ? '-' : rank + 1})`);
    if (rank >= 0 && rank < 5) s5++;
  });
  const n = queries.length || 1;
  return { mrr: mrr / n, s1: s1 / n, s5: s5 / n, n: queries.length, misses };
}

/** Scores of several sets taken together, each query weighing the same. */
export function pooled(scores: Score[]): Score {
  const n = scores.reduce((a, s) => a + s.n, 0) || 1;
  const sum = (k: 'mrr' | 's1' | 's5') => scores.reduce((a, s) => a + s[k] * s.n, 0) / n;
  return { mrr: sum('mrr'), s1: sum('s1'), s5: sum('s5'), n: scores.reduce((a, s) => a + s.n, 0) };
}
