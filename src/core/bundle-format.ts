/**
 * The knowledge-base bundle: the one module that knows its shape. The build makes it with
 * `assembleBundle`, `KnowledgeBase` reads it after `validateBundle`. See docs/bundle-format.md.
 */
import type { ArticleHeading, ArticleMeta, Category, IndexableArticle, KnowledgeBaseMeta } from './types';
import type { SerializedSearchIndex } from './search/index-format';
import { buildSearchIndex } from './search/build-index';
import { KbError } from './errors';
import { decodeUriPart, encodeUriPart, toWellFormed } from './uri-part';
import { timeSliced } from './yield';

export const BUNDLE_FORMAT = 'kb-elements/bundle';
/** Bumped on any change a reader of the previous version could not handle. */
export const BUNDLE_VERSION = 1;

/** The folders of a bundle the build writes: split article bodies, and published assets. */
export const BODIES_DIR = 'articles';
export const ASSETS_DIR = 'assets';

export interface KbBundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  meta: KnowledgeBaseMeta;
  categories: Category[];
  articles: ArticleMeta[];
  /** Article body HTML by article id, when bodies are inline (small knowledge bases). */
  bodies?: Record<string, string>;
  /** Body file path (inside the bundle's folder, see `bundlePathProblem`) by article id, when bodies are split. */
  bodyFiles?: Record<string, string>;
  /** The prebuilt search index. */
  search: SerializedSearchIndex;
}

export interface AssembleInput {
  meta: Omit<KnowledgeBaseMeta, 'articleCount' | 'categoryCount'> & Partial<Pick<KnowledgeBaseMeta, 'articleCount' | 'categoryCount'>>;
  categories: Category[];
  /** Articles in the order lists show them, with their sections (for the index) and body HTML. */
  articles: (IndexableArticle & { html: string })[];
  /**
   * Bodies in separate files (`bodyFiles`, fetched when an article opens) instead of inline
   * (`bodies`). `'auto'` splits when the bodies add up to more than 256 KB.
   */
  split?: boolean | 'auto';
  /** Groups of words that mean the same (kb.config `synonyms`), stored in the search index. */
  synonyms?: readonly (readonly string[])[];
}

/** Above this many bytes of body HTML, `split: 'auto'` moves bodies into their own files. */
export const AUTO_SPLIT_BYTES = 256 * 1024;

/** The body file path of an article, relative to the bundle: `articles/<id>.html`, id made path-safe. */
export function bodyFilePath(id: string): string {
  return `articles/${id
    .split('/')
    .map((s) => encodeUriPart(s).replace(/^\.+$/, '_'))
    .join('/')}.html`;
}

function toMeta(article: IndexableArticle & { html: string }): ArticleMeta {
  const {
    sections: _sections,
    html: _html,
    place: _place,
    linkText: _linkText,
    ...meta
  } = article as IndexableArticle & { html: string; source?: unknown };
  delete (meta as { source?: unknown }).source;
  return meta;
}

/**
 * The bundle as JSON text, the way the build writes it: article fields at their default
 * (empty lists, `views: 0`) are left out, since `validateBundle` fills them in again.
 */
export function serializeBundle(bundle: KbBundle): string {
  return JSON.stringify({ ...bundle, articles: bundle.articles.map(withoutDefaults) });
}

function withoutDefaults(article: ArticleMeta): Partial<ArticleMeta> {
  return Object.fromEntries(
    Object.entries(article).filter(([key, value]) => !(Array.isArray(value) && value.length === 0) && !(key === 'views' && value === 0)),
  );
}

/**
 * Makes the bundle object: metadata, bodies (inline, or as `bodyFiles` paths the build
 * writes each article's `html` to) and the search index. The one place a bundle is made.
 */
export function assembleBundle(input: AssembleInput): KbBundle {
  const totalHtml = input.articles.reduce((n, a) => n + a.html.length, 0);
  const split = input.split === 'auto' ? totalHtml > AUTO_SPLIT_BYTES : Boolean(input.split);
  const bundle: KbBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta: { ...input.meta, articleCount: input.articles.length, categoryCount: input.categories.length },
    categories: input.categories,
    articles: input.articles.map(toMeta),
    search: buildSearchIndex(input.articles, { synonyms: input.synonyms ?? [] }),
  };
  if (split) bundle.bodyFiles = Object.fromEntries(input.articles.map((a) => [a.id, bodyFilePath(a.id)]));
  else bundle.bodies = Object.fromEntries(input.articles.map((a) => [a.id, a.html]));
  return bundle;
}

// ---- validation ----

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  throw new KbError('format', `Invalid knowledge-base bundle: ${path} must be ${expected} (got ${got})`);
}

function str(obj: Record<string, unknown>, key: string, path: string, fallback?: string): string {
  const v = obj[key];
  if (typeof v === 'string') return v;
  if (v === undefined && fallback !== undefined) return fallback;
  return fail(`${path}.${key}`, 'a string', v);
}

function optStr(obj: Record<string, unknown>, key: string, path: string): string | undefined {
  return obj[key] === undefined || obj[key] === null ? undefined : str(obj, key, path);
}

function num(obj: Record<string, unknown>, key: string, path: string, fallback?: number): number {
  const v = obj[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  return fail(`${path}.${key}`, 'a number', v);
}

function optNum(obj: Record<string, unknown>, key: string, path: string): number | undefined {
  return obj[key] === undefined || obj[key] === null ? undefined : num(obj, key, path);
}

function strings(obj: Record<string, unknown>, key: string, path: string): string[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail(`${path}.${key}`, 'an array of strings', v);
  return v.map((s, i) => (typeof s === 'string' ? s : fail(`${path}.${key}[${i}]`, 'a string', s)));
}

/**
 * Ids (of articles, categories, headings, and references to them) come back well-formed: a
 * lone surrogate, which JSON allows, becomes U+FFFD, so an id survives `encodeURIComponent`
 * in a link and comes back the same.
 */
const id = (obj: Record<string, unknown>, key: string, path: string, fallback?: string) => toWellFormed(str(obj, key, path, fallback));
const ids = (obj: Record<string, unknown>, key: string, path: string) => strings(obj, key, path).map(toWellFormed);

function list<T>(value: unknown, path: string, item: (v: Record<string, unknown>, path: string) => T): T[] {
  if (!Array.isArray(value)) return fail(path, 'an array', value);
  return value.map((v, i) => (isObject(v) ? item(v, `${path}[${i}]`) : fail(`${path}[${i}]`, 'an object', v)));
}

function recordHead(value: unknown, path: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  return isObject(value) ? value : fail(path, 'an object of strings', value);
}

/** Checks one entry of `bodies` or `bodyFiles` (its value a string, a body file a path inside the bundle); makes its key well-formed. */
function recordEntry(value: Record<string, unknown>, key: string, path: string, isPath: boolean): void {
  const v = value[key];
  if (typeof v !== 'string') fail(`${path}[${JSON.stringify(key)}]`, 'a string', v);
  const problem = isPath ? bundlePathProblem(v) : undefined;
  if (problem)
    throw new KbError(
      'format',
      `Invalid knowledge-base bundle: ${path}[${JSON.stringify(key)}] must be a path inside the bundle's folder: ${JSON.stringify(v)} ${problem}`,
    );
  const wellFormed = toWellFormed(key);
  if (wellFormed !== key) {
    value[wellFormed] = v;
    delete value[key];
  }
}

function record(value: unknown, path: string, isPath = false): Record<string, string> | undefined {
  const r = recordHead(value, path);
  if (r) for (const key of Object.keys(r)) recordEntry(r, key, path, isPath);
  return r as Record<string, string> | undefined;
}

async function recordAsync(value: unknown, path: string, isPath = false): Promise<Record<string, string> | undefined> {
  const r = recordHead(value, path);
  if (r) {
    const keys = Object.keys(r);
    await timeSliced(keys.length, (i) => recordEntry(r, keys[i]!, path, isPath));
  }
  return r as Record<string, string> | undefined;
}

function uniqueId(ids: Set<string>, a: ArticleMeta, i: number): void {
  if (ids.has(a.id)) throw new KbError('format', `Invalid knowledge-base bundle: articles[${i}].id "${a.id}" is used twice`);
  ids.add(a.id);
}

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  for (const k in extra) if (extra[k] !== undefined) (base as Record<string, unknown>)[k] = extra[k];
  return base;
}

function heading(h: Record<string, unknown>, path: string): ArticleHeading {
  return { id: id(h, 'id', path), text: str(h, 'text', path), level: num(h, 'level', path, 2) };
}

function article(a: Record<string, unknown>, path: string): ArticleMeta {
  return withOptional(
    {
      id: id(a, 'id', path),
      title: str(a, 'title', path),
      category: id(a, 'category', path, ''),
      excerpt: str(a, 'excerpt', path, ''),
      tags: strings(a, 'tags', path),
      views: num(a, 'views', path, 0),
      headings: a.headings === undefined ? [] : list(a.headings, `${path}.headings`, heading),
      related: ids(a, 'related', path),
      context: strings(a, 'context', path),
    },
    { updated: optStr(a, 'updated', path), order: optNum(a, 'order', path), lang: optStr(a, 'lang', path) },
  );
}

function category(c: Record<string, unknown>, path: string): Category {
  return withOptional(
    {
      id: id(c, 'id', path),
      title: str(c, 'title', path),
      articleCount: num(c, 'articleCount', path, 0),
      totalCount: num(c, 'totalCount', path, 0),
    },
    {
      description: optStr(c, 'description', path),
      introHtml: optStr(c, 'introHtml', path),
      icon: optStr(c, 'icon', path),
      order: optNum(c, 'order', path),
      parent: c.parent === undefined || c.parent === null ? undefined : id(c, 'parent', path),
    },
  );
}

/**
 * Checks that `value` is a bundle this reader understands and returns it with defaults
 * filled in. Throws `KbError` kind `version` for another format version, `format` for
 * anything malformed, naming the bad field.
 */
export function validateBundle(value: unknown): KbBundle {
  const v = checkHead(value);
  const articles = list(v.articles, 'articles', article);
  const ids = new Set<string>();
  articles.forEach((a, i) => uniqueId(ids, a, i));
  return assembleValid(v, articles, record(v.bodies, 'bodies'), record(v.bodyFiles, 'bodyFiles', true));
}

/** `validateBundle` in slices of a few milliseconds (10,000 articles take longer than one frame). */
export async function validateBundleAsync(value: unknown): Promise<KbBundle> {
  const v = checkHead(value);
  if (!Array.isArray(v.articles)) return fail('articles', 'an array', v.articles);
  const input = v.articles as unknown[];
  const articles: ArticleMeta[] = new Array(input.length);
  const ids = new Set<string>();
  await timeSliced(input.length, (i) => {
    const a = input[i];
    articles[i] = isObject(a) ? article(a, `articles[${i}]`) : fail(`articles[${i}]`, 'an object', a);
    uniqueId(ids, articles[i], i);
  });
  return assembleValid(v, articles, await recordAsync(v.bodies, 'bodies'), await recordAsync(v.bodyFiles, 'bodyFiles', true));
}

function checkHead(value: unknown): Record<string, unknown> {
  if (!isObject(value)) return fail('the bundle', 'a JSON object', value);
  if (value.format !== BUNDLE_FORMAT) {
    throw new KbError(
      'format',
      `Not a knowledge-base bundle: "format" is ${JSON.stringify(value.format) ?? 'missing'}, expected "${BUNDLE_FORMAT}"`,
    );
  }
  if (value.version !== BUNDLE_VERSION) {
    const v = JSON.stringify(value.version) ?? 'missing';
    const hint = typeof value.version === 'number' && value.version > BUNDLE_VERSION ? 'upgrade kb-elements' : 'rebuild the bundle';
    throw new KbError(
      'version',
      `Knowledge-base bundle version ${v} is not supported: this reader reads version ${BUNDLE_VERSION} (${hint})`,
    );
  }
  return value;
}

/** The bundle from checked articles and body records; checks the rest. */
function assembleValid(
  value: Record<string, unknown>,
  articles: ArticleMeta[],
  bodies: Record<string, string> | undefined,
  bodyFiles: Record<string, string> | undefined,
): KbBundle {
  const metaIn = isObject(value.meta) ? value.meta : fail('meta', 'an object', value.meta);
  const categories = list(value.categories ?? [], 'categories', category);
  const meta: KnowledgeBaseMeta = withOptional(
    {
      title: str(metaIn, 'title', 'meta', ''),
      locale: str(metaIn, 'locale', 'meta', 'en'),
      articleCount: articles.length,
      categoryCount: categories.length,
    },
    { baseUrl: baseUrlOf(metaIn), contentVersion: optStr(metaIn, 'contentVersion', 'meta') },
  );
  if (!isObject(value.search)) return fail('search', 'an object (the search index)', value.search);
  const bundle: KbBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta,
    categories,
    articles,
    search: value.search as unknown as SerializedSearchIndex,
  };
  if (bodies) bundle.bodies = bodies;
  if (bodyFiles) bundle.bodyFiles = bodyFiles;
  return bundle;
}

// ---- paths: where a bundle's files are ----

/** Longer body file paths are refused (the build's are about 60 characters). */
const MAX_PATH = 1024;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** What the build writes (`articles/add-a-domain.3f2a9c1b07.html`): fine at a glance. */
const PLAIN_PATH = /^[\w-]+(?:\.[\w-]+)*(?:\/[\w-]+(?:\.[\w-]+)*)*$/;

/**
 * Why `path` is not a path inside the bundle's folder, or undefined when it is one. A bundle
 * path is relative and stays below the folder it resolves against, for the URL parser and for
 * any server that decodes it: segments separated by `/`, none empty, none made of dots only
 * (`.`, `..`, `%2e%2e`, `...`), no scheme, no leading `/`, no backslash, no space or control
 * character, no `?` or `#`, no `/` or `\` hidden in a `%` escape.
 */
export function bundlePathProblem(path: string): string | undefined {
  if (!path) return 'is empty';
  if (path.length > MAX_PATH) return `is longer than ${MAX_PATH} characters`;
  if (PLAIN_PATH.test(path)) return undefined;
  if (SCHEME.test(path)) return 'is an absolute URL';
  if (path.startsWith('/')) return 'starts with "/"';
  if (path.includes('\\')) return 'holds a backslash';
  if (CONTROL.test(path) || path.includes(' ')) return 'holds a space or a control character';
  if (/[?#]/.test(path)) return 'holds "?" or "#"';
  for (const segment of path.split('/')) {
    if (!segment) return 'has an empty segment';
    const decoded = decodeUriPart(segment);
    if (/^\.+$/.test(decoded)) return `has a "${segment}" segment`;
    if (/[/\\]/.test(decoded) || CONTROL.test(decoded)) return `hides "/", "\\" or a control character in "${segment}"`;
  }
  return undefined;
}

/**
 * Why `baseUrl` cannot be `meta.baseUrl`, or undefined: it must be an `http:`/`https:` URL
 * without user name, password, query or fragment, a path from the server's root (`/static/help/`),
 * or a bundle path (a folder inside the bundle's own).
 */
export function baseUrlProblem(baseUrl: string): string | undefined {
  if (SCHEME.test(baseUrl)) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      return 'is not a valid URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `is a ${url.protocol} URL (only http: and https:)`;
    if (url.username || url.password) return 'holds a user name or password';
    if (url.search || url.hash || /[?#]/.test(baseUrl)) return 'holds "?" or "#"';
    return folderProblem(url.pathname.slice(1));
  }
  if (baseUrl.startsWith('//')) return 'starts with "//" (give the scheme)';
  return folderProblem(baseUrl.startsWith('/') ? baseUrl.slice(1) : baseUrl);
}

/** `bundlePathProblem` for a folder path (empty, or with a final `/`). */
function folderProblem(path: string): string | undefined {
  const folder = path.replace(/\/$/, '');
  return folder ? bundlePathProblem(folder) : undefined;
}

function baseUrlOf(meta: Record<string, unknown>): string | undefined {
  const baseUrl = optStr(meta, 'baseUrl', 'meta');
  const problem = baseUrl === undefined ? undefined : baseUrlProblem(baseUrl);
  if (problem) throw new KbError('format', `Invalid knowledge-base bundle: meta.baseUrl ${JSON.stringify(baseUrl)} ${problem}`);
  return baseUrl;
}

/**
 * The folder a bundle's files are in, as an absolute URL ending in `/`: `meta.baseUrl` (a
 * folder, a missing final `/` is implied) resolved against the bundle's URL, else the folder
 * of the bundle's URL. Undefined when neither gives an absolute URL.
 */
export function bundleFolder(bundleUrl: string | undefined, metaBaseUrl: string | undefined): string | undefined {
  try {
    const base = new URL(bundleUrl ?? metaBaseUrl ?? '');
    if (metaBaseUrl === undefined) return new URL('.', base).href;
    const folder = new URL(metaBaseUrl, base);
    folder.search = '';
    folder.hash = '';
    if (!folder.pathname.endsWith('/')) folder.pathname += '/';
    return folder.href;
  } catch {
    return undefined;
  }
}

/** Whether `url` (absolute) is inside `folder` (absolute, ending in `/`), as a server would read it too. */
export function isInFolder(url: string, folder: string): boolean {
  return url.startsWith(folder) && bundlePathProblem(url.slice(folder.length).replace(/[?#].*$/s, '')) === undefined;
}

/**
 * The absolute URL of a bundle file; throws `KbError` kind `format` when `path` is not a
 * bundle path or would leave `folder`.
 */
export function resolveBundleFile(path: string, folder: string): string {
  const problem = bundlePathProblem(path);
  const url = problem ? undefined : new URL(path, folder).href;
  if (!url || !isInFolder(url, folder)) {
    throw new KbError(
      'format',
      `Refused ${JSON.stringify(path)}: the knowledge base's files must be inside ${folder} (${problem ?? 'it resolves outside'})`,
      { url: url ?? path },
    );
  }
  return url;
}
