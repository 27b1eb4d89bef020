/**
 * Resolves the URLs in an article: relative links to other articles become the widget's
 * `#kb/<id>[/<section>]` (links to a folder: `#kb?category=<id>`), relative images and
 * attachments are copied as assets, and whatever cannot be resolved is reported with its
 * file and line. External and absolute URLs are left alone: the elements decide how they open.
 */
import { statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { AssetStore } from './assets';
import type { DiagnosticList } from './diagnostics';
import { didYouMeanHint } from './did-you-mean';
import type { UrlResolution as Resolution } from './markdown';

export interface LinkTarget {
  id: string;
  anchors: Set<string>;
}

export interface LinkContext {
  contentDir: string;
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

export const articleHref = (id: string, section?: string) =>
  section ? `#kb/${encodeURIComponent(id)}/${encodeURIComponent(section)}` : `#kb/${encodeURIComponent(id)}`;

/** The article id of an `articleHref`, else undefined. */
export function articleOfHref(href: string): string | undefined {
  const match = /^#kb\/([^/?#]+)/.exec(href);
  return match ? decode(match[1]!) : undefined;
}

export const categoryHref = (id: string) => `#kb?category=${encodeURIComponent(id)}`;

export class LinkResolver {
  private byLowerCase?: Map<string, string>;

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
      const anchor = decode(href.slice(1));
      if (kind !== 'link' || !anchor || anchors.has(anchor)) return undefined;
      const matched = matchAnchor(anchors, anchor);
      if (matched) return { href: `#${encodeURIComponent(matched)}` };
      diagnostics.warn('missing-anchor', from, `link to "#${anchor}": no heading with that id in this article${didYouMeanHint(anchor, [...anchors])}.`, line);
      return undefined;
    }
    const [pathAndQuery, ...hashParts] = href.split('#');
    const hash = decode(hashParts.join('#'));
    const path = decode(pathAndQuery.split('?')[0]);
    const target = posix.normalize(posix.join(posix.dirname(from), path));

    if (kind === 'link') {
      const article = this.findArticle(target) ?? this.findArticleIgnoringCase(target);
      if (article) {
        const [targetPath, found] = article;
        if (!this.findArticle(target)) {
          diagnostics.warn('link-case', from, `link to "${href}": the file is ${targetPath} (letter case differs; this breaks on case-sensitive systems); linked to it.`, line);
        }
        const section = hash ? matchAnchor(found.anchors, hash) : undefined;
        if (hash && !section) {
          diagnostics.warn('missing-anchor', from, `link to "${href}": ${targetPath} has no heading "#${hash}"${didYouMeanHint(hash, [...found.anchors])}; linked to the article.`, line);
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
        diagnostics.warn('link-to-excluded', from, `link to "${href}": ${excluded[1]} is ${excluded[0]}, so the link is shown as text.`, line);
        return { drop: true };
      }
      const folder = target.replace(/\/$/, '') === '.' ? '' : target.replace(/\/$/, '');
      const category = this.context.categories.get(folder);
      if (category !== undefined && !/\.(md|markdown)$/i.test(path)) return { href: categoryHref(category) };
      const inFolder = folder && category === undefined ? [...(this.context.excluded ?? [])].find(([file]) => file.startsWith(`${folder}/`)) : undefined;
      if (inFolder && !/\.(md|markdown)$/i.test(path)) {
        diagnostics.warn('link-to-excluded', from, `link to "${href}": the folder ${folder} has no category, its files are ${inFolder[1]}; the link is shown as text.`, line);
        return { drop: true };
      }
    }

    const keep = kind === 'image' ? 'its alt text is shown instead' : 'the link is shown as text';
    const excludedFile = this.context.excluded?.get(target);
    if (excludedFile) {
      diagnostics.warn('link-to-excluded', from, `${kind === 'image' ? 'image' : 'file'} "${href}" (${target}) is ${excludedFile}; ${keep}.`, line);
      return { drop: true };
    }
    const file = resolve(this.context.contentDir, target);
    if (!/\.(md|markdown)$/i.test(target) && isFile(file)) return { href: this.context.assets.add(file) };
    const what = kind === 'image' ? 'image' : /\.(md|markdown)$/i.test(path) || !posix.extname(path) ? 'article' : 'file';
    diagnostics.warn(kind === 'image' ? 'missing-image' : 'missing-link', from, `${what} "${href}" not found (looked for ${target}); ${keep}.`, line);
    return { drop: true };
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

/**
 * The heading id an anchor means: the same id, or the same once runs of `-` are collapsed
 * (GitHub keeps `a--b` where a removed `&` was, MkDocs writes `a-b`: links from either work).
 */
function matchAnchor(anchors: Set<string>, wanted: string): string | undefined {
  if (anchors.has(wanted)) return wanted;
  const collapse = (id: string) => id.toLowerCase().replace(/-{2,}/g, '-');
  const key = collapse(wanted);
  for (const anchor of anchors) if (collapse(anchor) === key) return anchor;
  return undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
