/**
 * Resolves the URLs in an article: relative links to other articles become the widget's
 * `#kb/<id>[/<section>]` (links to a folder: `#kb?category=<id>`), relative images and
 * attachments are copied as assets, and whatever cannot be resolved is reported with its
 * file and line. External and absolute URLs are left alone: the elements decide how they open.
 */
import { statSync } from 'node:fs';
import { posix } from 'node:path';
import { fromHash, toHash } from '../core/hash-route';
import { decodeUriPart, encodeUriPart } from '../core/uri-part';
import type { AssetStore } from './assets';
import type { ContentRoot } from './content-root';
import { clipped, type DiagnosticList } from './diagnostics';
import type { UrlResolution as Resolution } from './markdown';
import { isReservedId } from './slug';

export interface LinkTarget {
  id: string;
  anchors: Set<string>;
}

export interface LinkContext {
  /** The content folder: nothing outside it is read. */
  root: ContentRoot;
  /** Articles in the bundle, by source path. */
  articles: Map<string, LinkTarget>;
  /** Articles left out (hidden, draft), by source path, with the reason. */
  leftOut: Map<string, string>;
  /** Files (articles or not) that `exclude` patterns leave out, by path, with the reason. */
  excluded?: Map<string, string>;
  /** Category ids by folder path. */
  categories: Map<string, string>;
  assets: AssetStore;
  diagnostics: DiagnosticList;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const articleHref = (id: string, section?: string) => toHash(section ? { view: 'article', id, section } : { view: 'article', id });

/** The article id of a link the resolver made (`#kb/<id>...`), else undefined. */
export function articleOfHref(href: string): string | undefined {
  const location = fromHash(href);
  return location?.view === 'article' ? location.id : undefined;
}

const categoryHref = (id: string) => toHash({ view: 'category', id });

export class LinkResolver {
  private byLowerCase?: Map<string, string>;
  /** For each folder that holds excluded files, the reason of the first of them. */
  private excludedFolders?: Map<string, string>;

  constructor(private readonly context: LinkContext) {}

  /**
   * @param from source path of the article (relative to the content folder)
   * @param anchors heading ids of that article, to check `#section` links
   */
  resolve(from: string, anchors: Set<string>, url: string, kind: 'link' | 'image', line: number): Resolution {
    const { diagnostics } = this.context;
    const href = url.trim();
    if (!href || SCHEME.test(href) || href.startsWith('//') || href.startsWith('/')) return undefined;
    if (href.startsWith('#')) {
      const anchor = decodeUriPart(href.slice(1));
      if (kind !== 'link' || !anchor || anchors.has(anchor)) return undefined;
      const matched = matchAnchor(anchors, anchor);
      if (matched) return { href: `#${encodeUriPart(matched)}` };
      diagnostics.warn(
        'missing-anchor',
        from,
        `link to "#${anchor}": no heading with that id in this article${diagnostics.suggest(anchor, anchors)}.`,
        line,
      );
      return undefined;
    }
    const [pathAndQuery, ...hashParts] = href.split('#');
    const hash = decodeUriPart(hashParts.join('#'));
    // A browser reads `\` as `/` in a web address; so does the build (`..\..\x` goes up too).
    const path = decodeUriPart(pathAndQuery.split('?')[0]).replace(/\\/g, '/');
    const target = posix.normalize(posix.join(posix.dirname(from), path));
    const keep = kind === 'image' ? 'its alt text is shown instead' : 'the link is shown as text';
    const what = kind === 'image' ? 'image' : 'link';
    if (target === '..' || target.startsWith('../')) {
      diagnostics.error(
        'outside-content',
        from,
        `${what} "${clipped(href)}" points outside the content folder (${clipped(target)}); nothing is read from there, ${keep}.`,
        line,
      );
      return { drop: true, refused: true };
    }

    if (kind === 'link') {
      const article = this.findArticle(target) ?? this.findArticleIgnoringCase(target);
      if (article) {
        const [targetPath, found] = article;
        if (!this.findArticle(target)) {
          diagnostics.warn(
            'link-case',
            from,
            `link to "${href}": the file is ${targetPath} (letter case differs; this breaks on case-sensitive systems); linked to it.`,
            line,
          );
        }
        const section = hash ? matchAnchor(found.anchors, hash) : undefined;
        if (hash && !section) {
          diagnostics.warn(
            'missing-anchor',
            from,
            `link to "${href}": ${targetPath} has no heading "#${hash}"${diagnostics.suggest(hash, found.anchors)}; linked to the article.`,
            line,
          );
        }
        return { href: articleHref(found.id, section) };
      }
      const leftOut = this.findIn(this.context.leftOut, target);
      if (leftOut) {
        diagnostics.warn('link-to-left-out', from, `link to "${href}": that article is ${leftOut[0]}, so the link is shown as text.`, line);
        return { drop: true };
      }
      const excluded = this.findIn(this.context.excluded, target);
      if (excluded) {
        diagnostics.warn(
          'link-to-excluded',
          from,
          `link to "${href}": ${excluded[1]} is ${excluded[0]}, so the link is shown as text.`,
          line,
        );
        return { drop: true };
      }
      const folder = target.replace(/\/$/, '') === '.' ? '' : target.replace(/\/$/, '');
      const category = this.context.categories.get(folder);
      if (category !== undefined && !/\.(md|markdown)$/i.test(path)) return { href: categoryHref(category) };
      const inFolder = folder && category === undefined ? this.excludedIn(folder) : undefined;
      if (inFolder && !/\.(md|markdown)$/i.test(path)) {
        diagnostics.warn(
          'link-to-excluded',
          from,
          `link to "${href}": the folder ${folder} has no category, its files are ${inFolder}; the link is shown as text.`,
          line,
        );
        return { drop: true };
      }
    }

    const excludedFile = this.context.excluded?.get(target);
    if (excludedFile) {
      diagnostics.warn(
        'link-to-excluded',
        from,
        `${kind === 'image' ? 'image' : 'file'} "${href}" (${target}) is ${excludedFile}; ${keep}.`,
        line,
      );
      return { drop: true };
    }
    const file = this.context.root.resolve(target);
    if ('outside' in file) {
      diagnostics.error(
        'outside-content',
        from,
        `${what} "${clipped(href)}" is not published: ${file.outside}; nothing is read from there, ${keep}.`,
        line,
      );
      return { drop: true, refused: true };
    }
    if ('real' in file && !/\.(md|markdown)$/i.test(target) && isFile(file.real)) return this.publish(from, href, file, kind, line);
    const missing = kind === 'image' ? 'image' : /\.(md|markdown)$/i.test(path) || !posix.extname(path) ? 'article' : 'file';
    diagnostics.warn(
      kind === 'image' ? 'missing-image' : 'missing-link',
      from,
      `${missing} "${href}" not found (looked for ${target}); ${keep}.`,
      line,
    );
    return { drop: true };
  }

  /** A file an article shows or links to, published as an asset if its type may be. */
  private publish(from: string, href: string, file: { real: string; path: string }, kind: 'link' | 'image', line: number): Resolution {
    const { diagnostics } = this.context;
    const excluded = this.context.excluded?.get(file.path);
    const keep = kind === 'image' ? 'its alt text is shown instead' : 'the link is shown as text';
    if (excluded) {
      diagnostics.warn(
        'link-to-excluded',
        from,
        `${kind === 'image' ? 'image' : 'file'} "${href}" leads to ${file.path}, which is ${excluded}; ${keep}.`,
        line,
      );
      return { drop: true };
    }
    const asset = this.context.assets.add(file.real);
    if ('refused' in asset) {
      diagnostics.error(
        'unpublished-file',
        from,
        `${kind === 'image' ? 'image' : 'file'} "${clipped(href)}" (${file.path}) is not published: ${asset.refused}; ${keep}.`,
        line,
      );
      return { drop: true, refused: true };
    }
    if (asset.removed) {
      diagnostics.warn(
        'unsafe-svg',
        from,
        `${kind === 'image' ? 'image' : 'file'} "${clipped(href)}": removed ${asset.removed.join(', ')} from the SVG; it is published without them.`,
        line,
      );
    }
    return { href: asset.path };
  }

  private excludedIn(folder: string): string | undefined {
    if (!this.excludedFolders) {
      this.excludedFolders = new Map();
      for (const [file, reason] of this.context.excluded ?? []) {
        for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) {
          const parent = file.slice(0, at);
          if (this.excludedFolders.has(parent)) break;
          this.excludedFolders.set(parent, reason);
        }
      }
    }
    return this.excludedFolders.get(folder);
  }

  private candidates(target: string): string[] {
    if (/\.(md|markdown)$/i.test(target)) return [target];
    const base = target.replace(/\/$/, '');
    const inFolder = (name: string) => (base === '.' || base === '' ? name : `${base}/${name}`);
    return [`${base}.md`, `${base}.markdown`, inFolder('index.md'), inFolder('README.md')];
  }

  private findArticle(target: string): [string, LinkTarget] | undefined {
    for (const candidate of this.candidates(target)) {
      const found = this.context.articles.get(candidate);
      if (found) return [candidate, found];
    }
    return undefined;
  }

  private findArticleIgnoringCase(target: string): [string, LinkTarget] | undefined {
    this.byLowerCase ??= new Map([...this.context.articles.keys()].map((path) => [path.toLowerCase(), path]));
    for (const candidate of this.candidates(target)) {
      const path = this.byLowerCase.get(candidate.toLowerCase());
      if (path) return [path, this.context.articles.get(path)!];
    }
    return undefined;
  }

  /** The reason an article the link means is not in the bundle, and its path. */
  private findIn(reasons: Map<string, string> | undefined, target: string): [reason: string, path: string] | undefined {
    for (const candidate of reasons ? this.candidates(target) : []) {
      const reason = reasons!.get(candidate);
      if (reason) return [reason, candidate];
    }
    return undefined;
  }
}

const collapsedAnchors = new WeakMap<Set<string>, Map<string, string>>();
const collapse = (id: string) => id.toLowerCase().replace(/-{2,}/g, '-');

/**
 * The heading id an anchor means: the same id, or the same once runs of `-` are collapsed
 * (GitHub keeps `a--b` where a removed `&` was, MkDocs writes `a-b`: links from either work),
 * or, for an id in the elements' `kb-` namespace, the id the build gave that heading instead.
 */
function matchAnchor(anchors: Set<string>, wanted: string): string | undefined {
  if (anchors.has(wanted)) return wanted;
  let collapsed = collapsedAnchors.get(anchors);
  if (!collapsed) {
    collapsed = new Map();
    for (const anchor of anchors) if (!collapsed.has(collapse(anchor))) collapsed.set(collapse(anchor), anchor);
    collapsedAnchors.set(anchors, collapsed);
  }
  const found = collapsed.get(collapse(wanted));
  if (found !== undefined || !isReservedId(wanted)) return found;
  return collapsed.get(collapse(`section-${wanted}`)) ?? collapsed.get(collapse(`tab-${wanted}`));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
