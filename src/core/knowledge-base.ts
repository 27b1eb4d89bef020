/** The knowledge base in the page (or in Node): metadata, article bodies, search, context. */
import type { Article, ArticleMeta, Category, KnowledgeBaseMeta, SearchHit, SearchOptions } from './types';
import { bundleFolder, isInFolder, resolveBundleFile, validateBundle, validateBundleAsync, type KbBundle } from './bundle-format';
import { KbError } from './errors';
import { parseJsonChunks } from './json-sliced';
import { toWellFormed } from './uri-part';
import { timeSliced } from './yield';
import { contextMatch } from './context-match';
import { sectionTexts } from './html-text';
import { parseQuery } from './search/query';
import { rank } from './search/rank';
import { highlight, snippet, type Highlighter } from './search/highlight';
import { loadSearchIndex, loadSearchIndexAsync, type SearchIndex } from './search/search-index';
import { prepareSearch } from './search/warm-up';

export interface KnowledgeBaseOptions {
  /**
   * The bundle's own URL: its relative URLs (`meta.baseUrl`, body files, assets) resolve against
   * it. Default: the URL `load` read the bundle from, after redirects. A relative URL resolves
   * against the page.
   */
  baseUrl?: string | URL;
  /** Fetches a split article body yourself (say, with an auth header); `file` is its checked path in the bundle. */
  loadBody?: (id: string, file: string) => Promise<string>;
  /**
   * Whether the bundle's requests (kb.json, body files) carry cookies and HTTP authentication,
   * as fetch's `credentials`: `'omit'` (default), `'same-origin'` or `'include'`.
   */
  credentials?: RequestCredentials;
  /** Milliseconds before a request fails with a `timeout` error (default 30 000). */
  timeout?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

export interface LoadOptions extends KnowledgeBaseOptions {
  /** Aborts the load (not later body fetches); the load rejects with the signal's reason. */
  signal?: AbortSignal;
}

const DEFAULT_LIMIT = 10;

export class KnowledgeBase {
  readonly meta: KnowledgeBaseMeta;
  readonly #bundle: KbBundle;
  readonly #index: SearchIndex;
  readonly #options: KnowledgeBaseOptions;
  /** The folder the bundle's files are in (absolute, ending in `/`), when known. */
  readonly #folder: string | undefined;
  /** Article index by id. */
  readonly #byId: Map<string, number>;
  readonly #categoryById = new Map<string, Category>();
  readonly #bodies = new Map<string, string>();
  readonly #pendingBodies = new Map<string, Promise<string>>();
  readonly #sectionCache = new Map<number, Map<string, string>>();
  readonly #bodyTexts = new WeakMap<Map<string, string>, string>();
  #categoryTree?: Category[];
  #byCategory?: Map<string, ArticleMeta[]>;

  private constructor(bundle: KbBundle, index: SearchIndex, options: KnowledgeBaseOptions, byId?: Map<string, number>) {
    this.#bundle = bundle;
    this.#index = index;
    this.#options = options;
    this.meta = bundle.meta;
    this.#folder = bundleFolder(options.baseUrl === undefined ? undefined : absoluteUrl(options.baseUrl), bundle.meta.baseUrl);
    if (!byId) {
      byId = new Map();
      for (let i = 0; i < bundle.articles.length; i++) byId.set(bundle.articles[i]!.id, i);
    }
    this.#byId = byId;
    for (const c of bundle.categories) this.#categoryById.set(c.id, c);
    for (const [id, html] of Object.entries(bundle.bodies ?? {})) this.#bodies.set(id, html);
  }

  /**
   * The folder the bundle's body files and assets are in (absolute, ending in `/`): `meta.baseUrl`
   * resolved against the bundle's URL, else the bundle's own folder. `meta.baseUrl` as written
   * when the bundle's URL is unknown; undefined when neither is known.
   */
  get baseUrl(): string | undefined {
    return this.#folder ?? this.meta.baseUrl;
  }

  /** A knowledge base from a parsed bundle, loaded synchronously. Throws `KbError` (`format`, `version`). */
  static from(bundle: unknown, options: KnowledgeBaseOptions = {}): KnowledgeBase {
    const valid = validateBundle(bundle);
    return new KnowledgeBase(valid, loadSearchIndex(valid.search, valid.articles.length), options);
  }

  /** Like `from`, but loads the search index in slices of a few ms so the page stays responsive, then readies it for the first query in more slices. */
  static async fromAsync(bundle: unknown, options: KnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
    const valid = await validateBundleAsync(bundle);
    const index = await loadSearchIndexAsync(valid.search, valid.articles.length);
    const byId = new Map<string, number>();
    await timeSliced(valid.articles.length, (i) => byId.set(valid.articles[i]!.id, i));
    const kb = new KnowledgeBase(valid, index, options, byId);
    // In the tasks after loading, without delaying it: a query that comes first is answered as usual, only colder.
    const first = valid.articles[0];
    prepareSearch(index, first ? `${first.title} ${first.excerpt}` : '', (query) => kb.search(query, { limit: DEFAULT_LIMIT })).catch(
      () => {
        // Only ever a head start: a failure here would show in the query itself.
      },
    );
    return kb;
  }

  /**
   * Fetches `kb.json` and loads it with `fromAsync`; its files resolve against the URL it came
   * from (after redirects). Throws `KbError` (`network`, `http`, `timeout`, `format`, `version`).
   */
  static async load(url: string | URL, options: LoadOptions = {}): Promise<KnowledgeBase> {
    const href = absoluteUrl(url);
    const { json, finalUrl } = await fetchWithTimeout(href, options, `the knowledge base ${href}`, async (response) => ({
      json: await readJson(response, href),
      finalUrl: response.url || href,
    }));
    const { signal: _loadOnly, ...kbOptions } = options;
    return KnowledgeBase.fromAsync(json, { ...kbOptions, baseUrl: options.baseUrl ?? finalUrl });
  }

  // ---- search ----

  /** Ranked hits, one per article, best section and highlighted snippet included. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    if (typeof query !== 'string' || !query.trim()) return [];
    const parsed = parseQuery(query);
    if (!parsed.words.length) return [];
    const accept = this.#filter(options);
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const ranked = rank({
      index: this.#index,
      articles: this.#bundle.articles,
      query: parsed,
      limit,
      ...(accept ? { accept } : {}),
      bodyText: (a) => this.#bodyText(a),
    });
    const unspaced = parsed.words.filter((w) => w.prefix && w.parts.length === 0 && /[^\x00-\u2fff]/.test(w.term)).map((w) => w.term);
    return ranked.map((r) => {
      const article = this.#bundle.articles[r.article]!;
      const h: Highlighter = { terms: new Set([...r.terms, ...parsed.words.map((w) => w.term)]), unspaced };
      const heading = r.heading >= 0 ? article.headings[r.heading] : undefined;
      const snip = snippet(this.#sections(r.article)?.get(heading?.id ?? '') || article.excerpt, h);
      const hit: SearchHit = {
        article,
        score: r.score,
        snippet: snip.text,
        titleHtml: highlight(article.title, h),
        snippetHtml: snip.html,
        terms: r.terms,
      };
      if (heading) hit.section = { id: heading.id, heading: heading.text };
      return hit;
    });
  }

  /** Completions of the word being typed, most useful first (`"spam fi"` -> `"spam filter"`). */
  suggest(partial: string, limit = 5): string[] {
    if (typeof partial !== 'string' || !partial.trim()) return [];
    const parsed = parseQuery(partial);
    const last = parsed.words[parsed.words.length - 1];
    if (!last || !last.prefix) return [];
    const hits = rank({ index: this.#index, articles: this.#bundle.articles, query: parsed, limit: 50 });
    const counts = new Map<string, number>();
    hits.forEach((h, i) => {
      for (const t of h.terms) if (t.startsWith(last.term)) counts.set(t, (counts.get(t) ?? 0) + h.score / (i + 1));
    });
    const head = partial.replace(/[\p{L}\p{N}\p{M}_.@'’-]*$/u, '');
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([t]) => `${head}${t}`);
  }

  // ---- categories and articles ----

  /** All categories in tree order: parents before children, siblings by `order` then title. */
  categories(): Category[] {
    if (!this.#categoryTree) {
      const children = new Map<string | undefined, Category[]>();
      for (const c of this.#bundle.categories) {
        const parent = c.parent && this.#categoryById.has(c.parent) ? c.parent : undefined;
        const siblings = children.get(parent);
        if (siblings) siblings.push(c);
        else children.set(parent, [c]);
      }
      const out: Category[] = [];
      const placed = new Set<Category>();
      // Depth first without recursion: a chain of 100,000 nested categories must not overflow the stack.
      const stack: Category[] = [];
      const pushChildren = (parent: string | undefined) => {
        const below = [...(children.get(parent) ?? [])].sort(byOrderThenTitle);
        for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
      };
      pushChildren(undefined);
      while (stack.length) {
        const c = stack.pop()!;
        if (placed.has(c)) continue;
        placed.add(c);
        out.push(c);
        pushChildren(c.id);
      }
      this.#categoryTree = out;
    }
    return [...this.#categoryTree];
  }

  category(id: string): Category | undefined {
    return this.#categoryById.get(toWellFormed(id));
  }

  /** The breadcrumb of a category: root first, ending with the category itself. */
  categoryPath(id: string): Category[] {
    const path: Category[] = [];
    const seen = new Set<Category>();
    for (let c = this.category(id); c && !seen.has(c); c = c.parent ? this.#categoryById.get(c.parent) : undefined) {
      seen.add(c);
      path.push(c);
    }
    return path.reverse();
  }

  /** Articles of a category (directly in it), in the author's order; all articles without an id. */
  articles(categoryId?: string): ArticleMeta[] {
    const all = this.#bundle.articles;
    if (categoryId === undefined) return [...all];
    if (!this.#byCategory) {
      // Grouped and sorted once: a page of 1,000 categories asks for each one's articles.
      this.#byCategory = new Map();
      for (const a of all) {
        const group = this.#byCategory.get(a.category);
        if (group) group.push(a);
        else this.#byCategory.set(a.category, [a]);
      }
      for (const group of this.#byCategory.values()) group.sort(byOrderThenTitle);
    }
    return [...(this.#byCategory.get(toWellFormed(categoryId)) ?? [])];
  }

  /** The article's metadata; an id with a lone surrogate finds the article whose id the bundle's validation made well-formed. */
  articleMeta(id: string): ArticleMeta | undefined {
    const i = this.#byId.get(toWellFormed(id));
    return i === undefined ? undefined : this.#bundle.articles[i];
  }

  /** The article with its body HTML (not sanitized). Throws `KbError` kind `body` if a split body cannot be fetched. */
  async article(id: string): Promise<Article | undefined> {
    const meta = this.articleMeta(id);
    if (!meta) return undefined;
    return { ...meta, html: await this.#body(meta.id) };
  }

  /** The `n` most viewed articles, of a category and its descendants if `categoryId` is given. */
  popular(n = 5, categoryId?: string): ArticleMeta[] {
    const scope = categoryId === undefined ? undefined : this.#subtree(categoryId);
    const articles = scope ? this.#bundle.articles.filter((a) => scope.has(a.category)) : [...this.#bundle.articles];
    return articles.sort((a, b) => b.views - a.views || a.title.localeCompare(b.title)).slice(0, Math.max(0, n));
  }

  /** Articles related to `id`: its front matter `related` first, then the most similar by search. */
  related(id: string, n = 5): ArticleMeta[] {
    const meta = this.articleMeta(id);
    if (!meta || n <= 0) return [];
    const out: ArticleMeta[] = [];
    const add = (a: ArticleMeta | undefined) => {
      if (a && a.id !== id && !out.includes(a) && out.length < n) out.push(a);
    };
    for (const r of meta.related) add(this.articleMeta(r));
    if (out.length < n) {
      const query = [meta.title, ...meta.tags, ...meta.headings.slice(0, 5).map((h) => h.text)].join(' ');
      const lang = meta.lang;
      for (const hit of this.search(`${query} `, { limit: n + out.length + 1, ...(lang ? { lang } : {}) })) add(hit.article);
    }
    return out;
  }

  /**
   * Articles tied to a host-app context: setting keys (`settings.archive`, whose parent key
   * `settings` also matches) or route paths (`/domains/42/dns` matches `/domains/:id/dns`
   * and `/domains/*`). Closest matches first, then by views.
   */
  forContext(keyOrPath: string | string[]): ArticleMeta[] {
    const values = (Array.isArray(keyOrPath) ? keyOrPath : [keyOrPath])
      .filter((v) => typeof v === 'string' && v.trim())
      .map((v) => v.trim());
    const scored: { a: ArticleMeta; s: number }[] = [];
    for (const a of this.#bundle.articles) {
      let s = 0;
      for (const v of values) for (const p of a.context) s = Math.max(s, contextMatch(p, v));
      if (s > 0) scored.push({ a, s });
    }
    return scored.sort((x, y) => y.s - x.s || y.a.views - x.a.views).map((x) => x.a);
  }

  // ---- internals ----

  /** A category's id and its descendants' ids. */
  #subtree(categoryId: string): Set<string> {
    const ids = new Set([categoryId]);
    for (const c of this.categories()) if (c.parent && ids.has(c.parent)) ids.add(c.id);
    return ids;
  }

  #filter(options: SearchOptions): ((article: number) => boolean) | undefined {
    const checks: ((a: ArticleMeta) => boolean)[] = [];
    if (options.category) {
      const ids = this.#subtree(options.category);
      checks.push((a) => ids.has(a.category));
    }
    if (options.lang) {
      const want = options.lang.toLowerCase().split('-')[0];
      checks.push((a) => (a.lang ?? this.meta.locale).toLowerCase().split('-')[0] === want);
    }
    if (!checks.length) return undefined;
    return (i) => checks.every((check) => check(this.#bundle.articles[i]!));
  }

  /** Section texts of an article whose body is at hand (inline, or fetched before). */
  #sections(article: number): Map<string, string> | undefined {
    let cached = this.#sectionCache.get(article);
    if (!cached) {
      const html = this.#bodies.get(this.#bundle.articles[article]!.id);
      if (html === undefined) return undefined;
      cached = sectionTexts(html);
      if (this.#sectionCache.size > 500) this.#sectionCache.clear();
      this.#sectionCache.set(article, cached);
    }
    return cached;
  }

  /** The plain text of an article whose body is at hand, the same string each time. */
  #bodyText(article: number): string | undefined {
    const sections = this.#sections(article);
    if (!sections) return undefined;
    let text = this.#bodyTexts.get(sections);
    if (text === undefined) this.#bodyTexts.set(sections, (text = [...sections.values()].join(' ')));
    return text;
  }

  async #body(id: string): Promise<string> {
    const known = this.#bodies.get(id);
    if (known !== undefined) return known;
    const files = this.#bundle.bodyFiles;
    if (!files || !Object.hasOwn(files, id)) return '';
    let pending = this.#pendingBodies.get(id);
    if (!pending) {
      pending = this.#fetchBody(id, files[id]!).finally(() => this.#pendingBodies.delete(id));
      this.#pendingBodies.set(id, pending);
    }
    const html = await pending;
    this.#bodies.set(id, html);
    return html;
  }

  async #fetchBody(id: string, file: string): Promise<string> {
    const what = `the body of article "${id}"`;
    if (this.#options.loadBody) {
      try {
        return await this.#options.loadBody(id, file);
      } catch (cause) {
        if (cause instanceof KbError) throw cause;
        throw new KbError('network', `Could not load ${what} (${file})`, { cause });
      }
    }
    const folder = this.#folder;
    if (!folder)
      throw new KbError('format', `Cannot fetch ${what}: the bundle's URL is unknown (give KnowledgeBase a baseUrl or loadBody)`);
    const url = resolveBundleFile(file, folder);
    const stayedInFolder = (response: Response) => {
      const landed = response.url || url;
      if (!isInFolder(landed, folder)) {
        throw new KbError('format', `Refused ${what}: ${url} was redirected to ${landed}, outside the knowledge base's folder ${folder}`, {
          url: landed,
        });
      }
    };
    return fetchWithTimeout(url, this.#options, `${what} (${url})`, (response) => response.text(), stayedInFolder);
  }
}

/** Up to this size a bundle is parsed in one `JSON.parse` (a few ms): quicker than slicing it. */
const ONE_PIECE_BYTES = 512 * 1024;

/**
 * The response body parsed as JSON. A small body in one piece; a large one while it arrives,
 * decoded and parsed a slice at a time (a 10,000-article bundle as one string or one
 * `JSON.parse` would be a long task).
 */
async function readJson(response: Response, url: string): Promise<unknown> {
  const reader = response.body?.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = !reader;
  if (reader) {
    while (size <= ONE_PIECE_BYTES) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      head.push(value);
      size += value.length;
    }
  } else {
    head.push(new Uint8Array(await response.arrayBuffer()));
    size = head[0]!.length;
  }
  try {
    if (ended && size <= ONE_PIECE_BYTES) return JSON.parse(new TextDecoder().decode(joinBytes(head, size)));
    return await parseJsonChunks(async () => head.shift() ?? (reader ? (await reader.read()).value : undefined));
  } catch (cause) {
    if (!(cause instanceof SyntaxError)) throw cause;
    reader?.cancel().catch(() => undefined);
    throw new KbError('format', `The knowledge base at ${url} is not valid JSON`, { url, cause });
  }
}

function joinBytes(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function byOrderThenTitle(a: { order?: number; title: string }, b: { order?: number; title: string }): number {
  const oa = a.order ?? Number.POSITIVE_INFINITY;
  const ob = b.order ?? Number.POSITIVE_INFINITY;
  return oa !== ob ? (oa < ob ? -1 : 1) : a.title.localeCompare(b.title);
}

/** `url` made absolute against the page (in a browser); throws `KbError` kind `network` when it cannot be. */
function absoluteUrl(url: string | URL): string {
  const base = typeof location !== 'undefined' ? location.href : undefined;
  try {
    return new URL(String(url), base).href;
  } catch (cause) {
    throw new KbError('network', `Invalid knowledge-base URL: ${String(url)}`, { url: String(url), cause });
  }
}

/**
 * fetch with a timeout, without credentials unless `options.credentials` says so, and errors
 * as `KbError` naming `what` failed: `timeout`, `network` (no response: offline, DNS, CORS),
 * `http` (an error status), or what `check` (of any response) or `read` throw (`format`).
 */
async function fetchWithTimeout<T>(
  url: string,
  options: LoadOptions,
  what: string,
  read: (r: Response) => Promise<T>,
  check?: (r: Response) => void,
): Promise<T> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeout = options.timeout ?? 30_000;
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const timedOutError = (cause: unknown) => new KbError('timeout', `Loading ${what} timed out after ${timeout} ms`, { url, cause });
  try {
    let response: Response;
    try {
      response = await doFetch(url, { signal: controller.signal, credentials: options.credentials ?? 'omit' });
    } catch (cause) {
      if (options.signal?.aborted) throw options.signal.reason ?? cause;
      if (timedOut) throw timedOutError(cause);
      throw new KbError('network', `Could not reach ${what}: offline, the server is down, or it does not allow this page (CORS)`, {
        url,
        cause,
      });
    }
    check?.(response);
    if (!response.ok) throw new KbError('http', `Loading ${what} failed: HTTP ${response.status}`, { url, status: response.status });
    return await read(response);
  } catch (cause) {
    if (cause instanceof KbError || options.signal?.aborted) throw cause;
    if (timedOut) throw timedOutError(cause);
    throw new KbError('network', `Reading ${what} failed`, { url, cause });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
