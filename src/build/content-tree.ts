/** Lists a content folder: Markdown articles, category files, the config file and the rest. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings } from './diagnostics';

export const CATEGORY_FILE = '_category.md';
export const CONFIG_FILES = ['kb.config.json', 'kb.config.yaml', 'kb.config.yml'];

export interface ContentTree {
  /** Article files, relative paths with `/`, sorted. */
  articles: string[];
  /** `_category.md` files by folder (relative path, `''` for the root). */
  categoryFiles: Map<string, string>;
  /** Every folder below the root that holds an article or a `_category.md`, sorted. */
  folders: string[];
  /** Config files found at the root (normally one). */
  configFiles: string[];
  /** Every other file (images, attachments, stray files), relative paths, sorted. */
  otherFiles: string[];
}

const SKIPPED = new Set(['node_modules']);

/** Walks the folder in code-point order (the same on every machine); follows symbolic links. */
export async function readContentTree(root: string): Promise<ContentTree> {
  const tree: ContentTree = { articles: [], categoryFiles: new Map(), folders: [], configFiles: [], otherFiles: [] };
  const folders = new Set<string>();
  const visit = async (relative: string): Promise<void> => {
    const names = (await readdir(join(root, relative))).sort(compareStrings);
    for (const name of names) {
      if (SKIPPED.has(name)) continue;
      const path = relative ? `${relative}/${name}` : name;
      const info = await stat(join(root, path)).catch(() => undefined);
      // Hidden folders (.git) and hidden files (.DS_Store) are not content; but a page about the
      // `.` command is called `..md`, so hidden Markdown files are articles.
      if (!info || (name.startsWith('.') && (info.isDirectory() || !/\.(md|markdown)$/i.test(name)))) continue;
      if (info.isDirectory()) {
        await visit(path);
      } else if (name === CATEGORY_FILE) {
        tree.categoryFiles.set(relative, path);
        markFolders(relative, folders);
      } else if (!relative && CONFIG_FILES.includes(name)) {
        tree.configFiles.push(path);
      } else if (/\.(md|markdown)$/i.test(name)) {
        tree.articles.push(path);
        markFolders(relative, folders);
      } else {
        tree.otherFiles.push(path);
      }
    }
  };
  await visit('');
  tree.folders = [...folders].sort(compareStrings);
  return tree;
}

function markFolders(folder: string, into: Set<string>): void {
  for (let path = folder; path; path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '') into.add(path);
}
