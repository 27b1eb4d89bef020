/** Lists a content folder: Markdown articles, category files, excluded files and the rest. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareStrings } from './diagnostics';
import type { ExcludeRule, ExcludeRules } from './exclude';

export const CATEGORY_FILE = '_category.md';
export const CONFIG_FILES = ['kb.config.json', 'kb.config.yaml', 'kb.config.yml'];

export interface ContentTree {
  /** Article files, relative paths with `/`, sorted. */
  articles: string[];
  /** `_category.md` files by folder (relative path, `''` for the root). */
  categoryFiles: Map<string, string>;
  /** Every folder below the root that holds an article or a `_category.md`, sorted. */
  folders: string[];
  /** Every other file (images, attachments, stray files), relative paths, sorted. */
  otherFiles: string[];
  /** Files left out by an `exclude` pattern (Markdown or not), with the first pattern that did. */
  excluded: Map<string, ExcludeRule>;
}

const SKIPPED = new Set(['node_modules']);

/**
 * Walks the folder in code-point order (the same on every machine); follows symbolic links.
 * Synchronous on purpose: for thousands of small files it is several times faster than
 * waiting on the thread pool for each one.
 */
export async function readContentTree(root: string, ignore: string[] = [], exclude?: ExcludeRules): Promise<ContentTree> {
  const ignored = new Set(ignore.map((path) => resolve(path)));
  const tree: ContentTree = { articles: [], categoryFiles: new Map(), folders: [], otherFiles: [], excluded: new Map() };
  const folders = new Set<string>();
  const rulesFor = (path: string, inherited: ExcludeRule[]) => (!exclude || exclude.empty ? inherited : [...inherited, ...exclude.matching(path)]);
  /** `excludedBy`: the patterns that match a folder this one is in. */
  const visit = (relative: string, excludedBy: ExcludeRule[]): void => {
    const entries = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name;
      const path = relative ? `${relative}/${name}` : name;
      if (SKIPPED.has(name)) {
        markSkipped(path, exclude);
        continue;
      }
      if (ignored.has(join(root, path))) continue;
      const kind = kindOf(entry, join(root, path));
      // Hidden folders (.git) and hidden files (.DS_Store) are not content; but a page about the
      // `.` command is called `..md`, so hidden Markdown files are articles.
      if (!kind || (name.startsWith('.') && (kind === 'folder' || !/\.(md|markdown)$/i.test(name)))) {
        markSkipped(path, exclude);
        continue;
      }
      if (!relative && CONFIG_FILES.includes(name) && kind === 'file') continue;
      const rules = rulesFor(path, excludedBy);
      if (kind === 'folder') {
        visit(path, rules);
      } else if (rules.length) {
        for (const rule of new Set(rules)) rule.files++;
        tree.excluded.set(path, rules[0]);
      } else if (name === CATEGORY_FILE) {
        tree.categoryFiles.set(relative, path);
        markFolders(relative, folders);
      } else if (/\.(md|markdown)$/i.test(name)) {
        tree.articles.push(path);
        markFolders(relative, folders);
      } else {
        tree.otherFiles.push(path);
      }
    }
  };
  visit('', []);
  tree.folders = [...folders].sort(compareStrings);
  return tree;
}

/** Tells the patterns that match a path the walk skips anyway that they are not typos. */
function markSkipped(path: string, exclude: ExcludeRules | undefined): void {
  if (exclude && !exclude.empty) for (const rule of exclude.matching(path)) rule.skipped = true;
}

/** The config files at the root of a content folder, in the order they are preferred. */
export function findConfigFiles(root: string): string[] {
  return CONFIG_FILES.filter((name) => {
    try {
      return statSync(join(root, name)).isFile();
    } catch {
      return false;
    }
  });
}

function kindOf(entry: Dirent, path: string): 'file' | 'folder' | undefined {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const info = statSync(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function markFolders(folder: string, into: Set<string>): void {
  for (let path = folder; path; path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '') into.add(path);
}
