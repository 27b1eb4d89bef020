/**
 * Content folder -> bundle files: `kb.json`, per-article body files when split
 * (`articles/<id>.<hash>.html`) and assets (`assets/<name>.<hash>.<ext>`). The same input
 * gives byte-identical files. `createBundle` works in memory (the Vite plugin serves from
 * it); `buildBundle` also writes the files and removes the ones an earlier build wrote that
 * are no longer needed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assembleBundle, serializeBundle, type KbBundle } from '../core/bundle-format';
import type { BuildCache } from './build-cache';
import { collectArticles, type CollectResult } from './collect';
import type { Diagnostic } from './diagnostics';
import { hashedName } from './hash';

export const BUNDLE_FILE = 'kb.json';
export const BODIES_DIR = 'articles';
/** Lists the files a build wrote, so the next build removes only its own stale files. */
export const MANIFEST_FILE = '.kb-elements-files.json';

export interface BuildOptions {
  contentDir: string;
  /** `true` always writes bodies to their own files, `false` never, `'auto'` (default) above a size. */
  split?: boolean | 'auto';
  /** Warnings count as errors (`ok` is false when there is any). */
  strict?: boolean;
  /** Overrides the config's `baseUrl`. */
  baseUrl?: string;
  onProgress?: (done: number, total: number) => void;
  /** Reuse conversions of unchanged articles from earlier builds (watch mode, Vite dev). */
  cache?: BuildCache;
  /** Not content, should it be inside the content folder: the output folder. */
  ignore?: string[];
  /** Glob patterns of files and folders that are not content, added to kb.config's `exclude`. */
  exclude?: readonly string[];
  /** Where `exclude` came from, for messages: `--exclude`, the Vite plugin's option, ... */
  excludeOrigin?: string;
}

export interface SizeInfo {
  raw: number;
  gzip: number;
}

export interface BuildStats {
  articles: number;
  categories: number;
  errors: number;
  warnings: number;
  infos: number;
  split: boolean;
  /** `kb.json`. */
  bundle: SizeInfo;
  /** The serialized search index inside `kb.json`. */
  index: SizeInfo;
  /** All body files together (0 when inline). */
  bodies: SizeInfo & { files: number };
  assets: { raw: number; files: number };
  /** Milliseconds. */
  time: number;
}

export interface BuildResult {
  bundle: KbBundle;
  /** Every output file by path relative to the output folder, `kb.json` first. */
  files: Map<string, string | Uint8Array>;
  diagnostics: Diagnostic[];
  stats: BuildStats;
  /** False when there are errors, or warnings in strict mode. */
  ok: boolean;
  collected: CollectResult;
}

export async function createBundle(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { onProgress, cache, ignore, exclude, excludeOrigin } = options;
  const collected = await collectArticles(options.contentDir, { onProgress, cache, ignore, exclude, excludeOrigin });
  const { articles, categories, config, diagnostics } = collected;
  const meta: { title: string; locale: string; baseUrl?: string } = { title: config.title, locale: config.locale };
  const baseUrl = options.baseUrl ?? config.baseUrl;
  if (baseUrl) meta.baseUrl = baseUrl;
  const bundle = assembleBundle({ meta, categories, articles, split: options.split ?? 'auto', synonyms: config.synonyms });

  const bodies = new Map<string, string>();
  if (bundle.bodyFiles) {
    // Content-hash names: a CDN can cache a body file forever, a changed body gets a new name.
    for (const article of articles) {
      const path = `${BODIES_DIR}/${hashedName(article.id, '.html', article.html)}`;
      bundle.bodyFiles[article.id] = path;
      bodies.set(path, article.html);
    }
  }
  const json = serializeBundle(bundle);
  const files = new Map<string, string | Uint8Array>([[BUNDLE_FILE, json]]);
  for (const [path, html] of bodies) files.set(path, html);
  for (const [path, content] of [...collected.assets].sort(([a], [b]) => (a < b ? -1 : 1))) files.set(path, content);

  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const bodySizes = [...bodies.values()].map(size);
  const stats: BuildStats = {
    articles: articles.length,
    categories: categories.length,
    errors,
    warnings,
    infos: count('info'),
    split: Boolean(bundle.bodyFiles),
    bundle: size(json),
    index: size(JSON.stringify(bundle.search)),
    bodies: { raw: sum(bodySizes.map((s) => s.raw)), gzip: sum(bodySizes.map((s) => s.gzip)), files: bodies.size },
    assets: { raw: sum([...collected.assets.values()].map((a) => a.byteLength)), files: collected.assets.size },
    time: 0,
  };
  stats.time = Math.round(performance.now() - started);
  return { bundle, files, diagnostics, stats, ok: errors === 0 && !(options.strict && warnings > 0), collected };
}

/** Builds and writes the bundle into `outDir`. */
export async function buildBundle(options: BuildOptions & { outDir: string }): Promise<BuildResult> {
  const result = await createBundle({ ...options, ignore: [...(options.ignore ?? []), options.outDir] });
  const started = performance.now();
  await writeBundleFiles(options.outDir, result.files);
  result.stats.time += Math.round(performance.now() - started);
  return result;
}

/**
 * Writes the files, skipping unchanged ones, and removes files the previous build wrote that
 * are gone now. Synchronous on purpose: thousands of small body files are written several
 * times faster than by awaiting the thread pool for each.
 */
export async function writeBundleFiles(outDir: string, files: Map<string, string | Uint8Array>): Promise<void> {
  const root = resolve(outDir);
  mkdirSync(root, { recursive: true });
  const previous = new Set(readManifest(root));
  const made = new Set<string>([root]);
  for (const [path, content] of files) {
    const target = join(root, path);
    if (previous.has(path) && sameContent(target, content)) continue;
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, content);
  }
  for (const path of previous) {
    if (!files.has(path) && !path.split('/').includes('..')) rmSync(join(root, path), { force: true });
  }
  writeFileSync(join(root, MANIFEST_FILE), `${JSON.stringify([...files.keys()], null, 1)}\n`);
}

function sameContent(path: string, content: string | Uint8Array): boolean {
  try {
    return Buffer.compare(readFileSync(path), typeof content === 'string' ? Buffer.from(content) : content) === 0;
  } catch {
    return false;
  }
}

function readManifest(root: string): string[] {
  try {
    const list: unknown = JSON.parse(readFileSync(join(root, MANIFEST_FILE), 'utf8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function size(content: string | Uint8Array): SizeInfo {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
