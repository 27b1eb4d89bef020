/**
 * The real corpora in ../shared/corpora, and the demo's knowledge base, as the articles the
 * build would give the indexer (with their place and link text), with kb.config's synonyms.
 * Uses the build's `collectArticles` when it exists (the real pipeline); until then, a small
 * Markdown reader good enough for titles, headings, sections and text.
 * Every article carries `source`: its path inside the corpus folder without `.md`
 * (`config/security/fail2ban`, `common/tar`), which the query sets refer to.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IndexableArticle, IndexableSection } from '../../src/core/index';

export type CorpusArticle = IndexableArticle & { html: string; source: string };

export const CORPORA_DIR = join(process.cwd(), '..', 'shared', 'corpora');

export const CORPORA = {
  mailserver: { dir: join(CORPORA_DIR, 'docker-mailserver-docs'), lang: 'en' },
  'tldr-en': { dir: join(CORPORA_DIR, 'tldr-pages-en/pages'), lang: 'en' },
  'tldr-zh': { dir: join(CORPORA_DIR, 'tldr-pages-i18n/pages.zh'), lang: 'zh' },
  'tldr-de': { dir: join(CORPORA_DIR, 'tldr-pages-i18n/pages.de'), lang: 'de' },
  'tldr-ar': { dir: join(CORPORA_DIR, 'tldr-pages-i18n/pages.ar'), lang: 'ar' },
  /** The demo's knowledge base (our own writing), with its kb.config. */
  demo: { dir: join(process.cwd(), 'demo', 'content'), lang: 'en' },
} as const;
export type CorpusName = keyof typeof CORPORA;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (name.startsWith('_') || name.startsWith('.')) return [];
      if (statSync(path).isDirectory()) return markdownFiles(path);
      return name.endsWith('.md') ? [path] : [];
    });
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'section';
const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown to plain text, roughly: links to their text, emphasis and code marks dropped. */
function plain(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[`*_>#|]+/g, ' ')
    .replace(/\{\{|\}\}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function readArticle(root: string, file: string, lang: string): CorpusArticle {
  let text = readFileSync(file, 'utf8');
  const source = relative(root, file).replace(/\.md$/, '');
  let title = '';
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm) {
    const t = /^title:\s*['"]?(.*?)['"]?\s*$/m.exec(fm[1]!);
    if (t) title = t[1]!.split('|').pop()!.trim();
    text = text.slice(fm[0].length);
  }
  const sections: IndexableSection[] = [{ id: '', heading: '', level: 1, parents: [], text: '' }];
  const stack: string[] = [];
  const used = new Set<string>();
  let inFence = false;
  const body: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = !inFence && /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (h) {
      const level = h[1]!.length;
      const heading = plain(h[2]!);
      if (level === 1 && !title) {
        title = heading;
        continue;
      }
      if (level === 1) continue;
      let id = slug(heading);
      for (let n = 2; used.has(id); n++) id = `${slug(heading)}-${n}`;
      used.add(id);
      stack.length = Math.max(0, level - 2);
      sections.push({ id, heading, level, parents: stack.filter(Boolean), text: '' });
      stack[level - 2] = heading;
      body.push(`<h${level} id="${id}">${escape(heading)}</h${level}>`);
      continue;
    }
    const s = sections[sections.length - 1]!;
    const p = plain(line);
    if (p) {
      s.text += ` ${p}`;
      body.push(`<p>${escape(p)}</p>`);
    }
  }
  const quote = /^>\s*(.+)$/m.exec(text);
  const excerpt = quote ? plain(quote[1]!) : sections[0]!.text.slice(0, 160).trim();
  const id = source.replace(/[^\w/.-]+/g, '-');
  return {
    id,
    source,
    title: title || source,
    category: source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '',
    excerpt,
    tags: [],
    views: 0,
    related: [],
    context: [],
    lang,
    headings: sections.filter((s) => s.id).map((s) => ({ id: s.id, text: s.heading, level: s.level })),
    sections: sections.map((s) => ({ ...s, text: s.text.trim() })),
    html: body.join('\n'),
  };
}

type Collect = (
  dir: string,
) => Promise<{ articles: (IndexableArticle & { html: string; source: string })[]; config: { synonyms?: string[][] } }>;

async function buildCollector(): Promise<Collect | undefined> {
  const path = join(process.cwd(), 'src', 'build', 'collect.ts');
  if (!existsSync(path) || process.env.KB_BENCH_OWN_LOADER) return undefined;
  try {
    const mod = (await import(path)) as { collectArticles?: Collect };
    return mod.collectArticles;
  } catch (error) {
    console.warn(`collectArticles unavailable (${(error as Error).message}); using the bench's own loader`);
    return undefined;
  }
}

export let loaderUsed = 'bench loader';

export interface Corpus {
  articles: CorpusArticle[];
  /** kb.config's `synonyms`, when the corpus has a kb.config with them. */
  synonyms: string[][];
}

export async function loadCorpus(name: CorpusName): Promise<CorpusArticle[]> {
  return (await loadCorpusWithConfig(name)).articles;
}

export async function loadCorpusWithConfig(name: CorpusName): Promise<Corpus> {
  const { dir: root, lang } = CORPORA[name];
  const collect = await buildCollector();
  if (collect) {
    const { articles, config } = await collect(root);
    loaderUsed = 'src/build/collect.ts collectArticles';
    return {
      articles: articles.map((a) => ({ ...a, source: a.source.replace(/\.md$/, ''), lang: a.lang ?? lang })),
      synonyms: config.synonyms ?? [],
    };
  }
  return { articles: markdownFiles(root).map((file) => readArticle(root, file, lang)), synonyms: [] };
}
