/** Lists a content folder: Markdown articles, category files, excluded files and the rest. */
import { lstatSync, readdirSync, readlinkSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { ContentRoot } from './content-root';
import { SKIPPED_NAMES } from './content-root';
import { compareStrings, type DiagnosticList } from './diagnostics';
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
  /** The real path each file is read from (its path in the content folder may go through links). */
  realPaths: Map<string, string>;
}

/** Folders that are not content though they may be inside the folder (the output folder): real paths, and paths below the folder. */
export interface IgnoredPaths {
  real: string[];
  paths: string[];
}

interface Link {
  path: string;
  excludedBy: ExcludeRule[];
}

/**
 * Walks the folder in code-point order (the same on every machine). Synchronous on purpose:
 * for thousands of small files it is several times faster than waiting on the thread pool.
 *
 * Symbolic links are followed only to files and folders inside the content folder that are
 * content themselves, each real file and folder once: the folder's own entries first, then
 * the links, in order, so a link never takes a file's place. A link that points outside, at
 * nothing, round in a loop, or at something already read is reported and skipped.
 */
export async function readContentTree(
  root: ContentRoot,
  diagnostics: DiagnosticList,
  ignore: IgnoredPaths = { real: [], paths: [] },
  exclude?: ExcludeRules,
): Promise<ContentTree> {
  const ignored = new Set([...ignore.real, ...ignore.paths.map((path) => join(root.real, path))]);
  /** A link on the way to an ignored folder (the output folder through a link) is not followed. */
  const leadsToIgnored = (path: string) => ignore.paths.some((ignoredPath) => ignoredPath === path || ignoredPath.startsWith(`${path}/`));
  const tree: ContentTree = {
    articles: [],
    categoryFiles: new Map(),
    folders: [],
    otherFiles: [],
    excluded: new Map(),
    realPaths: new Map(),
  };
  const folders = new Set<string>();
  /** Real path of each folder and file already listed, and the path it was listed under. */
  const seen = new Map<string, string>([[root.real, '']]);
  const links: Link[] = [];
  const rulesFor = (path: string, inherited: ExcludeRule[]) =>
    !exclude || exclude.empty ? inherited : [...inherited, ...exclude.matching(path)];

  const addFile = (path: string, real: string, rules: ExcludeRule[]) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    tree.realPaths.set(path, real);
    if (rules.length) {
      for (const rule of new Set(rules)) rule.files++;
      tree.excluded.set(path, rules[0]);
    } else if (name === CATEGORY_FILE) {
      tree.categoryFiles.set(folder, path);
      markFolders(folder, folders);
    } else if (/\.(md|markdown)$/i.test(name)) {
      tree.articles.push(path);
      markFolders(folder, folders);
    } else {
      tree.otherFiles.push(path);
    }
  };

  /** `excludedBy`: the patterns that match a folder this one is in. */
  const visit = (relative: string, realFolder: string, excludedBy: ExcludeRule[]): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(realFolder, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    } catch (error) {
      diagnostics.error(
        'unreadable',
        relative,
        `this folder cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its files are not in the bundle.`,
      );
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      const path = relative ? `${relative}/${name}` : name;
      const real = join(realFolder, name);
      if (SKIPPED_NAMES.has(name)) {
        markSkipped(path, exclude);
        continue;
      }
      if (ignored.has(real)) continue;
      // Hidden folders (.git) and hidden files (.DS_Store) are not content; but a page about the
      // `.` command is called `..md`, so hidden Markdown files are articles.
      const hidden = name.startsWith('.') && (entry.isDirectory() || !/\.(md|markdown)$/i.test(name));
      if (hidden || (!relative && CONFIG_FILES.includes(name) && (entry.isFile() || entry.isSymbolicLink()))) {
        if (hidden) markSkipped(path, exclude);
        continue;
      }
      const rules = rulesFor(path, excludedBy);
      if (entry.isSymbolicLink()) {
        if (!leadsToIgnored(path)) links.push({ path, excludedBy: rules });
      } else if (entry.isDirectory()) {
        seen.set(real, path);
        visit(path, real, rules);
      } else if (entry.isFile()) {
        seen.set(real, path);
        addFile(path, real, rules);
      } else if (/\.(md|markdown)$/i.test(name)) {
        diagnostics.warn('not-a-file', path, 'not a regular file (a pipe, socket or device); skipped.');
      }
    }
  };

  const follow = ({ path, excludedBy }: Link): void => {
    const shown = `symbolic link to "${readlink(root.real, path)}"`;
    const target = root.resolve(path);
    if ('missing' in target) {
      diagnostics.warn('broken-link', path, `${shown}, which does not exist; skipped.`);
      return;
    }
    if ('outside' in target) {
      diagnostics.error('link-outside', path, `${shown}: not followed, ${target.outside}. The build reads only the content folder.`);
      return;
    }
    const first = seen.get(target.real);
    const isFolder = statSync(target.real).isDirectory();
    if (first !== undefined && !isFolder && !/\.(md|markdown)$/i.test(path)) {
      // Another name for an image or attachment: harmless, it is published once whichever name an article uses.
      addFile(path, target.real, excludedBy);
      return;
    }
    if (first !== undefined) {
      const loop = first === '' || path.startsWith(`${first}/`);
      if (loop)
        diagnostics.warn(
          'link-loop',
          path,
          `${shown} goes round in a loop (it points at ${first || 'the content folder'}, which holds it); skipped.`,
        );
      else diagnostics.warn('link-duplicate', path, `${shown}: ${first} is already in the bundle; read once, under its own name.`);
      return;
    }
    seen.set(target.real, path);
    const rules = exclude && !exclude.empty ? [...excludedBy, ...exclude.matching(target.path)] : excludedBy;
    if (isFolder) visit(path, target.real, rules);
    else addFile(path, target.real, rules);
  };

  visit('', root.real, []);
  for (let i = 0; i < links.length; i++) follow(links[i]);
  tree.articles.sort(compareStrings);
  tree.otherFiles.sort(compareStrings);
  tree.folders = [...folders].sort(compareStrings);
  return tree;
}

function readlink(root: string, path: string): string {
  try {
    return readlinkSync(join(root, path));
  } catch {
    return '?';
  }
}

/** Tells the patterns that match a path the walk skips anyway that they are not typos. */
function markSkipped(path: string, exclude: ExcludeRules | undefined): void {
  if (exclude && !exclude.empty) for (const rule of exclude.matching(path)) rule.skipped = true;
}

/**
 * The config files at the root of a content folder, in the order they are preferred. One that
 * is a symbolic link counts only when it leads to a file inside the folder.
 */
export function findConfigFiles(root: ContentRoot, diagnostics: DiagnosticList): string[] {
  return CONFIG_FILES.filter((name) => {
    let info;
    try {
      info = lstatSync(join(root.real, name));
    } catch {
      return false;
    }
    if (!info.isSymbolicLink()) return info.isFile();
    const target = root.resolve(name);
    if ('real' in target && statSync(target.real).isFile()) return true;
    const why = 'outside' in target ? target.outside : 'it points at nothing';
    diagnostics.error(
      'link-outside',
      name,
      `symbolic link to "${readlink(root.real, name)}": not read, ${why}; used the default settings.`,
    );
    return false;
  });
}

function markFolders(folder: string, into: Set<string>): void {
  for (let path = folder; path; path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '') into.add(path);
}
