/**
 * Reads a content folder into articles ready for the index and the bundle: front matter,
 * Markdown to HTML, ids, categories, links, images, excerpts, sections. Every Markdown file
 * ends up as an article or in a diagnostic that says which file and why.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Category, IndexableArticle } from '../core/types';
import { AssetStore } from './assets';
import type { BuildCache } from './build-cache';
import { countArticles, humanize, makeCategories, pathId, splitOrderPrefix, toCategory, type FolderInfo } from './categories';
import { readConfig, type KbConfig } from './config';
import { ContentRoot } from './content-root';
import { findConfigFiles, readContentTree } from './content-tree';
import { compareStrings, DiagnosticList, sortDiagnostics, type Diagnostic } from './diagnostics';
import { excludedReason, ExcludeRules, optionPatterns } from './exclude';
import { makeExcerpt } from './excerpt';
import { readArticleFields, readCategoryFields, type ArticleFields } from './fields';
import { readFrontMatter } from './front-matter';
import { LinkTextCollector } from './link-text';
import { articleOfHref, LinkResolver, type LinkTarget } from './links';
import { MarkdownEngine, type ConvertedMarkdown } from './markdown';
import { placeText } from './place';
import { decodeText } from './read-text';
import { slugifyName } from './slug';

export interface CollectedArticle extends IndexableArticle {
  /** Body HTML (not sanitized: the elements sanitize it; scripts and handlers are already gone). */
  html: string;
  /** Path of the Markdown file, relative to the content folder, with `/`. */
  source: string;
}

export interface CollectResult {
  /** In the order lists show them: category tree order, then `order`, then title. */
  articles: CollectedArticle[];
  /** Tree order: parents before children, siblings by order, then title. */
  categories: Category[];
  config: KbConfig;
  /** The config file the settings came from (`kb.config.yaml`, ...), or `''` when there is none. */
  configFile: string;
  /** Sorted by file and line. */
  diagnostics: Diagnostic[];
  /** Files to write next to the bundle (`assets/name.hash.ext`), from images and attachments. */
  assets: Map<string, Uint8Array>;
  /** The `exclude` patterns this build used (kb.config's and the options'): watchers skip what they match. */
  exclude: ExcludeRules;
}

export interface CollectOptions {
  /** Called after each Markdown file is read, for progress on large builds. */
  onProgress?: (done: number, total: number) => void;
  /** Keeps conversions between builds of a long-running process (watch mode, Vite dev). */
  cache?: BuildCache;
  /** Folders or files inside the content folder that are not content (the output folder). */
  ignore?: string[];
  /** Glob patterns of files and folders that are not content, added to kb.config's `exclude`. */
  exclude?: readonly string[];
  /** Where `exclude` came from, for messages (default `build options`): `--exclude`, ... */
  excludeOrigin?: string;
}

/** The content folder is missing or is not a folder: nothing can be built. */
export class ContentFolderError extends Error {
  override name = 'ContentFolderError';
}

interface Draft {
  path: string;
  folder: string;
  fields: ArticleFields;
  /** Line of each front matter field. */
  fieldLines: Record<string, number>;
  /** Plain text: front matter `excerpt` without its Markdown, else the cut first paragraph. */
  excerpt: string;
  converted: ConvertedMarkdown;
  title: string;
  id: string;
  category: string;
}

const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

export async function collectArticles(contentDir: string, options: CollectOptions = {}): Promise<CollectResult> {
  const info = await stat(resolve(contentDir)).catch(() => undefined);
  if (!info) throw new ContentFolderError(`content folder not found: ${contentDir}`);
  if (!info.isDirectory()) throw new ContentFolderError(`not a folder: ${contentDir}`);
  const root = new ContentRoot(resolve(contentDir));

  const diagnostics = new DiagnosticList();
  const configFiles = findConfigFiles(root, diagnostics);
  const config = await readConfig(root.real, configFiles, diagnostics);
  const configFile = configFiles[0] ?? '';
  const exclude = new ExcludeRules(
    [...config.exclude, ...optionPatterns(options.exclude, options.excludeOrigin ?? 'build options')],
    diagnostics,
  );
  const ignore = {
    real: (options.ignore ?? []).map(realPathOf),
    paths: (options.ignore ?? [])
      .map((path) => relative(resolve(contentDir), resolve(path)))
      .filter((path) => path && !path.startsWith('..') && !isAbsolute(path))
      .map((path) => path.split(sep).join('/')),
  };
  const tree = await readContentTree(root, diagnostics, ignore, exclude);
  const fileOf = (path: string) => tree.realPaths.get(path)!;
  exclude.report(diagnostics);
  const excluded = new Map([...tree.excluded].map(([path, rule]) => [path, excludedReason(rule)]));
  const engine = options.cache?.engineFor(config.locale) ?? new MarkdownEngine(config.locale);
  options.cache?.begin();

  // 1. Read and convert every article (links are resolved later, once every id is known).
  const drafts: Draft[] = [];
  const leftOut = new Map<string, string>();
  const leftOutIds = new Map<string, string>();
  for (const [path, reason] of excluded) if (/\.(md|markdown)$/i.test(path)) leftOutIds.set(defaultId(path), reason);
  let done = 0;
  for (const path of tree.articles) {
    const draft = readArticleCached(fileOf(path), path, engine, diagnostics, options.cache);
    options.onProgress?.(++done, tree.articles.length);
    if (!draft) continue;
    if (draft.fields.leftOut) {
      diagnostics.info('left-out', path, `${draft.fields.leftOut}: left out of the bundle.`);
      leftOut.set(path, draft.fields.leftOut);
      leftOutIds.set(draft.fields.id ?? defaultId(path), draft.fields.leftOut);
      continue;
    }
    drafts.push(draft);
  }

  // 2. Ids: ids written in front matter first, then the path-based defaults.
  assignIds(drafts, diagnostics);

  // 3. Categories, and each article's category.
  const folders: FolderInfo[] = [];
  const intros = new Map<string, ConvertedMarkdown>();
  const categoryFolders = new Map<string, string>();
  for (const folder of tree.categoryFiles.has('') ? ['', ...tree.folders] : tree.folders) {
    const path = tree.categoryFiles.get(folder);
    const file = path ? readCategoryFile(fileOf(path), path, engine, diagnostics) : undefined;
    folders.push({ folder, fields: file?.fields ?? {} });
    if (path && file?.intro) intros.set(folder, file.intro);
  }
  const hasRootArticles = drafts.some((d) => d.folder === '');
  const drafted = makeCategories(folders, hasRootArticles, config, configFile, diagnostics);
  if (tree.categoryFiles.has('') && !hasRootArticles) {
    diagnostics.info(
      'unused-file',
      tree.categoryFiles.get('')!,
      'describes the category of articles at the root, and there are none; only its "lang" is used.',
    );
  }
  for (const category of drafted) categoryFolders.set(category.folder, category.id);
  const categoryIds = new Set(drafted.map((c) => c.id));
  for (const draft of drafts) assignCategory(draft, categoryIds, categoryFolders, diagnostics);

  // 4. Links and images, then HTML.
  const assets = new AssetStore();
  const resolver = new LinkResolver({
    root,
    articles: new Map<string, LinkTarget>(drafts.map((d) => [d.path, { id: d.id, anchors: d.converted.anchors }])),
    leftOut,
    excluded,
    categories: categoryFolders,
    assets,
    diagnostics,
  });
  const linkTexts = new LinkTextCollector();
  /**
   * The final HTML of a file, or undefined (with an error for that file) when it cannot be made.
   * `source` names who links: an article id, or `category:<id>` for a category's intro.
   */
  const render = (path: string, converted: ConvertedMarkdown, source: string): string | undefined => {
    try {
      return engine.finish(converted, (url) => {
        const resolution = resolver.resolve(path, converted.anchors, url.href, url.kind, url.line);
        const target = url.text && resolution && 'href' in resolution ? articleOfHref(resolution.href) : undefined;
        if (target) linkTexts.add(source, target, url.text!);
        return resolution;
      });
    } catch (error) {
      diagnostics.fail('convert-failed', path, 'could not be converted', error);
      return undefined;
    }
  };
  for (const category of drafted) {
    const intro = intros.get(category.folder);
    const html = intro ? render(tree.categoryFiles.get(category.folder)!, intro, `category:${category.id}`)?.trim() : '';
    if (html) category.introHtml = html;
  }
  const ids = new Set(drafts.map((d) => d.id));
  const folderLang = folderLanguages(folders);
  const articles = drafts.flatMap((draft) => {
    const lang = draft.fields.lang ?? folderLang(draft.folder);
    const related = relatedIds(draft, ids, leftOutIds, diagnostics);
    const html = render(draft.path, draft.converted, draft.id);
    return html === undefined ? [] : [toArticle(draft, html, related, lang === config.locale ? undefined : lang)];
  });
  // Where each article sits and what the others call it: search fields, known once every link is resolved.
  const categoryById = new Map(drafted.map((c) => [c.id, c]));
  for (const article of articles) {
    article.place = placeText(article.source, article.category, categoryById);
    const texts = linkTexts.textsFor(article.id);
    if (texts.length) article.linkText = texts;
  }

  // 5. Counts, order, and a word about every file that did not make it in.
  countArticles(
    drafted,
    articles.map((a) => a.category),
  );
  const categories = drafted.map(toCategory);
  const position = new Map(categories.map((c, i) => [c.id, i]));
  articles.sort(
    (a, b) =>
      (position.get(a.category) ?? 0) - (position.get(b.category) ?? 0) ||
      (a.order ?? Infinity) - (b.order ?? Infinity) ||
      compareStrings(a.title.toLowerCase(), b.title.toLowerCase()) ||
      compareStrings(a.id, b.id),
  );
  const used = new Set(assets.sources());
  for (const file of tree.otherFiles) {
    if (!used.has(fileOf(file)))
      diagnostics.info('unused-file', file, 'not a Markdown article and not referenced by one; not in the bundle.');
  }
  if (tree.articles.length === 0) {
    const excludedArticles = [...excluded.keys()].filter((path) => /\.(md|markdown)$/i.test(path)).length;
    const why = excludedArticles ? ` (the exclude patterns left out all ${excludedArticles})` : '';
    diagnostics.error('empty-content', '', `no Markdown articles (*.md) in ${contentDir}${why}.`);
  } else if (articles.length === 0) {
    diagnostics.error(
      'empty-content',
      '',
      `none of the ${tree.articles.length} Markdown files could be used as an article (see the messages above).`,
    );
  }
  options.cache?.end();
  return { articles, categories, config, configFile, diagnostics: sortDiagnostics(diagnostics.items), assets: assets.files, exclude };
}

/** The real path of a folder that may not exist yet (the output folder): its nearest existing folder's, and the rest. */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  for (let folder = absolute; ; folder = dirname(folder)) {
    try {
      return join(realpathSync(folder), relative(folder, absolute));
    } catch {
      if (dirname(folder) === folder) return absolute;
    }
  }
}

/**
 * A `_category.md`: its fields, and its body (the intro), lexed; rendered once links resolve.
 * One that cannot be read is an error, and the folder keeps its default title.
 */
function readCategoryFile(file: string, path: string, engine: MarkdownEngine, diagnostics: DiagnosticList) {
  try {
    const text = decodeText(readFileSync(file), path, diagnostics) ?? '';
    const front = readFrontMatter(text, path, diagnostics);
    const fields = readCategoryFields(front, path, diagnostics);
    const intro = front.body.trim() ? engine.convert(front.body, front.bodyLine, path, diagnostics) : undefined;
    return { fields, intro };
  } catch (error) {
    diagnostics.fail('unreadable', path, 'could not be read', error);
    return undefined;
  }
}

/** `readArticle`, through the cache when there is one (ids and categories are assigned afresh). */
function readArticleCached(
  file: string,
  path: string,
  engine: MarkdownEngine,
  diagnostics: DiagnosticList,
  cache?: BuildCache,
): Draft | undefined {
  if (!cache) return readArticleSafely(file, path, engine, diagnostics);
  try {
    const cached = cache.get(file, (messages) => {
      const own = new DiagnosticList();
      const draft = readArticleSafely(file, path, engine, own);
      messages.push(...own.items);
      return draft;
    });
    diagnostics.items.push(...cached.diagnostics);
    return cached.value && { ...cached.value, id: '', category: '' };
  } catch (error) {
    diagnostics.fail('unreadable', path, 'could not be read', error);
    return undefined;
  }
}

/** One article that cannot be read or converted is an error for that file; the others are built. */
function readArticleSafely(file: string, path: string, engine: MarkdownEngine, diagnostics: DiagnosticList): Draft | undefined {
  try {
    return readArticle(file, path, engine, diagnostics);
  } catch (error) {
    diagnostics.fail('unreadable', path, 'could not be read or converted', error);
    return undefined;
  }
}

function readArticle(file: string, path: string, engine: MarkdownEngine, diagnostics: DiagnosticList): Draft | undefined {
  const bytes = readFileSync(file);
  const text = decodeText(bytes, path, diagnostics);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    diagnostics.warn('empty-file', path, 'empty file; left out of the bundle.');
    return undefined;
  }
  const front = readFrontMatter(text, path, diagnostics);
  const fields = readArticleFields(front, path, diagnostics);
  const converted = engine.convert(front.body, front.bodyLine, path, diagnostics);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  let title = fields.title ?? converted.title;
  if (!title) {
    title = humanize(basename(path).replace(/\.(md|markdown)$/i, ''));
    diagnostics.warn(
      'missing-title',
      path,
      `no title: add "title:" to the front matter or start with a "# Heading"; used "${title}" from the file name.`,
      1,
    );
  }
  if (!front.body.trim()) diagnostics.warn('empty-article', path, 'the article has no text, only front matter.', front.bodyLine - 1);
  const excerpt = fields.excerpt !== undefined ? engine.plain(fields.excerpt) : makeExcerpt(converted.firstParagraph);
  return { path, folder, fields, fieldLines: front.lines, excerpt, converted, title, id: '', category: '' };
}

function defaultId(path: string): string {
  const withoutExtension = path.replace(/\.(md|markdown)$/i, '');
  return pathId(withoutExtension) || slugifyName(splitOrderPrefix(basename(withoutExtension)).name) || 'article';
}

function assignIds(drafts: Draft[], diagnostics: DiagnosticList): void {
  const taken = new Map<string, { path: string; explicit: boolean }>();
  /** The next suffix to try for each id, so many articles wanting one id cost no more than different ids. */
  const nextSuffix = new Map<string, number>();
  const claim = (draft: Draft, wanted: string, explicit: boolean) => {
    let id = wanted;
    const owner = taken.get(wanted);
    if (owner) {
      let n = nextSuffix.get(wanted) ?? 2;
      while (taken.has(`${wanted}-${n}`)) n++;
      nextSuffix.set(wanted, n + 1);
      id = `${wanted}-${n}`;
      // An id the author wrote twice is an error; two file names that make the same default id
      // are only a warning (the author chose no id), but the id may change when files move.
      // Ids written in front matter are claimed first: an id from a path never takes one.
      const used =
        owner.explicit && !explicit ? `is the id ${owner.path} sets in its front matter, which wins` : `is already used by ${owner.path}`;
      diagnostics.add(
        explicit ? 'error' : 'warning',
        'duplicate-id',
        draft.path,
        `${explicit ? 'id' : 'default id (from the path)'} "${wanted}" ${used}; this article got the id "${id}". Give one of them another id.`,
        explicit ? draft.fieldLines.id : undefined,
      );
    }
    taken.set(id, { path: draft.path, explicit });
    draft.id = id;
  };
  for (const draft of drafts) {
    const id = draft.fields.id;
    if (id === undefined) continue;
    if (ID_PATTERN.test(id)) {
      claim(draft, id, true);
    } else {
      const fixed = slugifyName(id) || defaultId(draft.path);
      diagnostics.warn(
        'invalid-id',
        draft.path,
        `id "${id}" may only hold letters, digits, "-", "_" and "."; used "${fixed}".`,
        draft.fieldLines.id,
      );
      claim(draft, fixed, true);
    }
  }
  for (const draft of drafts) if (!draft.id) claim(draft, defaultId(draft.path), false);
}

function assignCategory(draft: Draft, byId: Set<string>, byFolder: Map<string, string>, diagnostics: DiagnosticList): void {
  draft.category = byFolder.get(draft.folder) ?? '';
  const wanted = draft.fields.category;
  if (!wanted) return;
  const found = byId.has(wanted) ? wanted : byFolder.get(wanted.replace(/^\/|\/$/g, '') || '\0');
  if (found !== undefined) draft.category = found;
  else {
    diagnostics.warn(
      'unknown-category',
      draft.path,
      `category "${wanted}" does not exist${diagnostics.suggest(wanted, byFolder.values())}; kept the article in its folder's category.`,
      draft.fieldLines.category,
    );
  }
}

/** The `lang` of a folder: its own `_category.md`'s, else the nearest parent's. */
function folderLanguages(folders: FolderInfo[]): (folder: string) => string | undefined {
  const own = new Map(folders.map((f) => [f.folder, f.fields.lang]));
  const langOf = (folder: string): string | undefined =>
    own.get(folder) ?? (folder === '' ? undefined : langOf(folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : ''));
  return langOf;
}

/** The article's `related` ids that exist, each once; the others reported. */
function relatedIds(draft: Draft, ids: Set<string>, leftOut: Map<string, string>, diagnostics: DiagnosticList): string[] {
  const related = new Set<string>();
  for (const id of draft.fields.related ?? []) {
    if (id === draft.id || related.has(id)) continue;
    if (ids.has(id)) related.add(id);
    else {
      const why = leftOut.has(id) ? `is ${leftOut.get(id)}` : `does not exist${diagnostics.suggest(id, ids)}`;
      diagnostics.warn('unknown-related', draft.path, `related article "${id}" ${why}; left it out.`, draft.fieldLines.related);
    }
  }
  return [...related];
}

function toArticle(draft: Draft, html: string, related: string[], lang: string | undefined): CollectedArticle {
  const { fields, converted } = draft;
  const article: CollectedArticle = {
    id: draft.id,
    title: draft.title,
    category: draft.category,
    excerpt: draft.excerpt,
    tags: fields.tags ?? [],
    views: fields.views ?? 0,
    headings: converted.headings,
    related,
    context: fields.context ?? [],
    sections: converted.sections,
    html,
    source: draft.path,
  };
  if (fields.updated) article.updated = fields.updated;
  const order = fields.order ?? splitOrderPrefix(basename(draft.path)).order;
  if (order !== undefined) article.order = order;
  if (lang) article.lang = lang;
  return article;
}
