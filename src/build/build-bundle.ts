/**
 * Content folder -> bundle files: `kb.json`, per-article body files when split
 * (`articles/<id>.<hash>.html`) and assets (`assets/<name>.<hash>.<ext>`). The same input
 * gives byte-identical files. `createBundle` works in memory (the Vite plugin serves from
 * it); `buildBundle` also writes the files (./write-output) and removes the ones an earlier
 * build wrote that are no longer needed, but only when the build is ok, or forced.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assembleBundle, BODIES_DIR, baseUrlProblem, serializeBundle, type KbBundle } from '../core/bundle-format';
import type { BuildCache } from './build-cache';
import { collectArticles, type CollectResult } from './collect';
import { BASE_URL_HINT } from './config';
import { DiagnosticList, sortDiagnostics, type Diagnostic } from './diagnostics';
import { contentHash, hashedName } from './hash';
import { applyViewCounts, configViewsPath, contentRelative, readViewCounts, type ViewsSource } from './views-file';
import { writeBundleFiles } from './write-output';

export { MANIFEST_FILE, OutputFolderError, writeBundleFiles } from './write-output';

export const BUNDLE_FILE = 'kb.json';

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
  /**
   * View counts by article id (a `views.json` path, or the counts): each article's `views` comes
   * from here, front matter `views` where the file has none. Overrides kb.config's `views`.
   */
  views?: ViewsSource;
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
  /** `buildBundle`: whether the files were written (a build that is not ok is written only when forced). */
  written?: boolean;
  collected: CollectResult;
}

export async function createBundle(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { onProgress, cache, ignore, exclude, excludeOrigin } = options;
  const collected = await collectArticles(options.contentDir, { onProgress, cache, ignore, exclude, excludeOrigin });
  const { categories, config } = collected;
  const optionDiagnostics = new DiagnosticList();
  const articles = withViewCounts(collected, options, optionDiagnostics);
  const baseUrl = options.baseUrl === undefined ? config.baseUrl : optionBaseUrl(options.baseUrl, optionDiagnostics);
  const diagnostics = optionDiagnostics.items.length
    ? sortDiagnostics([...collected.diagnostics, ...optionDiagnostics.items])
    : collected.diagnostics;
  const meta: { title: string; locale: string; baseUrl?: string } = { title: config.title, locale: config.locale };
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
  // Set last: a hash of everything else, so it changes whenever the content does.
  bundle.meta.contentVersion = contentHash(serializeBundle(bundle), 12);
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

/** The `baseUrl` option, or undefined and an error when the elements would refuse it as `meta.baseUrl`. */
function optionBaseUrl(baseUrl: string, diagnostics: DiagnosticList): string | undefined {
  const problem = baseUrlProblem(baseUrl);
  if (!problem) return baseUrl;
  diagnostics.error('config-type', 'baseUrl', `the baseUrl option ${JSON.stringify(baseUrl)} ${problem}. ${BASE_URL_HINT}`);
  return undefined;
}

/** The articles with their view counts from `options.views` or kb.config's `views`, when set. */
function withViewCounts(collected: CollectResult, options: BuildOptions, diagnostics: DiagnosticList): CollectResult['articles'] {
  const source = viewsSource(options, collected.config.views, collected.configFile, diagnostics);
  if (source === undefined) return collected.articles;
  const file = typeof source === 'string' ? contentRelative(resolve(options.contentDir), source) : 'views';
  const counts = readViewCounts(source, file, diagnostics);
  return counts ? applyViewCounts(collected.articles, counts, file, diagnostics) : collected.articles;
}

function viewsSource(
  options: BuildOptions,
  configViews: string | undefined,
  configFile: string,
  diagnostics: DiagnosticList,
): ViewsSource | undefined {
  if (typeof options.views === 'string') return resolve(options.views);
  if (options.views) return options.views;
  if (configViews === undefined) return undefined;
  return configViewsPath(options.contentDir, configViews, diagnostics, configFile || 'kb.config');
}

/**
 * Builds the bundle and writes it into `outDir`. A build that is not ok (errors, or warnings
 * when strict) leaves the output folder as it was, so a pipeline that ignores the exit code
 * cannot publish a broken help center, unless `force` is set.
 */
export async function buildBundle(options: BuildOptions & { outDir: string; force?: boolean }): Promise<BuildResult> {
  const result = await createBundle({ ...options, ignore: [...(options.ignore ?? []), options.outDir] });
  result.written = result.ok || Boolean(options.force);
  if (!result.written) return result;
  const started = performance.now();
  writeBundleFiles(options.outDir, result.files);
  result.stats.time += Math.round(performance.now() - started);
  return result;
}

function size(content: string | Uint8Array): SizeInfo {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
