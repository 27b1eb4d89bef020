/**
 * Hostile content in the speed benchmark: articles made to be slow (one word repeated to
 * 250 KB, tags that never close, a heading without end repeated), searched key by key in Node
 * against MiniSearch with VitePress's options on the same sections. Every keystroke counts,
 * the first one too (it builds the article's section texts).
 */
import MiniSearch from 'minisearch';
import { assembleBundle, KnowledgeBase } from '../../src/core/index';
import type { IndexableArticle } from '../../src/core/index';
import { VITEPRESS_OPTIONS, vitepressDocs } from '../relevance/engines';
import type { CorpusArticle } from '../relevance/corpora';
import { keystrokes } from './datasets';

/** About 250 KB of each kind. */
const SIZE = 250 * 1024;

export interface HostileCase {
  name: string;
  /** What the article's body is. */
  body: string;
  html: string;
  /** Plain text of the body, as the build would index it. */
  text: string;
}

function repeat(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length));
}

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'one word repeated', body: '`spam ` × 51,200', html: `<p>${repeat('spam ')}</p>`, text: repeat('spam ') },
  { name: 'tags that never close', body: '`spam <i ` × 32,000', html: `<p>${repeat('spam <i ')}</p>`, text: repeat('spam i ') },
  { name: 'headings that never close', body: '`<h2 id="s">spam ` × 16,000', html: repeat('<h2 id="s">spam '), text: repeat('spam ') },
];

/** Typed one key at a time; the phrase and the typo take other paths through ranking and snippets. */
export const HOSTILE_QUERIES = ['spam filter', '"spam spam"', 'spma'];

function articleOf(c: HostileCase): CorpusArticle {
  const a: IndexableArticle = {
    id: 'hostile',
    title: 'Spam settings',
    category: '',
    excerpt: 'How the spam filter works.',
    tags: [],
    views: 0,
    headings: [],
    related: [],
    context: [],
    sections: [{ id: '', heading: '', level: 1, parents: [], text: c.text }],
  };
  return { ...a, html: c.html, source: 'hostile.md' };
}

/** A neighbour, so ranking has more than one article to weigh. */
const NEIGHBOUR: CorpusArticle = {
  id: 'filter',
  title: 'Filter rules',
  category: '',
  excerpt: 'Rules that sort incoming mail.',
  tags: [],
  views: 0,
  headings: [],
  related: [],
  context: [],
  sections: [
    { id: '', heading: '', level: 1, parents: [], text: 'Filter rules sort incoming mail into folders, and the spam filter runs first.' },
  ],
  html: '<p>Filter rules sort incoming mail into folders, and the spam filter runs first.</p>',
  source: 'filter.md',
};

/**
 * The same cases before the linear rewrite (commit 2929d71), slowest of the keystrokes
 * `s`, `sp`, `spa`, `spam` (typing the whole set took minutes), on this machine.
 */
export const BEFORE_MS: Record<string, number> = {
  'one word repeated': 13_930,
  'tags that never close': 9_920,
  'headings that never close': 927,
};

export interface HostileResult {
  name: string;
  body: string;
  keystrokes: number;
  /** Slowest keystroke (the first, cold, included) and the median, ms. */
  ours: { max: number; p50: number };
  vitepress: { max: number; p50: number };
}

function time(run: () => unknown): number {
  const t = process.cpuUsage();
  run();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export function measureHostile(queries = HOSTILE_QUERIES): HostileResult[] {
  const keys = keystrokes(queries);
  return HOSTILE_CASES.map((c) => {
    const articles = [articleOf(c), NEIGHBOUR];
    const kb = KnowledgeBase.from(
      JSON.parse(JSON.stringify(assembleBundle({ meta: { title: c.name, locale: 'en' }, categories: [], articles }))),
    );
    kb.search('rules folders', { limit: 10 }); // warms the code, as the page's warm-up does; not the hostile article's texts
    const ours = keys.map((k) => time(() => kb.search(k, { limit: 10 })));
    const ms = new MiniSearch(VITEPRESS_OPTIONS);
    ms.addAll(vitepressDocs(articles));
    ms.search('rules folders');
    const vitepress = keys.map((k) => time(() => ms.search(k)));
    return {
      name: c.name,
      body: c.body,
      keystrokes: keys.length,
      ours: { max: Math.max(...ours), p50: median(ours) },
      vitepress: { max: Math.max(...vitepress), p50: median(vitepress) },
    };
  });
}

if (process.argv[1]?.endsWith('hostile.ts')) {
  const queries = process.argv.slice(2);
  for (const r of measureHostile(queries.length ? queries : undefined)) {
    console.log(
      `${r.name}: ${r.keystrokes} keystrokes, ours max ${r.ours.max.toFixed(1)} ms p50 ${r.ours.p50.toFixed(1)} ms; MiniSearch max ${r.vitepress.max.toFixed(1)} ms p50 ${r.vitepress.p50.toFixed(1)} ms`,
    );
  }
}
